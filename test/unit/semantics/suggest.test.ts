// "Did you mean": the edit distance counts a swap of neighbouring letters as one edit, agrees
// with a plain dynamic-programming reference on random words, and its early exit never hides a
// candidate within the limit.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closestName, editDistance } from '../../../server/src/semantics/suggest';
import { rng } from '../../support/random';

/** Optimal string alignment distance, the textbook full table. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

test('known distances: a swap of neighbours is one edit', () => {
  assert.equal(editDistance('cuont', 'count'), 1);
  assert.equal(editDistance('ab', 'ba'), 1);
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('ca', 'abc'), 3);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('same', 'same'), 0);
});

test('agrees with the full table on random words, with and without a limit', () => {
  const random = rng();
  const word = () => Array.from({ length: random.int(8) }, () => random.pick(['a', 'b', 'c', 'd', '-'])).join('');
  for (let n = 0; n < 20_000; n++) {
    const a = word();
    const b = random.next() < 0.5 ? word() : a.split('').reverse().join('');
    const want = reference(a, b);
    assert.equal(editDistance(a, b), want, `${a} / ${b} (seed ${random.seed})`);
    const max = random.int(4);
    const limited = editDistance(a, b, max);
    if (want <= max) assert.equal(limited, want, `${a} / ${b} max ${max}`);
    else assert.ok(limited > max, `${a} / ${b} max ${max}: ${limited}`);
  }
});

test('a transposed name is suggested', () => {
  assert.equal(closestName('cuont', ['amount', 'count', 'u32']), 'count');
  assert.equal(closestName('lveel', ['level', 'label']), 'level');
  assert.equal(closestName('xyz', ['count']), undefined);
});
