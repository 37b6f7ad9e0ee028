// "Did you mean": the edit distance counts a swap of neighbouring letters as one edit, agrees
// with a plain dynamic-programming reference on random words, and its early exit never hides a
// candidate within the limit.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkUnit } from '../../../server/src/semantics/check';
import { memoryFileSystem } from '../../../server/src/semantics/fileSystem';
import { loadUnit } from '../../../server/src/semantics/load';
import { SuggestionBudget, closestName, editDistance } from '../../../server/src/semantics/suggest';
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
  // Longer than the rows kept between calls, which then grow.
  assert.equal(editDistance('a'.repeat(300), `${'a'.repeat(299)}b`), 1);
  assert.equal(editDistance('ab'.repeat(150), 'ba'.repeat(150)), 2);
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

test('a budget is spent per candidate looked at, and once it runs out nothing is suggested', () => {
  const budget = new SuggestionBudget(5);
  assert.equal(closestName('cuont', ['amount', 'count', 'u32'], budget), 'count');
  assert.equal(budget.left, 2);
  assert.equal(closestName('cuont', ['amount', 'count', 'u32'], budget), undefined);
  assert.equal(closestName('cuont', ['count'], new SuggestionBudget(0)), undefined);
});

test('a check spends one budget on suggestions: 3,000 typos among 3,000 types, the first suggested, the last not', async () => {
  // Each typo is compared with every type (9M comparisons); the budget of a run stops that, so a
  // file with tens of thousands of unknown names checks in seconds instead of minutes.
  const n = 3000;
  const types = Array.from({ length: n }, (_, k) => `  type name-${k} = u8;\n`).join('');
  const uses = Array.from({ length: n }, (_, k) => `  type use-${k} = nmae-${k};\n`).join('');
  const fs = memoryFileSystem({ '/p/a.wit': `package a:b;\ninterface i {\n${types}${uses}}\n` });
  const { input } = await loadUnit('/p', { fs });
  const ds = checkUnit(input, { features: new Set(), allFeatures: false }, false).diagnostics.get('/p/a.wit')!;
  assert.equal(ds.length, n);
  assert.match(ds[0].message, /did you mean `name-0`\?$/);
  assert.doesNotMatch(ds[n - 1].message, /did you mean/);
});
