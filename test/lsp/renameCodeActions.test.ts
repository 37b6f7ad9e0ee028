// Protocol tests of rename and code actions against `node dist/server.js --stdio`: prepareRename
// answers with a range and placeholder or an error message, rename with versioned document
// changes across files, and code actions with linked diagnostics, a preferred did-you-mean, the
// `wit.enableFeature` command, and the client's `only` filter.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as lsp from 'vscode-languageserver-protocol';
import { uriOf, useServer } from '../support/lspHarness';
import { positionOf } from '../support/positions';

const TYPES = `package demo:app@0.1.0;

interface types {
  record point { x: s32, y: s32 }
}
`;
const API = `package demo:app@0.1.0;

interface api {
  use types.{point};
  move: func(p: point) -> point;
}
`;
const GATED = `package demo:gated@1.0.0;

interface g {
  @unstable(feature = fancy)
  type secret = u32;
  @since(version = 1.0.0)
  type public = secret;
}
`;

const ctx = useServer({ 'wit/types.wit': TYPES, 'wit/api.wit': API, 'gated/g.wit': GATED }, { ready: 'wit/api.wit' });

test('prepareRename: the name and its placeholder, or the reason it cannot be renamed', async () => {
  const uri = uriOf(ctx.ws.path('wit/types.wit'));
  const ok = await ctx.server.request<{ range: lsp.Range; placeholder: string }>('textDocument/prepareRename', {
    textDocument: { uri }, position: positionOf(TYPES, 'point', 0, 2),
  });
  assert.equal(ok.placeholder, 'point');
  assert.deepEqual(ok.range, { start: positionOf(TYPES, 'point'), end: positionOf(TYPES, 'point', 0, 5) });
  await assert.rejects(
    ctx.server.request('textDocument/prepareRename', { textDocument: { uri }, position: positionOf(TYPES, 'record', 0, 1) }),
    (e: Error) => /`record` is a keyword/.test(e.message),
  );
  await assert.rejects(
    ctx.server.request('textDocument/prepareRename', { textDocument: { uri }, position: positionOf(TYPES, 's32', 0, 1) }),
    (e: Error) => /`s32` is a built-in type/.test(e.message),
  );
});

test('rename: versioned document changes for every file that writes the name', async () => {
  const apiPath = ctx.ws.path('wit/api.wit');
  const apiUri = ctx.server.open(apiPath, API, 7);
  const edit = await ctx.server.request<lsp.WorkspaceEdit>('textDocument/rename', {
    textDocument: { uri: apiUri }, position: positionOf(API, 'point', 1, 1), newName: 'coord',
  });
  const changes = (edit.documentChanges ?? []) as lsp.TextDocumentEdit[];
  const byUri = new Map(changes.map((c) => [c.textDocument.uri, c]));
  assert.deepEqual([...byUri.keys()].sort(), [apiUri, uriOf(ctx.ws.path('wit/types.wit'))].sort());
  assert.equal(byUri.get(apiUri)!.textDocument.version, 7, 'the open document carries its version');
  assert.equal(byUri.get(uriOf(ctx.ws.path('wit/types.wit')))!.textDocument.version, null, 'a file that is not open has none');
  assert.equal(byUri.get(apiUri)!.edits.length, 3);
  assert.ok(byUri.get(apiUri)!.edits.every((e) => 'newText' in e && e.newText === 'coord'));
  await assert.rejects(
    ctx.server.request('textDocument/rename', { textDocument: { uri: apiUri }, position: positionOf(API, 'point', 1, 1), newName: 'Coord_2' }),
    (e: Error) => /not a valid WIT identifier/.test(e.message),
  );
  ctx.server.close(apiUri);
});

test('code actions: a preferred did-you-mean linked to the client\'s diagnostic', async () => {
  const path = ctx.ws.path('wit/api.wit');
  const text = API.replace('p: point', 'p: pont');
  const uri = ctx.server.open(path, text, 3);
  const published = await ctx.server.diagnostics(uri, (p) => p.version === 3 && p.diagnostics.some((d) => d.code === 'unknown-name'));
  const diagnostic = published.diagnostics.find((d) => d.code === 'unknown-name')!;
  const actions = await ctx.server.request<lsp.CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
  });
  const fix = actions.find((a) => a.title === 'Change to `point`');
  assert.ok(fix, `offered: ${actions.map((a) => a.title).join(', ')}`);
  assert.equal(fix.kind, 'quickfix');
  assert.equal(fix.isPreferred, true);
  assert.deepEqual(fix.diagnostics, [diagnostic]);
  const [change] = fix.edit!.documentChanges as lsp.TextDocumentEdit[];
  assert.equal(change.textDocument.version, 3);
  assert.deepEqual(change.edits, [{ range: diagnostic.range, newText: 'point' }]);
  const refactors = await ctx.server.request<lsp.CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['refactor'] },
  });
  assert.deepEqual(refactors, []);
  ctx.server.close(uri);
});

test('code actions: enabling a feature is a `wit.enableFeature` command', async () => {
  const uri = uriOf(ctx.ws.path('gated/g.wit'));
  const published = await ctx.server.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'gated-reference'));
  const diagnostic = published.diagnostics.find((d) => d.code === 'gated-reference')!;
  const actions = await ctx.server.request<lsp.CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
  });
  const enable = actions.find((a) => a.command?.command === 'wit.enableFeature');
  assert.ok(enable, `offered: ${actions.map((a) => a.title).join(', ')}`);
  assert.deepEqual(enable.command!.arguments, ['fancy']);
  assert.equal(enable.edit, undefined);
  // What the client's command does: add the feature to `wit.features`; the diagnostic goes away.
  ctx.server.setSettings({ features: ['fancy'] });
  await ctx.server.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'gated-reference'));
});
