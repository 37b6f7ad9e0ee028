// Gives each test its own copy of an example workspace, so tests may add or break files
// without touching examples/ or each other.

import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeTempDir } from './emergency';
import { EXAMPLES_DIR } from './env';

export interface TempWorkspace {
  /** Absolute path of the copy. */
  root: string;
  /** Writes `text` to `relativePath` inside the copy (creating folders) and returns its path. */
  write(relativePath: string, text: string): string;
  remove(): void;
}

/** Copies `examples/<name>` to a fresh temporary folder named after it. */
export function copyExample(name = 'greeter'): TempWorkspace {
  const parent = makeTempDir('wit-e2e-ws-');
  // The folder keeps the example's name, which is what the Explorer and window title show.
  const root = join(parent.path, name);
  cpSync(join(EXAMPLES_DIR, name), root, { recursive: true });
  return {
    root,
    write(relativePath, text) {
      const path = join(root, relativePath);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      return path;
    },
    remove() {
      parent.remove();
    },
  };
}
