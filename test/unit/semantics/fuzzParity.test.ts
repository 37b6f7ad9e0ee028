// A short, seeded run of the differential fuzzer (scripts/fuzz/parity.mjs) in each of its main
// modes: mutants of wit-parser's suite and of the WASI packages must get the same accept/reject
// verdict from the checker as from wit-parser itself. Same seeds, same inputs: a failure here is
// a parity regression, and the fuzzer's output names the input it wrote under .cache/fuzz/cases/.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { PROJECT_ROOT } from '../../e2e/support/env';
import { SHARED, SHARED_MISSING, sharedAvailable } from '../../support/shared';

const MODES = [
  ['--seed', '3'],
  ['--seed', '4', '--gates'],
  ['--seed', '5', '--gates', '--folders', '--features', 'active'],
  ['--seed', '6', '--versions', '--folders'],
];

for (const mode of MODES) {
  test(`no disagreement with wit-parser on 400 mutants (${mode.join(' ')})`, { skip: !sharedAvailable() && SHARED_MISSING, timeout: 300_000 }, () => {
    const r = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'fuzz', 'parity.mjs'), '--count', '400', ...mode], {
      cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, WIT_SHARED: SHARED },
    });
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr.split('\n').filter((l) => !l.startsWith('ERROR:')).join('\n')}`);
    assert.match(r.stdout, /^0 disagreement\(s\) in 400 inputs/m);
  });
}
