// The conversion of completion items to LSP for what the client supports: snippets or their
// plain text, and insert/replace ranges in the middle of a word. (The protocol tests' client
// always takes snippets and plain edits, so these cases are checked on the conversion itself.)

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CompletionItem } from '../../server/src/ide/completion';
import { toLspCompletionItem } from '../../server/src/lsp/handlers/completion';
import { LineIndex } from '../../server/src/lsp/lineIndex';

const text = 'interface i {\n  f: func() -> li;\n}';
const index = new LineIndex(text);
const wordStart = text.indexOf('li;');
const item: CompletionItem = { label: 'list<T, N>', kind: 'builtin', insertText: 'list<$1, ${2:4}>$0', snippet: true, start: wordStart, sortText: 'x', filterText: 'list' };
const cursor = index.positionAt(wordStart + 1);
const wordEnd = index.positionAt(wordStart + 2);

test('a client without snippet support gets the snippet as plain text', () => {
  const out = toLspCompletionItem(item, 'file:///a.wit', index, cursor, cursor, { snippets: false, insertReplace: false });
  assert.equal(out.insertTextFormat, undefined);
  assert.deepEqual(out.textEdit, { range: { start: index.positionAt(wordStart), end: cursor }, newText: 'list<, 4>' });
});

test('in the middle of a word, a client that supports it gets both an insert and a replace range', () => {
  const out = toLspCompletionItem(item, 'file:///a.wit', index, cursor, wordEnd, { snippets: true, insertReplace: true });
  assert.equal(out.insertTextFormat, 2);
  assert.deepEqual(out.textEdit, { newText: 'list<$1, ${2:4}>$0', insert: { start: index.positionAt(wordStart), end: cursor }, replace: { start: index.positionAt(wordStart), end: wordEnd } });
  const plain = toLspCompletionItem(item, 'file:///a.wit', index, cursor, wordEnd, { snippets: true, insertReplace: false });
  assert.deepEqual(plain.textEdit, { range: { start: index.positionAt(wordStart), end: cursor }, newText: 'list<$1, ${2:4}>$0' });
});
