// Versions are checked against semver 2.0 with a one-scan shortcut for the plain `1.2.3` shape;
// this checks that the shortcut never accepts what the general check rejects, on random text
// built from the characters versions are made of, and pins the messages of a few known cases.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fullSemverError, semverError } from '../../../server/src/syntax/grammar/common';
import { rng } from '../../support/random';

const NUMBERS = ['0', '1', '7', '00', '01', '10', '999', '9007199254740991', '9007199254740993', '123456789012345', '1234567890123456'];
const PIECES = [...NUMBERS, '.', '.', '.', '-', '+', 'a', 'rc', ''];

test('the plain-version shortcut agrees with the general semver check', () => {
  const r = rng();
  let plain = 0;
  for (let n = 0; n < 20000; n++) {
    // Half are three numbers joined by dots (valid or nearly), half free sequences of pieces.
    let text = '';
    if (r.int(2)) text = [r.pick(NUMBERS), r.pick(NUMBERS), r.pick(NUMBERS)].join('.');
    else for (let i = 1 + r.int(7); i > 0; i--) text += r.pick(PIECES);
    if (r.int(4) === 0) {
      const at = r.int(text.length + 1);
      text = text.slice(0, at) + r.pick(PIECES) + text.slice(at + r.int(2));
    }
    const got = semverError(text);
    assert.equal(got, fullSemverError(text), JSON.stringify(text));
    if (got === undefined && /^[0-9.]+$/.test(text)) plain++;
  }
  // The generator must reach the shortcut often, or the comparison proves little.
  assert.ok(plain > 2000, `only ${plain} plain versions generated`);
});

test('known versions and their messages', () => {
  assert.equal(semverError('1.2.3'), undefined);
  assert.equal(semverError('0.2.0-rc.1+build.5'), undefined);
  assert.equal(semverError('1.02.3'), 'numbers may not have leading zeros');
  assert.equal(semverError('1.2'), 'expected MAJOR.MINOR.PATCH');
  assert.equal(semverError('1..3'), 'expected MAJOR.MINOR.PATCH');
  // Parts are u64s, as in the semver crate wit-parser uses.
  assert.equal(semverError('1.2.9007199254740993'), undefined);
  assert.equal(semverError('18446744073709551615.0.0'), undefined);
  assert.equal(semverError('18446744073709551616.0.0'), 'number too large');
  assert.equal(semverError('1.99999999999999999999.0'), 'number too large');
  assert.equal(semverError('1.2.100000000000000000000'), 'number too large');
  assert.equal(semverError('1.2.3-'), 'empty pre-release');
});
