// Selection ranges: from the cursor (`$0`) outward, each step strictly containing the previous,
// ending with the whole file. Steps are shown as their text with line breaks folded to `⏎`.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { selectionRanges } from '../../../../server/src/ide/selectionRanges';
import { parse } from '../../../../server/src/syntax';
import { parseFixture } from '../../../support/fixture';

function steps(fixture: string): string[] {
  const fx = parseFixture(fixture);
  const text = fx.files[fx.path];
  const [chain] = selectionRanges(parse(text), [fx.offset]);
  for (let i = 1; i < chain.length; i++) {
    const a = chain[i - 1];
    const b = chain[i];
    assert.ok(b.start <= a.start && a.end <= b.end && (b.start < a.start || a.end < b.end), `step ${i} does not grow`);
  }
  assert.deepEqual(chain[chain.length - 1], { start: 0, end: text.length });
  return chain.slice(0, -1).map((r) => text.slice(r.start, r.end).replace(/\n\s*/g, '⏎'));
}

const FILE = `package demo:app;

package demo:nested {
  interface api {
    /// A record.
    record point {
      x: s32,
      y: s32,
    }
    f: func(a: u32, b: list<$0point>) -> u32;
  }
}
`;

test('from a name in a type, out through the parameter, the list, the function, the body, the interface, the package', () => {
  assert.deepEqual(steps(FILE), [
    'point',
    'list<point>',
    'b: list<point>',
    'a: u32, b: list<point>',
    '(a: u32, b: list<point>)',
    'func(a: u32, b: list<point>) -> u32',
    'f: func(a: u32, b: list<point>) -> u32;',
    '/// A record.⏎record point {⏎x: s32,⏎y: s32,⏎}⏎f: func(a: u32, b: list<point>) -> u32;',
    '{⏎/// A record.⏎record point {⏎x: s32,⏎y: s32,⏎}⏎f: func(a: u32, b: list<point>) -> u32;⏎}',
    'interface api {⏎/// A record.⏎record point {⏎x: s32,⏎y: s32,⏎}⏎f: func(a: u32, b: list<point>) -> u32;⏎}',
    '{⏎interface api {⏎/// A record.⏎record point {⏎x: s32,⏎y: s32,⏎}⏎f: func(a: u32, b: list<point>) -> u32;⏎}⏎}',
    'package demo:nested {⏎interface api {⏎/// A record.⏎record point {⏎x: s32,⏎y: s32,⏎}⏎f: func(a: u32, b: list<point>) -> u32;⏎}⏎}',
  ]);
});

test('a field: name, field, the fields, the body, the record, the record with its doc comment', () => {
  const s = steps(FILE.replace('$0', '').replace('y: s32', 'y$0: s32'));
  assert.deepEqual(s.slice(0, 6), [
    'y',
    'y: s32',
    'x: s32,⏎y: s32,',
    '{⏎x: s32,⏎y: s32,⏎}',
    'record point {⏎x: s32,⏎y: s32,⏎}',
    '/// A record.⏎record point {⏎x: s32,⏎y: s32,⏎}',
  ]);
});

test('a cursor right after a word selects the word; in whitespace, the enclosing node', () => {
  assert.equal(steps('interface api$0 {}')[0], 'api');
  assert.equal(steps('interface api {  $0  }')[0], '{    }');
});

test('several cursors, in a file that does not parse', () => {
  const text = 'interface i {\n  record r { x: u32,\n  f: func(a: \n';
  const [a, b] = selectionRanges(parse(text), [text.indexOf('x:'), text.indexOf('a:')]);
  assert.equal(text.slice(a[0].start, a[0].end), 'x');
  assert.equal(text.slice(b[0].start, b[0].end), 'a');
  assert.deepEqual(a[a.length - 1], { start: 0, end: text.length });
});
