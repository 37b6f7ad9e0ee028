// Locates ../shared, the read-only reference material (or wherever WIT_SHARED points), and lists
// its WIT files; tests that need it skip with a clear message when it is absent.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED = process.env.WIT_SHARED ? resolve(process.env.WIT_SHARED) : resolve(process.cwd(), '..', 'shared');

export function sharedAvailable(): boolean {
  return existsSync(join(SHARED, 'README.md'));
}

export const SHARED_MISSING = `the reference material is not at ${SHARED} (../shared, or set WIT_SHARED); skipping`;

/** Every file under `dir` whose name ends with `suffix`, sorted. */
export function filesUnder(dir: string, suffix = '.wit'): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(suffix)) out.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** The WASI layouts of the reference material: folders laid out as a user's project. */
export const WASI_LAYOUTS = join(SHARED, 'conformance', 'wasi', 'layouts');

/** Each WASI layout (sorted by name) with its `wit/` folder. */
export function wasiLayouts(): { name: string; wit: string }[] {
  return readdirSync(WASI_LAYOUTS).sort().map((name) => ({ name, wit: join(WASI_LAYOUTS, name, 'wit') }));
}
