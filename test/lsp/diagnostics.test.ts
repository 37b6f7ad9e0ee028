// Protocol tests of live diagnostics against `node dist/server.js --stdio`: syntax and semantic
// errors, unsaved edits in one file updating another, dependencies added under deps/, deleted
// files, feature settings, only current results being published, and results of checks that
// requests started being published too.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
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
  use demo:log/sink@1.0.0.{level};
  move: func(p: point) -> point;
}
`;
const GATED = `package demo:gated@1.0.0;

interface g {
  @unstable(feature = fancy)
  type secret = u32;
  type public = secret;
}
`;

const ctx = useServer({ 'wit/types.wit': TYPES, 'wit/api.wit': API, 'gated/g.wit': GATED });

/** Errors and warnings (hints such as unused `use`s are not what these tests are about). */
const problems = (d: { diagnostics: { severity?: number }[] }) => d.diagnostics.filter((x) => (x.severity ?? 1) <= 2);
const messages = (d: { diagnostics: { message: string | { value: string }; severity?: number }[] }) =>
  problems(d).map((x) => {
    const message = (x as { message: string | { value: string } }).message;
    return typeof message === 'string' ? message : message.value;
  });

test('workspace scan publishes diagnostics for files that are not open', async () => {
  const d = await ctx.server.diagnostics(uriOf(ctx.ws.path('wit/api.wit')), (p) => problems(p).length > 0);
  assert.match(messages(d).join('\n'), /package 'demo:log@1\.0\.0' not found/);
  const types = await ctx.server.diagnostics(uriOf(ctx.ws.path('wit/types.wit')));
  assert.deepEqual(messages(types), []);
});

test('a dependency added under deps/ resolves the missing package', async () => {
  const dep = ctx.ws.write('wit/deps/log/sink.wit', 'package demo:log@1.0.0;\n\ninterface sink {\n  enum level { info, error }\n}\n');
  ctx.server.fileEvents([{ path: ctx.ws.path('wit/deps/log'), type: 'created' }, { path: dep, type: 'created' }]);
  const d = await ctx.server.diagnostics(uriOf(ctx.ws.path('wit/api.wit')), (p) => problems(p).length === 0);
  assert.deepEqual(messages(d), []);
});

test('an unsaved edit in one file updates the diagnostics of another', async () => {
  const uri = ctx.server.open(ctx.ws.path('wit/types.wit'), TYPES, 1);
  ctx.server.change(uri, 2, [{ range: { start: positionOf(TYPES, 'point'), end: positionOf(TYPES, 'point', 0, 'point'.length) }, text: 'points' }]);
  const api = await ctx.server.diagnostics(uriOf(ctx.ws.path('wit/api.wit')), (p) => problems(p).length > 0);
  assert.match(messages(api).join('\n'), /name `point` does not exist in interface `types`; did you mean `points`\?/);
  ctx.server.change(uri, 3, [{ text: TYPES }]);
  await ctx.server.diagnostics(uriOf(ctx.ws.path('wit/api.wit')), (p) => problems(p).length === 0);
  ctx.server.close(uri);
});

test('diagnostics carry the document version, and only the latest edit is reported', async () => {
  const path = ctx.ws.path('wit/types.wit');
  const uri = ctx.server.open(path, TYPES, 10);
  // Several quick edits: the last one breaks the syntax.
  for (let v = 11; v <= 15; v++) ctx.server.change(uri, v, [{ text: TYPES + `\n// edit ${v}\n` }]);
  ctx.server.change(uri, 16, [{ text: TYPES + '\ninterface broken {\n' }]);
  const d = await ctx.server.diagnostics(uri, (p) => p.version === 16);
  assert.equal(d.version, 16);
  assert.match(messages(d).join('\n'), /expected `}`/);
  ctx.server.change(uri, 17, [{ text: TYPES }]);
  await ctx.server.diagnostics(uri, (p) => p.version === 17 && problems(p).length === 0);
  ctx.server.close(uri);
});

