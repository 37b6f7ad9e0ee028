// Temporary workspaces on disk for tests: a folder with the given files, removed afterwards.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TempWorkspace {
  root: string;
  path(rel: string): string;
  write(rel: string, text: string): string;
  remove(rel: string): void;
  dispose(): void;
}

export function tempWorkspace(files: Record<string, string>): TempWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'wit-ws-'));
  const ws: TempWorkspace = {
    root,
    path: (rel) => join(root, rel),
    write(rel, text) {
      const p = join(root, rel);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, text);
      return p;
    },
    remove(rel) {
      rmSync(join(root, rel), { recursive: true, force: true });
    },
    dispose() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  for (const [rel, text] of Object.entries(files)) ws.write(rel, text);
  return ws;
}
