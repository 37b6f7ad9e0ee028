// Behaviour of the formatter's entry points: files with syntax errors are left alone, range and
// on-type formatting stay inside their range, indentation and line-break options are honoured,
// edits are minimal, and the safety check refuses edits that would change the meaning.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkedEdits } from '../../../../server/src/ide/format/verify';
import {
  CANONICAL_OPTIONS, TextEdit, formatDocument, formatOnType, formatRange, formatText,
} from '../../../../server/src/ide/formatting';
import { parse } from '../../../../server/src/syntax';
import { applyEdits } from './support';

const fmt = (text: string) => formatText(parse(text));

test('files with syntax errors get no edits', () => {
  const broken = [
    'package a:b;\ninterface i {\n  type t = u32\n  type u=u32;\n}\n', // missing `;`
    'package a:b;\ninterface i {\n  f: func(a: u32;\n}\n', // unclosed `(`
    'package a:b;\n/* unterminated\ninterface i {}\n',
    'package a:b;\ninterface i {\n   type fooBar = u32;\n}\n', // invalid identifier
    'interface i {}\npackage a:b;\n', // misplaced package
    'package a:b;\ninterface i {\n  record r { @since(version = 1.0.0) a: u32 }\n}\n', // attribute on a field
    'package a:b;\ninterface i {\n  type t = u32;\n', // missing `}`
  ];
  for (const text of broken) {
    const tree = parse(text);
    assert.equal(formatDocument(tree), undefined, text);
    assert.equal(formatRange(tree, 0, text.length), undefined, text);
    const close = text.lastIndexOf('}');
    if (close >= 0) assert.equal(formatOnType(tree, close + 1, '}'), undefined, text);
  }
});

test('range formatting only touches the range', () => {
  const text = [
    'package a:b;',
    'interface i {',
    '    type a=u32;',
    '      type b =  u32;',
    '  record r { x:u32 }',
    '        type c=u32;',
    '}',
    '',
  ].join('\n');
  const tree = parse(text);
  const start = text.indexOf('      type b');
  const end = text.indexOf('\n', text.indexOf('record r'));
  const edits = formatRange(tree, start, end)!;
  assert.ok(edits.length > 0);
  for (const e of edits) assert.ok(e.start >= start && e.end <= end, `edit ${JSON.stringify(e)} leaves [${start}, ${end})`);
  assert.equal(applyEdits(text, edits), [
    'package a:b;',
    'interface i {',
    '    type a=u32;',
    '  type b = u32;',
    '',
    '  record r {',
    '    x: u32,',
    '  }',
    '        type c=u32;',
    '}',
    '',
  ].join('\n'));
});

test('range formatting fixes the indentation of the first line and trailing spaces of the last', () => {
  const text = 'package a:b;\n\ninterface i {\n      type a = u32;   \n  type b = u32;\n}\n';
  const start = text.indexOf('type a'); // in the indentation: taken as the line's start
  const end = text.indexOf('   \n') + 3; // the end of the line, before its line break
  const edits = formatRange(parse(text), start, end)!;
  for (const e of edits) assert.ok(e.start >= text.indexOf('      type a') && e.end <= end);
  assert.equal(applyEdits(text, edits), 'package a:b;\n\ninterface i {\n  type a = u32;\n  type b = u32;\n}\n');
});

test('on-type `}` formats the item whose body it closes, and nothing else', () => {
  const text = 'package a:b;\ninterface i {\n    type a=u32;\n  record r {x:u32,\n  y:  string}\n  type b=u32;\n}\n';
  const offset = text.indexOf('string}') + 'string}'.length;
  const edits = formatOnType(parse(text), offset, '}')!;
  const itemStart = text.indexOf('  record r');
  for (const e of edits) assert.ok(e.start >= itemStart && e.end <= offset, `edit ${JSON.stringify(e)} is outside the record`);
  assert.equal(
    applyEdits(text, edits),
    'package a:b;\ninterface i {\n    type a=u32;\n  record r {\n    x: u32,\n    y: string,\n  }\n  type b=u32;\n}\n',
  );
  // Closing the interface formats all of it, but adds no blank line above its first line.
  const whole = formatOnType(parse(text), text.lastIndexOf('}') + 1, '}')!;
  assert.equal(applyEdits(text, whole), fmt(text)!.replace('package a:b;\n\n', 'package a:b;\n'));
});

test('on-type ignores other characters and a `}` that is not the one just typed', () => {
  const text = 'package a:b;\ninterface i {\n    type a=u32;\n}\n';
  assert.deepEqual(formatOnType(parse(text), text.indexOf(';') + 1, ';'), []);
  assert.deepEqual(formatOnType(parse(text), 3, '}'), []);
});

test('indentation follows tabSize and insertSpaces', () => {
  const text = 'package a:b;\ninterface i {\n  record r {\n    x: u32,\n  }\n}\n';
  const tabs = formatDocument(parse(text), { tabSize: 4, insertSpaces: false })!;
  assert.equal(applyEdits(text, tabs), 'package a:b;\n\ninterface i {\n\trecord r {\n\t\tx: u32,\n\t}\n}\n');
  const four = formatDocument(parse(text), { tabSize: 4, insertSpaces: true })!;
  assert.equal(applyEdits(text, four), 'package a:b;\n\ninterface i {\n    record r {\n        x: u32,\n    }\n}\n');
  // Formatting with tabs is idempotent too, and switching back restores the canonical text.
  const tabbed = applyEdits(text, tabs);
  assert.deepEqual(formatDocument(parse(tabbed), { tabSize: 4, insertSpaces: false }), []);
  assert.equal(formatText(parse(tabbed), CANONICAL_OPTIONS), fmt(text));
});

