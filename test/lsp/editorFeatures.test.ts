// Protocol tests of the editor-structure features against `node dist/server.js --stdio`: semantic
// tokens (full, range, and deltas after edits, applied the way a client applies them), the
// hierarchical outline, workspace symbols from files that are not open, folding ranges and
// selection ranges — on a workspace that checks, and on an unsaved buffer that does not parse.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as lsp from 'vscode-languageserver-protocol';
import { TOKEN_MODIFIERS, TOKEN_TYPES } from '../../server/src/ide/semanticTokens';
import { useServer } from '../support/lspHarness';
import { positionOf } from '../support/positions';

const TYPES = `package demo:app@0.1.0;

interface types {
  /// A point.
  record point { x: s32, y: s32 }
  resource canvas {
    draw: func(p: point);
  }
}
`;
const API = `package demo:app@0.1.0;

interface api {
  use types.{point, canvas as c};
  move: func(p: point, on: borrow<c>) -> point;
}

world app {
  import api;
  export run: func();
}
`;

const ctx = useServer({ 'wit/types.wit': TYPES, 'wit/api.wit': API });

/** Decoded tokens as `line:char text type [mods]` (0-based, as the protocol counts). */
function decode(text: string, data: number[]): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    const mods = TOKEN_MODIFIERS.filter((_, b) => data[i + 4] & (1 << b));
    out.push(`${line}:${char} ${lines[line].slice(char, char + data[i + 2])} ${TOKEN_TYPES[data[i + 3]]}${mods.length ? ` [${mods.join(', ')}]` : ''}`);
  }
  return out;
}

const doc = (uri: string) => ({ textDocument: { uri } });

test('semantic tokens: names classified through `use` and aliases into another file', async () => {
  const uri = ctx.server.open(ctx.ws.path('wit/api.wit'), API, 1);
  const r = await ctx.server.request<lsp.SemanticTokens>('textDocument/semanticTokens/full', doc(uri));
  assert.ok(r.resultId, 'a result id for deltas');
  const tokens = decode(API, r.data);
  assert.ok(tokens.includes('3:13 point type'), tokens.join('\n'));
  assert.ok(tokens.includes('3:20 canvas resource'));
  assert.ok(tokens.includes('3:30 c resource [declaration]'));
  assert.ok(tokens.includes('4:34 c resource'));
  assert.ok(tokens.includes('8:9 api interface'));
  assert.ok(tokens.includes('9:9 run function [declaration]'));
  const range = await ctx.server.request<lsp.SemanticTokens>('textDocument/semanticTokens/range', { ...doc(uri), range: { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } } });
  assert.deepEqual(decode(API, range.data).map((t) => t.replace(/^\d+:\d+ /, '')), [
    'move function [declaration]', 'p parameter [declaration]', 'point type', 'on parameter [declaration]',
    'borrow type [defaultLibrary]', 'c resource', 'point type',
  ]);
  ctx.server.close(uri);
});

test('semantic token deltas applied to the previous result give the new tokens', async () => {
  const uri = ctx.server.open(ctx.ws.path('wit/api.wit'), API, 1);
  await ctx.server.diagnostics(uri, (d) => d.version === 1);
  let text = API;
  let prev = await ctx.server.request<lsp.SemanticTokens>('textDocument/semanticTokens/full', doc(uri));
  let data = prev.data;
  const edits: { version: number; at: string; insert: string }[] = [
    { version: 2, at: '  move:', insert: '  grow: func(by: u32);\n' },
    { version: 3, at: 'world app', insert: '/// Docs.\n' },
    { version: 4, at: '  export run', insert: '  import types;\n' },
  ];
  for (const e of edits) {
    const at = text.indexOf(e.at);
    // Each insertion point starts a line.
    const start = positionOf(text, e.at);
    ctx.server.change(uri, e.version, [{ range: { start, end: start }, text: e.insert }]);
    text = text.slice(0, at) + e.insert + text.slice(at);
    // Once this version is checked, both requests below see the same model.
    await ctx.server.diagnostics(uri, (d) => d.version === e.version);
    const delta = await ctx.server.request<lsp.SemanticTokensDelta | lsp.SemanticTokens>('textDocument/semanticTokens/full/delta', { ...doc(uri), previousResultId: prev.resultId });
    assert.ok('edits' in delta, 'a delta, not a full result');
    for (const edit of [...delta.edits].sort((a, b) => b.start - a.start)) {
      data = [...data.slice(0, edit.start), ...(edit.data ?? []), ...data.slice(edit.start + edit.deleteCount)];
    }
    const full = await ctx.server.request<lsp.SemanticTokens>('textDocument/semanticTokens/full', doc(uri));
    assert.deepEqual(data, full.data, `after inserting ${JSON.stringify(e.insert)}`);
    prev = full;
    data = full.data;
  }
  // An unknown previous result gets a full result.
  const fallback = await ctx.server.request<lsp.SemanticTokensDelta | lsp.SemanticTokens>('textDocument/semanticTokens/full/delta', { ...doc(uri), previousResultId: 'nope' });
  assert.ok('data' in fallback && fallback.data.length > 0);
  ctx.server.close(uri);
});