test('an edit is published even when a request checks the file before the diagnostics delay ends', async () => {
  // Editors ask for inlay hints, folding ranges and symbols right after each keystroke; those
  // requests check the changed package at once, and that check must reach the Problems panel.
  const path = ctx.ws.path('wit/types.wit');
  const broken = TYPES.replace('y: s32 }', 'y: s32');
  const uri = ctx.server.open(path, broken, 1);
  await ctx.server.diagnostics(uri, (p) => p.version === 1 && problems(p).length > 0);
  for (let v = 2; v <= 4; v++) {
    ctx.server.change(uri, v, [{ text: v % 2 === 0 ? TYPES : broken }]);
    await ctx.server.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } } });
    const d = await ctx.server.diagnostics(uri, (p) => p.version === v);
    assert.equal(problems(d).length > 0, v % 2 === 1, `version ${v}: ${JSON.stringify(messages(d))}`);
  }
  ctx.server.close(uri);
});

test('deleting a file updates the files that use it', async () => {
  ctx.ws.remove('wit/types.wit');
  ctx.server.fileEvents([{ path: ctx.ws.path('wit/types.wit'), type: 'deleted' }]);
  const d = await ctx.server.diagnostics(uriOf(ctx.ws.path('wit/api.wit')), (p) => problems(p).length > 0);
  assert.match(messages(d).join('\n'), /interface or world `types` does not exist/);
  ctx.ws.write('wit/types.wit', TYPES);
  ctx.server.fileEvents([{ path: ctx.ws.path('wit/types.wit'), type: 'created' }]);
  await ctx.server.diagnostics(uriOf(ctx.ws.path('wit/api.wit')), (p) => problems(p).length === 0);
});

test('the wit.features setting decides which unstable items exist', async () => {
  const uri = uriOf(ctx.ws.path('gated/g.wit'));
  const off = await ctx.server.diagnostics(uri, (p) => p.diagnostics.some((x) => x.severity === 1));
  assert.match(messages(off).join('\n'), /excluded due to its feature not being activated \(feature `fancy`\)/);
  const hint = off.diagnostics.find((x) => x.code === 'inactive-feature');
  assert.ok(hint, 'the gated-out type is marked');
  assert.deepEqual(hint!.tags, [1], 'as unnecessary');
  ctx.server.setSettings({ features: ['fancy'] });
  const on = await ctx.server.diagnostics(uri, (p) => problems(p).length === 0);
  assert.deepEqual(messages(on), []);
  ctx.server.setSettings({});
  await ctx.server.diagnostics(uri, (p) => p.diagnostics.some((x) => x.severity === 1));
});

test('a named pipe called .wit does not stall the checks: the package beside it still gets diagnostics', { skip: process.platform === 'win32' && 'needs mkfifo', timeout: 30_000 }, async () => {
  const a = ctx.ws.write('piped/a.wit', 'package demo:piped;\n\ninterface a {\n  f: func(x: nope);\n}\n');
  const pipe = ctx.ws.path('piped/pipe.wit');
  execFileSync('mkfifo', [pipe]);
  ctx.server.fileEvents([{ path: ctx.ws.path('piped'), type: 'created' }, { path: a, type: 'created' }, { path: pipe, type: 'created' }]);
  const d = await ctx.server.diagnostics(uriOf(a), (p) => problems(p).length > 0);
  assert.deepEqual(messages(d), ['name `nope` does not exist']);
  const p = await ctx.server.diagnostics(uriOf(pipe), (x) => problems(x).length > 0);
  assert.match(messages(p).join('\n'), /a named pipe, not a regular file/);
  // Like every other code, a read problem's code links to its entry in the diagnostics docs.
  assert.deepEqual(p.diagnostics.map((x) => [x.code, x.codeDescription?.href.replace(/^.*#/, '#')]), [['io-error', '#io-error']]);
});
