// Planning jobs against a workspace on disk, with the few vscode calls the planner makes answered
// by a stand-in: a job's tools are looked up from the folder it runs in, so the installed-check
// and the command line agree (a project's own node_modules/.bin/jco); a task plans even when a
// tool is missing; and Run finds a build's output where the build left it (cargo's target/).

import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, promises as fsp } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type * as vscode from 'vscode';
import type { WorldInfo } from '../../../client/src/protocol';
import type { Services } from '../../../client/src/services';
import { tempWorkspace, type TempWorkspace } from '../../support/tempWorkspace';

/** Just what planner.ts and target.ts call: the settings (all defaults), trust, files and URIs. */
const vscodeStandIn = {
  workspace: {
    isTrusted: true,
    getConfiguration: () => ({ get: <T>(_key: string, fallback: T) => fallback }),
    fs: {
      readFile: (uri: { fsPath: string }) => fsp.readFile(uri.fsPath),
      stat: (uri: { fsPath: string }) => fsp.stat(uri.fsPath),
    },
  },
  Uri: { file: (fsPath: string) => ({ scheme: 'file', fsPath, path: fsPath }) },
};

// The modules under test `require('vscode')`, which only exists inside the editor.
const loader = Module as unknown as { _load(request: string, ...rest: unknown[]): unknown };
const nodeLoad = loader._load;
loader._load = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? vscodeStandIn : nodeLoad.call(this, request, ...rest);
};

// Loaded only now, with the stand-in in place.
const load = createRequire(__filename);
const { planJob } = load('../../../client/src/planner') as typeof import('../../../client/src/planner');
const { builtComponentFor } = load('../../../client/src/target') as typeof import('../../../client/src/target');
const { MissingToolError } = load('../../../client/src/toolchain') as typeof import('../../../client/src/toolchain');

// No tool on PATH and none in the extension's folder: only what a test puts in the workspace is found.
const empty = mkdtempSync(join(tmpdir(), 'wit-empty-'));
const savedPath = process.env.PATH;
process.env.PATH = empty;
const services = { context: { extensionPath: empty }, client: () => undefined } as unknown as Services;

const workspaces: TempWorkspace[] = [];
after(async () => {
  process.env.PATH = savedPath;
  loader._load = nodeLoad;
  for (const ws of workspaces) ws.dispose();
  await fsp.rm(empty, { recursive: true, force: true });
});

function workspace(files: Record<string, string>, executables: string[] = []): { ws: TempWorkspace; folder: vscode.WorkspaceFolder } {
  const ws = tempWorkspace(files);
  workspaces.push(ws);
  for (const e of executables) chmodSync(ws.path(e), 0o755);
  return { ws, folder: { uri: { scheme: 'file', fsPath: ws.root }, name: 'ws', index: 0 } as unknown as vscode.WorkspaceFolder };
}

/** A component project in a subfolder with its own jco, as `npm install @bytecodealliance/jco` leaves it. */
const SUBFOLDER_JS = { 'app/package.json': '{}', 'app/node_modules/.bin/jco': '#!/bin/sh\n', 'app/hello.wasm': '' };

test('run and serve in a subfolder project start the jco in its node_modules/.bin, which the check found', async () => {
  const { ws, folder } = workspace(SUBFOLDER_JS, ['app/node_modules/.bin/jco']);
  const jco = ws.path('app/node_modules/.bin/jco');
  const run = await planJob({ type: 'wit', job: 'run', component: 'app/hello.wasm', runtime: 'jco' }, folder, services);
  assert.deepEqual(run.job.argv, [jco, 'run', 'hello.wasm']);
  assert.equal(run.job.cwd, ws.path('app'));
  // No wasmtime anywhere: the runtime setting's "auto" falls back to that same jco.
  const serve = await planJob({ type: 'wit', job: 'serve', component: 'app/hello.wasm', port: 8123 }, folder, services);
  assert.deepEqual(serve.job.argv, [jco, 'serve', 'hello.wasm', '--host', '127.0.0.1', '--port', '8123']);
  assert.equal(serve.url, 'http://127.0.0.1:8123/');
  const task = await planJob({ type: 'wit', job: 'run', component: 'app/hello.wasm', runtime: 'jco' }, folder, services, { checkTools: false });
  assert.deepEqual(task.job.argv, [jco, 'run', 'hello.wasm'], 'tasks.json runs the same line');
});

test('a missing tool stops a command with how to install it, while a task plans with its bare name', async () => {
  const { folder } = workspace({ 'app/package.json': '{}', 'app/wit/world.wit': 'package a:b;\n', 'app/hello.wasm': '' });
  await assert.rejects(planJob({ type: 'wit', job: 'deps', project: 'app' }, folder, services), (e) => e instanceof MissingToolError && /wkg is needed to fetch WIT dependencies/.test(e.message));
  const deps = await planJob({ type: 'wit', job: 'deps', project: 'app' }, folder, services, { checkTools: false });
  assert.deepEqual(deps.job.argv, ['wkg', 'wit', 'fetch']);
  await assert.rejects(planJob({ type: 'wit', job: 'invoke', component: 'app/hello.wasm', call: 'f()' }, folder, services), MissingToolError);
  const invoke = await planJob({ type: 'wit', job: 'invoke', component: 'app/hello.wasm', call: 'f()' }, folder, services, { checkTools: false });
  assert.deepEqual(invoke.job.argv, ['wasmtime', 'run', '--invoke', 'f()', 'hello.wasm']);
});

test("Run finds a cargo project's build in target/, where cargo leaves it", async () => {
  const built = 'crate/target/wasm32-wasip1/debug/my_comp.wasm';
  const { ws, folder } = workspace({ 'crate/Cargo.toml': '[package]\nname = "my-comp"\n', [built]: '' });
  const target = {
    folder,
    project: { kind: 'cargo-component' as const, dir: ws.path('crate'), crateName: 'my-comp' },
    world: { name: 'my-world' } as WorldInfo,
  };
  assert.equal((await builtComponentFor(target, { outputDirectory: '', profile: 'debug' }))?.fsPath, ws.path(built));
  assert.equal(await builtComponentFor(target, { outputDirectory: '', profile: 'release' }), undefined, 'no release build yet');
});

test('Run finds a JavaScript build as <world>.wasm in the output directory', async () => {
  const { ws, folder } = workspace({ 'app/package.json': '{}', 'app/dist/my-world.wasm': '' });
  const target = { folder, project: { kind: 'js' as const, dir: ws.path('app') }, world: { name: 'my-world' } as WorldInfo };
  assert.equal((await builtComponentFor(target, { outputDirectory: 'dist', profile: 'debug' }))?.fsPath, ws.path('app/dist/my-world.wasm'));
  assert.equal(await builtComponentFor(target, { outputDirectory: '', profile: 'debug' }), undefined);
});
