// Versions are ordered as wit-parser orders them (the semver crate's total order): semver.org's
// precedence, then build metadata. Each version below comes strictly after the one before it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareVersions } from '../../../server/src/semantics/gates';

const ASCENDING = [
  '0.9.9', '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11',
  '1.0.0-rc.1', '1.0.0-rc.1+b', '1.0.0', '1.0.0+0', '1.0.0+00', '1.0.0+1', '1.0.0+01', '1.0.0+001', '1.0.0+2',
  '1.0.0+10', '1.0.0+a', '1.0.0+a.0', '1.0.0+a.b', '1.0.0+b', '1.0.1', '1.1.0', '2.0.0', '18446744073709551615.0.0',
];

test('versions compare in the semver crate order, build metadata last', () => {
  for (let i = 0; i < ASCENDING.length; i++) {
    assert.equal(compareVersions(ASCENDING[i], ASCENDING[i]), 0, ASCENDING[i]);
    for (let j = i + 1; j < ASCENDING.length; j++) {
      assert.ok(compareVersions(ASCENDING[i], ASCENDING[j]) < 0, `${ASCENDING[i]} < ${ASCENDING[j]}`);
      assert.ok(compareVersions(ASCENDING[j], ASCENDING[i]) > 0, `${ASCENDING[j]} > ${ASCENDING[i]}`);
    }
  }
});
