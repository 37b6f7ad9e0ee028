// Protocol tests of completion, completion resolve, signature help and inlay hints against
// `node dist/server.js --stdio`: paths into deps/ with their edit range, documentation filled in
// lazily, names typed a moment ago (before any new check), broken files, and hint settings.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as lsp from 'vscode-languageserver-protocol';
import { useServer } from '../support/lspHarness';
import { cursor } from '../support/positions';

const TYPES = `package demo:app@0.1.0;

interface types {
  /// A point on the plane.
  record point { x: s32, y: s32 }
  type bytes = list<u8>;
  type blob = bytes;
}
`;
const WORLD = `package demo:app@0.1.0;

world app {
  import types;
}
`;
const STREAMS = `package wasi:io@0.2.0;

/// Byte streams.
interface streams {
  resource input-stream;
}

interface poll {
  resource pollable;
}
`;

const ctx = useServer({ 'wit/types.wit': TYPES, 'wit/world.wit': WORLD, 'wit/deps/io/streams.wit': STREAMS }, { ready: 'wit/world.wit' });

async function completeAt(uri: string, position: lsp.Position): Promise<lsp.CompletionItem[]> {
  const r = await ctx.server.request<lsp.CompletionList | lsp.CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position });
  assert.ok(r, 'a completion list');
  return Array.isArray(r) ? r : r.items;
}

test('a dependency path is completed with its version and replaces what is typed', async () => {
  const { text, position } = cursor(WORLD.replace('import types;', 'import types;\n  import wasi:io/$0'));
  const uri = ctx.server.open(ctx.ws.path('wit/world.wit'), text, 1);
  const items = await completeAt(uri, position);
  assert.deepEqual(items.map((i) => i.label).sort(), ['wasi:io/poll@0.2.0', 'wasi:io/streams@0.2.0']);
  const streams = items.find((i) => i.label === 'wasi:io/streams@0.2.0')!;
  assert.equal(streams.kind, 8 /* Interface */);
  const edit = streams.textEdit as lsp.TextEdit;
  assert.deepEqual(edit.range, { start: { line: position.line, character: position.character - 'wasi:io/'.length }, end: position });
  assert.equal(edit.newText, 'wasi:io/streams@0.2.0');
  assert.equal(streams.documentation, undefined, 'documentation comes with resolve');
  const resolved = await ctx.server.request<lsp.CompletionItem>('completionItem/resolve', streams);
  assert.deepEqual(resolved.documentation, { kind: 'markdown', value: '```wit\ninterface streams\n```\n\nByte streams.\n\ninterface of package `wasi:io@0.2.0`' });
  ctx.server.close(uri);
});

test('a type typed a moment ago is offered at once, with snippets for generic types', async () => {
  const uri = ctx.server.open(ctx.ws.path('wit/types.wit'), TYPES, 1);
  const { text, position } = cursor(TYPES.replace('type blob = bytes;', 'type blob = bytes;\n  record fresh-one {}\n  f: func(a: fr$0);'));
  ctx.server.change(uri, 2, [{ text }]);
  // No waiting for diagnostics: the request comes right after the edit.
  const items = await completeAt(uri, position);
  assert.equal(items.sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1))[0].label, 'fresh-one');
  const list = await completeAt(uri, { line: position.line, character: position.character - 2 });
  const generic = list.find((i) => i.label === 'list<T>')!;
  assert.equal(generic.insertTextFormat, 2 /* Snippet */);
  assert.equal((generic.textEdit as lsp.TextEdit).newText, 'list<$1>');
  const point = list.find((i) => i.label === 'point')!;
  const resolved = await ctx.server.request<lsp.CompletionItem>('completionItem/resolve', point);
  assert.match((resolved.documentation as lsp.MarkupContent).value, /A point on the plane\./);
  ctx.server.close(uri);
});

test('completion works below syntax errors', async () => {
  const broken = TYPES.replace('type bytes = list<u8>;', 'type bytes = list<u8;\n  oops: func(x: u32 -> ;\n  type = ;') + '\ninterface more {\n  use types.{$0};\n}\n';
  const { text, position } = cursor(broken);
  const uri = ctx.server.open(ctx.ws.path('wit/types.wit'), text, 1);
  await ctx.server.diagnostics(uri, (d) => d.version === 1 && d.diagnostics.length > 0);
  const items = await completeAt(uri, position);
  assert.ok(items.some((i) => i.label === 'point'), items.map((i) => i.label).join(', '));
  ctx.server.close(uri);
});

test('signature help for generic arguments', async () => {
  const { text, position } = cursor(TYPES.replace('type blob = bytes;', 'type m = map<string, $0'));
  const uri = ctx.server.open(ctx.ws.path('wit/types.wit'), text, 1);
  const help = await ctx.server.request<lsp.SignatureHelp | null>('textDocument/signatureHelp', { textDocument: { uri }, position });
  assert.ok(help);
  assert.equal(help.signatures[help.activeSignature ?? 0].label, 'map<K, V>');
  assert.equal(help.activeParameter, 1);
  ctx.server.close(uri);
});

test('inlay hints show where alias chains end, and `use` origins once the setting is on', async () => {
  const uri = ctx.server.open(ctx.ws.path('wit/types.wit'), TYPES, 1);
  const range = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };
  const hints = await ctx.server.request<lsp.InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range });
  assert.deepEqual(hints.map((h) => [h.position, h.label]), [[{ line: 6, character: 20 }, '= list<u8>']]);
  ctx.server.close(uri);
  const worldUri = ctx.server.open(ctx.ws.path('wit/world.wit'), WORLD.replace('world app', 'use wasi:io/streams@0.2.0 as st;\ninterface reexport {\n  use st.{input-stream};\n}\nworld app'), 1);
  const none = await ctx.server.request<lsp.InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: worldUri }, range });
  assert.deepEqual(none, []);
  ctx.server.setSettings({ inlayHints: { useOrigins: true } });
  // The setting arrives as a notification; asking again until it applies keeps the test free of sleeps.
  let origins: lsp.InlayHint[] = [];
  for (let i = 0; i < 200 && origins.length === 0; i++) {
    origins = await ctx.server.request<lsp.InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: worldUri }, range });
  }
  assert.deepEqual(origins.map((h) => h.label), ['from wasi:io/streams@0.2.0']);
  ctx.server.setSettings({});
  ctx.server.close(worldUri);
});
