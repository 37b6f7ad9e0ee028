// Forbidden code points (control characters, bidirectional overrides, deprecated code points)
// are errors wherever they are, as in wit-parser: in names, comments, strings and between tokens.
// The lexer looks for them only where it scans anyway, so this checks it against a plain scan of
// every code point, on corpus files with such characters inserted at random places.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { lex } from '../../../server/src/syntax';
import { forbiddenCodepoint } from '../../../server/src/syntax/lexer';
import { rng } from '../../support/random';
import { filesUnder } from '../../support/shared';

const INSERTED = [
  '\u202e', '\u2066', '\u0001', '\u0000', '\u007f', '\u0085', '\u0149', '\u0673', '\u17b4', 'a\u17b5b',
  '\u0149x', '\ud83d\ude00', '\ud800', '\udc00', '\r', '\t', 'é', '"', '\\', '\\u{', '/*', '*/', '//', '%',
];

/** Offsets of the forbidden code points of `text`, by a scan of each one. */
function expected(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    if (forbiddenCodepoint(cp)) out.push(i);
    i += cp > 0xffff ? 2 : 1;
  }
  return out;
}

test('every forbidden code point is reported once, where it is', () => {
  const r = rng();
  const files = filesUnder(join('test', 'data')).slice(0, 60);
  let checked = 0;
  for (const f of files) {
    let text = readFileSync(f, 'utf8');
    for (let m = 0; m < 25; m++) {
      const at = r.int(text.length + 1);
      text = text.slice(0, at) + r.pick(INSERTED) + text.slice(at);
      const reported = lex(text).errors.filter((e) => e.code === 'forbidden-codepoint').map((e) => e.start).sort((a, b) => a - b);
      assert.deepEqual(reported, expected(text), `seed ${r.seed}, ${f}, edit ${m}`);
      checked += reported.length;
    }
  }
  assert.ok(checked > 1000, `only ${checked} forbidden code points were checked`);
});

test('each place where one can stand reports it', () => {
  for (const [text, at] of [
    ['interface a\u0149b {}', 11], ['// note \u202e here\n', 8], ['/* \u0001 */', 3], ['"x\u007f"', 2],
    ['%\u17b4', 1], ['record r { \u2066 }', 11], ['\ud800\u0001', 1],
  ] as const) {
    assert.deepEqual(lex(text).errors.filter((e) => e.code === 'forbidden-codepoint').map((e) => e.start), [at], JSON.stringify(text));
  }
});
