// chainEnd, the memoized walk that passes over a whole file use for `use` and alias chains, must
// end where the plain walk (underlyingDef) ends, from every start, in any order of calls: on
// random graphs of links with shared tails, dead ends and cycles.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chainEnd } from '../../../server/src/semantics/model';
import { rng } from '../../support/random';

/** The plain walk, as underlyingDef does it: until a dead end or a node seen before. */
function plainEnd(start: number, next: (n: number) => number | undefined): number {
  const seen = new Set<number>();
  let cur = start;
  while (!seen.has(cur)) {
    seen.add(cur);
    const n = next(cur);
    if (n === undefined) break;
    cur = n;
  }
  return cur;
}

test('chainEnd ends where the plain walk ends, from every start and in any order', () => {
  const r = rng();
  for (let g = 0; g < 2000; g++) {
    const size = 1 + r.int(12);
    // Each node links to one other node (itself included) or to nothing.
    const links = Array.from({ length: size }, () => (r.next() < 0.25 ? undefined : r.int(size)));
    const next = (n: number) => links[n];
    const memo = new Map<number, number>();
    const order = Array.from({ length: size }, (_, i) => i).sort(() => r.next() - 0.5);
    for (const start of order) {
      assert.equal(chainEnd(start, next, memo), plainEnd(start, next), `seed ${r.seed}, graph ${g} ${JSON.stringify(links)}, start ${start}`);
    }
  }
});

test('a chain of 100,000 links is walked once, whichever link is asked first', () => {
  const n = 100_000;
  let steps = 0;
  const next = (k: number) => {
    steps++;
    return k + 1 < n ? k + 1 : undefined;
  };
  const memo = new Map<number, number>();
  for (let start = 0; start < n; start += 1000) assert.equal(chainEnd(n - 1 - start, next, memo), n - 1);
  for (let start = 0; start < n; start++) assert.equal(chainEnd(start, next, memo), n - 1);
  assert.equal(steps, n);
});
