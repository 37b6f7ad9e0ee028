// Names taken out of the source through internSlice must read exactly like a slice, whatever
// shares a slot of its table; this compares them on random words over a small alphabet, so that
// equal words recur (table hits), unequal ones collide, and long ones bypass the table.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { internSlice } from '../../../server/src/base/intern';
import { rng } from '../../support/random';

test('internSlice reads like slice', () => {
  const r = rng();
  const words: string[] = [];
  for (let i = 0; i < 40000; i++) {
    let w = '';
    for (let n = 1 + r.int(16); n > 0; n--) w += 'ab-c%é'[r.int(6)];
    words.push(w);
  }
  const text = words.join(' ');
  for (let i = 0, at = 0; i < words.length; at += words[i].length + 1, i++) {
    assert.equal(internSlice(text, at, at + words[i].length), words[i]);
  }
  assert.equal(internSlice(text, 0, 0), '');
});
