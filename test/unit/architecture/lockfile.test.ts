// `npm ci` (CI's first step) accepts package-lock.json only when every optional platform package
// has an entry; the registry lacks some, so `npm run lock` adds them. This fails when a lock file
// was written by a bare `npm install` and `npm ci` would refuse it.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

test('package-lock.json has an entry for every optional dependency (npm ci accepts it)', () => {
  const r = spawnSync(process.execPath, ['scripts/complete-lock.mjs', '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});
