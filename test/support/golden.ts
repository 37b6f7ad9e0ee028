// Golden-file comparison: a missing golden file is written, and UPDATE_GOLDEN=1 rewrites them all.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function assertGolden(path: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  const expected = readFileSync(path, 'utf8');
  assert.equal(actual, expected, `golden file differs: ${path} (run with UPDATE_GOLDEN=1 to rewrite it)`);
}
