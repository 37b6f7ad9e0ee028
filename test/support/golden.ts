// Golden-file comparison: UPDATE_GOLDEN=1 rewrites them all; without it a missing golden file is
// written from the actual output and the test fails, so a new one is looked at and committed.
// goldenCases lists a fixture folder's inputs with their golden files.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function assertGolden(path: string, actual: string): void {
  const update = process.env.UPDATE_GOLDEN === '1';
  if (update || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    if (update) return;
    assert.fail(`golden file was missing: ${path}; wrote it from this run's output: check it, commit it and run again`);
  }
  const expected = readFileSync(path, 'utf8');
  assert.equal(actual, expected, `golden file differs: ${path} (run with UPDATE_GOLDEN=1 to rewrite it)`);
}

export interface GoldenCase {
  /** File name of the input, e.g. `world.wit`. */
  name: string;
  /** Path of the input. */
  path: string;
  /** Path of its golden file: the input's with `.wit` replaced by `goldenExt`. */
  golden: string;
}

/**
 * The `.wit` inputs directly in `dir` (sorted, minus those `exclude` names), each with its golden
 * file; asserts that there is at least one, so a moved folder cannot pass with no tests.
 */
export function goldenCases(dir: string, goldenExt: string, options: { exclude?: (name: string) => boolean } = {}): GoldenCase[] {
  const names = readdirSync(dir).filter((n) => n.endsWith('.wit') && !options.exclude?.(n)).sort();
  assert.ok(names.length > 0, `no .wit cases in ${dir}`);
  return names.map((name) => ({ name, path: join(dir, name), golden: join(dir, name.replace(/\.wit$/, goldenExt)) }));
}