test('document symbols: a hierarchy with details, kinds and selection ranges', async () => {
  const uri = ctx.server.open(ctx.ws.path('wit/types.wit'), TYPES, 1);
  const symbols = await ctx.server.request<lsp.DocumentSymbol[]>('textDocument/documentSymbol', doc(uri));
  const render = (ss: lsp.DocumentSymbol[], depth = 0): string[] =>
    ss.flatMap((s) => [`${'  '.repeat(depth)}${s.name} ${s.kind}${s.detail ? ` ${s.detail}` : ''} @${s.selectionRange.start.line}:${s.selectionRange.start.character}`, ...render(s.children ?? [], depth + 1)]);
  assert.deepEqual(render(symbols), [
    'demo:app@0.1.0 4 @0:8',
    'types 11 @2:10',
    '  point 23 record @4:9',
    '    x 8 s32 @4:17',
    '    y 8 s32 @4:25',
    '  canvas 5 resource @5:11',
    '    draw 6 func(p: point) @6:4',
  ]);
  // The record's range starts at its doc comment.
  assert.deepEqual(symbols[1].children![0].range.start, { line: 3, character: 2 });
  ctx.server.close(uri);
});

test('workspace symbols find names in files that are not open, with their container', async () => {
  const found = await ctx.server.request<lsp.SymbolInformation[]>('workspace/symbol', { query: 'poi' });
  const point = found.find((s) => s.name === 'point');
  assert.ok(point, JSON.stringify(found));
  assert.equal(point.containerName, 'demo:app/types@0.1.0');
  assert.match(point.location.uri, /types\.wit$/);
  assert.deepEqual(point.location.range, { start: { line: 4, character: 9 }, end: { line: 4, character: 14 } });
  const draw = await ctx.server.request<lsp.SymbolInformation[]>('workspace/symbol', { query: 'draw' });
  assert.equal(draw[0].containerName, 'canvas in demo:app/types@0.1.0');
});

test('folding and selection ranges', async () => {
  const uri = ctx.server.open(ctx.ws.path('wit/types.wit'), TYPES, 1);
  const folds = await ctx.server.request<lsp.FoldingRange[]>('textDocument/foldingRange', doc(uri));
  assert.deepEqual(folds.map((f) => `${f.startLine}-${f.endLine}${f.kind ? ` ${f.kind}` : ''}`), ['2-7', '5-6']);
  const [sel] = await ctx.server.request<lsp.SelectionRange[]>('textDocument/selectionRange', { ...doc(uri), positions: [{ line: 6, character: 16 }] });
  const chain: string[] = [];
  for (let s: lsp.SelectionRange | undefined = sel; s; s = s.parent) chain.push(`${s.range.start.line}:${s.range.start.character}-${s.range.end.line}:${s.range.end.character}`);
  assert.deepEqual(chain.slice(0, 3), ['6:15-6:16', '6:15-6:23', '6:14-6:24']);
  assert.equal(chain[chain.length - 1], '0:0-9:0');
  ctx.server.close(uri);
});

test('an unsaved buffer that does not parse still gets every feature', async () => {
  const broken = 'package demo:app@0.1.0;\n\ninterface api {\n  record r { x: \n  f: func(a: u32\n\nworld w {\n  import api;\n';
  const uri = ctx.server.open(ctx.ws.path('wit/broken.wit'), broken, 1);
  const tokens = await ctx.server.request<lsp.SemanticTokens>('textDocument/semanticTokens/full', doc(uri));
  assert.ok(decode(broken, tokens.data).includes('2:10 api interface [declaration]'));
  const symbols = await ctx.server.request<lsp.DocumentSymbol[]>('textDocument/documentSymbol', doc(uri));
  // Recovery stops at `world`: the unclosed interface does not swallow the world after it.
  assert.deepEqual(symbols.map((s) => s.name), ['demo:app@0.1.0', 'api', 'w']);
  const folds = await ctx.server.request<lsp.FoldingRange[]>('textDocument/foldingRange', doc(uri));
  assert.ok(folds.length >= 1);
  const sel = await ctx.server.request<lsp.SelectionRange[]>('textDocument/selectionRange', { ...doc(uri), positions: [{ line: 3, character: 10 }, { line: 99, character: 0 }] });
  assert.equal(sel.length, 2);
  ctx.server.close(uri);
});
