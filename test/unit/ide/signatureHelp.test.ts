// Signature help for generic type arguments and attribute arguments: which signature and which
// parameter is active while typing, in unfinished text, and nothing elsewhere.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signatureHelp } from '../../../server/src/ide/signatureHelp';
import { parse } from '../../../server/src/syntax';

function help(body: string) {
  const text = `package a:b@1.0.0;\ninterface i {\n  resource r;\n  ${body}\n}\n`;
  const offset = text.indexOf('$0');
  const r = signatureHelp(parse(text.replace('$0', '')), offset);
  if (!r) return undefined;
  const s = r.signatures[r.activeSignature];
  const p = s.parameters[r.activeParameter];
  return { label: s.label, param: p && s.label.slice(p.label[0], p.label[1]), doc: p?.documentation, count: r.signatures.length };
}

test('map, result and option show their parameters, the one being typed active', () => {
  assert.deepEqual(help('type t = map<$0'), { label: 'map<K, V>', param: 'K', doc: 'The key type: `bool`, an integer type, `char` or `string` (or an alias of one).', count: 1 });
  assert.equal(help('type t = map<string, $0')?.param, 'V');
  assert.equal(help('f: func() -> result<$0>;')?.param, 'T');
  assert.match(help('f: func() -> result<$0>;')!.doc!, /`_`/);
  assert.equal(help('f: func() -> result<u32, $0>;')?.param, 'E');
  assert.equal(help('type t = option<$0')?.label, 'option<T>');
});

test('a list switches to its fixed-length signature once a comma is written', () => {
  assert.deepEqual(help('type t = list<$0>;'), { label: 'list<T>', param: 'T', doc: 'The element type.', count: 2 });
  const fixed = help('type t = list<u8, $0>;');
  assert.equal(fixed?.label, 'list<T, N>');
  assert.equal(fixed?.param, 'N');
});

test('a tuple grows with the elements written', () => {
  assert.deepEqual([help('type t = tuple<$0')?.label, help('type t = tuple<u8, $0')?.param], ['tuple<T1, T2>', 'T2']);
  const third = help('type t = tuple<u8, u16, s$0, u64>;');
  assert.equal(third?.label, 'tuple<T1, T2, T3, T4>');
  assert.equal(third?.param, 'T3');
});

test('handles and the innermost generic win', () => {
  assert.equal(help('f: func(x: borrow<$0>);')?.label, 'borrow<R>');
  assert.equal(help('f: func(x: own<$0>);')?.label, 'own<R>');
  assert.equal(help('type t = list<option<$0>>;')?.label, 'option<T>');
  assert.equal(help('type t = list<option<u8>, $0>;')?.label, 'list<T, N>');
});

test('attribute arguments', () => {
  const since = help('@since($0)\n  f: func();');
  assert.equal(since?.label, '@since(version = X.Y.Z)');
  assert.equal(since?.param, 'version = X.Y.Z');
  assert.equal(help('@unstable(feature = $0\n  f: func();')?.label, '@unstable(feature = name)');
});

test('nothing outside type arguments and attributes, or after the closing bracket', () => {
  for (const body of ['f: func($0);', 'type t = list<u8>$0;', 'record x { a: $0 }', '$0', '// list<$0']) {
    assert.equal(help(body), undefined, body);
  }
});
