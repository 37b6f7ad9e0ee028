// Doc comments become docs the way wit-parser's `docs()` makes them (docText); lowering takes
// a shortcut for the common single `/// line` (oneLineDoc), which must give the same text or
// decline.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { docText, oneLineDoc } from '../../../server/src/semantics/lower';
import { rng } from '../../support/random';

test('docText strips markers and common indentation', () => {
  assert.equal(docText(['/// One stored entry.']), 'One stored entry.');
  assert.equal(docText(['///   indented  ', '///     more']), 'indented\n  more');
  assert.equal(docText(['/** block */']), 'block');
  assert.equal(docText(['//']), '');
});

test('the one-line shortcut agrees with docText whenever it answers', () => {
  const r = rng();
  const pieces = ['/', '//', '///', ' ', '  ', '\t', '\r', 'a', 'word', '-', '*', '\u00a0', '\f'];
  let answered = 0;
  for (let i = 0; i < 20000; i++) {
    let c = r.pick(['//', '///', '////']);
    for (let k = r.int(8); k > 0; k--) c += r.pick(pieces);
    const padded = `x${c}y`;
    const fast = oneLineDoc(padded, 1, 1 + c.length);
    if (fast === undefined) continue;
    answered++;
    assert.equal(fast, docText([c]), JSON.stringify(c));
  }
  assert.ok(answered > 15000, `the shortcut answered only ${answered} times`);
});