test('CRLF line breaks and a byte order mark are kept', () => {
  const text = '\ufeffpackage a:b;\r\ninterface i {\r\n      type a=u32;\r\n}';
  assert.equal(fmt(text), '\ufeffpackage a:b;\r\n\r\ninterface i {\r\n  type a = u32;\r\n}\r\n');
});

test('final line break: exactly one by default, the file\'s own choice when insertFinalNewline is false', () => {
  assert.equal(fmt('package a:b;\n\n\n\n'), 'package a:b;\n');
  assert.equal(fmt('package a:b;'), 'package a:b;\n');
  const keep = { ...CANONICAL_OPTIONS, insertFinalNewline: false };
  assert.equal(formatText(parse('package a:b;'), keep), 'package a:b;');
  assert.equal(formatText(parse('package a:b;\n\n\n'), keep), 'package a:b;\n');
});

test('empty and comment-only files', () => {
  assert.equal(fmt(''), '');
  assert.equal(fmt('\n\n  \n'), '');
  assert.equal(fmt('   // just a comment   \n\n\n/* and another */'), '// just a comment\n\n/* and another */\n');
});

test('a line comment is never joined with the code after it', () => {
  const text = 'package a:b;\ninterface i {\n  type a = // why\n  u32;\n  f: func(a: u32 // first\n  , b: u32);\n}\n';
  const out = fmt(text)!;
  assert.match(out, /\/\/ why\n\s+u32;/);
  assert.match(out, /\/\/ first\n/);
  assert.deepEqual(formatDocument(parse(out)), []);
});

test('edits are minimal: sorted, disjoint, and only whitespace or commas change', () => {
  const text = 'package   a:b;\ninterface i {\n    record r { x: u32, y: u32 }\n  use x.{a, b,};\n  f: func(a: u32);  // c   \n}\n';
  const edits = formatDocument(parse(text))!;
  let at = 0;
  for (const e of edits) {
    assert.ok(e.start >= at, 'edits are sorted and disjoint');
    at = e.end;
    assert.match(text.slice(e.start, e.end), /^[\s,]*$/, 'only whitespace and commas are replaced');
    assert.match(e.newText, /^[\s,]*$/, 'only whitespace and commas are inserted');
  }
  // Correct indentation is left alone: no edit touches the line of `f`, except its trailing spaces.
  const fLine = text.indexOf('  f: func');
  assert.ok(!edits.some((e) => e.start <= fLine + 2 && e.end > fLine));
});

test('the safety check refuses edits that change tokens, comments or syntax', () => {
  const text = 'package a:b;\n\ninterface i {\n  type a = u32; // note\n  variant v {\n    c(u8),\n  }\n}\n';
  const tree = parse(text);
  const at = (s: string, delta = 0) => text.indexOf(s) + delta;
  const bad: [string, TextEdit[]][] = [
    ['joins a line comment with the next line', [{ start: at('// note') + 7, end: at('  variant'), newText: ' ' }]],
    ['merges two words', [{ start: at('interface i') + 9, end: at('interface i') + 10, newText: '' }]],
    ['deletes a token', [{ start: at('u32;'), end: at('u32;') + 3, newText: '' }]],
    ['changes a comment', [{ start: at('note'), end: at('note') + 4, newText: 'nope' }]],
    ['adds a comma where the grammar takes none', [{ start: at('c(u8') + 4, end: at('c(u8') + 4, newText: ',' }]],
    ['adds a comma that is not trailing', [{ start: at('type a') + 6, end: at('type a') + 6, newText: ',' }]],
    ['breaks a version', [{ start: at('a:b;') + 3, end: at('a:b;') + 3, newText: '@1.0' }]],
    ['overlaps', [{ start: 0, end: 5, newText: '' }, { start: 3, end: 4, newText: '' }]],
  ];
  for (const [what, edits] of bad) assert.equal(checkedEdits(tree, edits), undefined, what);
  // Whitespace changes and trailing commas pass.
  const good: TextEdit[] = [
    { start: at('type a ='), end: at('type a =') + 6, newText: 'type  a' },
    { start: at('c(u8)') + 5, end: at('c(u8)') + 6, newText: '' },
  ];
  assert.deepEqual(checkedEdits(tree, good), good);
});

test('the check passes the formatter\'s own edits and refuses them once sabotaged', () => {
  // formatDocument, formatRange and formatOnType all return through checkedEdits.
  const text = 'package a:b;\ninterface i { variant v { c(u8) } }\n';
  const edits = formatDocument(parse(text))!;
  assert.deepEqual(checkedEdits(parse(text), edits), edits);
  const sabotaged = [...edits, { start: text.indexOf('(u8') + 3, end: text.indexOf('(u8') + 3, newText: ',' }]
    .sort((a, b) => a.start - b.start);
  assert.equal(checkedEdits(parse(text), sabotaged), undefined);
});
