// Extension-host tests of the component commands and the `wit` task provider, inside a real
// VS Code (code-server, or desktop VS Code through test-electron) on a copy of examples/greeter.
// Components come from the test cache (.cache/components, built by jco when missing).

import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { builtComponent, COMPONENTS, type ComponentSpec } from '../../../support/components';
import { EXTENSION_ID } from '../../support/extensionId';
import { test } from '../registry';
import { until, waitForActivation } from '../waitFor';
import { openInEditor, workspaceFile, writeWorkspaceFile } from '../workspace';

interface WitApi {
  checkComposition(socket: vscode.Uri, plugs: vscode.Uri[]): Promise<{ ok: boolean; issues: { interface?: string; item?: string; message: string }[]; matches: unknown[] }>;
}

async function api(): Promise<WitApi> {
  const ext = vscode.extensions.getExtension<WitApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed`);
  await waitForActivation(ext);
  return ext.exports;
}

/** A built component copied into the workspace under `name`. */
async function componentInWorkspace(spec: ComponentSpec, name: string): Promise<vscode.Uri> {
  const built = await builtComponent(spec);
  const target = workspaceFile(name);
  copyFileSync(built.path, target.fsPath);
  return target;
}

const COMMANDS = [
  'wit.buildComponent', 'wit.composeComponents', 'wit.runComponent', 'wit.serveComponent', 'wit.generateTypes',
  'wit.showComponentWit', 'wit.fetchDependencies', 'wit.restartServer', 'wit.showToolchain',
];

test('components: every command is registered', async () => {
  await api();
  const all = new Set(await vscode.commands.getCommands(true));
  assert.deepEqual(COMMANDS.filter((c) => !all.has(c)), []);
});

/** Polls (the provider asks the language server, which may still be indexing); fails naming the tasks last offered. */
async function fetchWitTasks(what: string, expect: (tasks: vscode.Task[]) => boolean, timeoutMs = 20_000): Promise<vscode.Task[]> {
  let tasks: vscode.Task[] = [];
  return until(() => `${what}; the wit tasks offered: [${tasks.map((t) => t.name).join(', ')}]`, async () => {
    tasks = await vscode.tasks.fetchTasks({ type: 'wit' });
    return expect(tasks) ? tasks : undefined;
  }, timeoutMs, 250);
}

const argText = (a: string | vscode.ShellQuotedString) => (typeof a === 'string' ? a : a.value);

test('components: the wit task provider offers a build and a types task per world, with jco command lines', async () => {
  await api();
  const tasks = await fetchWitTasks("the task 'Build greeter-cli'", (ts) => ts.some((t) => t.name === 'Build greeter-cli'));
  const names = tasks.map((t) => t.name).sort();
  assert.deepEqual(names, ['Build greeter-app', 'Build greeter-cli', 'Types for greeter-app', 'Types for greeter-cli']);
  const build = tasks.find((t) => t.name === 'Build greeter-cli')!;
  assert.equal(build.source, 'wit');
  assert.deepEqual(build.definition, { type: 'wit', job: 'build', world: 'greeter-cli' });
  assert.equal(build.group?.id, vscode.TaskGroup.Build.id);
  const exec = build.execution as vscode.ShellExecution;
  assert.ok(exec instanceof vscode.ShellExecution);
  const argv = [exec.command!, ...exec.args!].map(argText);
  // jco comes from the extension's own node_modules here (neither the workspace nor PATH has it).
  assert.deepEqual(argv.slice(-8), ['componentize', 'greeter-cli.js', '--wit', 'wit', '--world-name', 'greeter-cli', '-o', 'greeter-cli.wasm']);
  assert.equal(exec.options?.cwd, workspaceFile('').fsPath.replace(/\/$/, ''));
  assert.deepEqual(build.problemMatchers, ['$wit-jco']);
});

test('components: code lenses above each world offer Build, Run/Serve where it applies, and Types', async () => {
  await api();
  const lensesOf = async (path: string) => {
    const uri = workspaceFile(path);
    await openInEditor(uri);
    let seen: vscode.CodeLens[] = [];
    const lenses = await until(() => `a Build code lens in ${path}; lenses seen: [${seen.map((l) => l.command?.title ?? '(unresolved)').join(', ')}]`, async () => {
      seen = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
      return seen.some((l) => l.command?.command === 'wit.buildComponent') ? seen : undefined;
    }, 20_000, 250);
    return lenses.filter((l) => l.command?.command.startsWith('wit.')).map((l) => `${l.range.start.line}: ${l.command!.title} → ${l.command!.command}(${String(l.command!.arguments?.[1])})`);
  };
  assert.deepEqual(await lensesOf('wit/cli.wit'), [
    '3: $(tools) Build → wit.buildComponent(greeter-cli)',
    '3: $(play) Run → wit.runComponent(greeter-cli)',
    '3: $(symbol-interface) Types → wit.generateTypes(greeter-cli)',
  ]);
  const world = await lensesOf('wit/world.wit');
  assert.deepEqual(world.map((l) => l.replace(/^\d+: /, '')), ['$(tools) Build → wit.buildComponent(greeter-app)', '$(symbol-interface) Types → wit.generateTypes(greeter-app)']);
});

test('components: a "type": "wit" task from tasks.json resolves and runs a component with jco run (exit code 0)', async () => {
  await api();
  await componentInWorkspace(COMPONENTS.greeterCli, 'greeter-cli.wasm');
  await writeWorkspaceFile('.vscode/tasks.json', JSON.stringify({
    version: '2.0.0',
    tasks: [{ type: 'wit', job: 'run', component: 'greeter-cli.wasm', runtime: 'jco', label: 'run greeter-cli (tasks.json)', problemMatcher: [] }],
  }, null, 2));
  const tasks = await fetchWitTasks("the tasks.json task 'run greeter-cli (tasks.json)'", (ts) => ts.some((t) => t.name === 'run greeter-cli (tasks.json)'));
  const task = tasks.find((t) => t.name === 'run greeter-cli (tasks.json)');
  assert.ok(task, `tasks.json task not found among ${tasks.map((t) => t.name).join(', ')}`);
  const exec = task.execution as vscode.ShellExecution;
  assert.deepEqual([exec.command!, ...exec.args!].map(argText).slice(-2), ['run', 'greeter-cli.wasm']);
  const execution = await vscode.tasks.executeTask(task);
  const code = await new Promise<number | undefined>((resolve) => {
    const sub = vscode.tasks.onDidEndTaskProcess((e) => {
      if (e.execution === execution) {
        sub.dispose();
        resolve(e.exitCode);
      }
    });
  });
  assert.equal(code, 0);
}, { timeoutMs: 120_000 });

test('components: Show Component WIT opens the component\'s WIT as a read-only WIT document', async () => {
  await api();
  const wasm = await componentInWorkspace(COMPONENTS.greeterApp, 'greeter-app.wasm');
  await vscode.commands.executeCommand('wit.showComponentWit', wasm);
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor, 'no editor opened');
  assert.equal(editor.document.uri.scheme, 'wit-component');
  assert.equal(editor.document.languageId, 'wit');
  const text = editor.document.getText();
  assert.match(text, /^\/\/ WIT of greeter-app\.wasm \(read-only\)\npackage root:component;/);
  assert.match(text, /export example:greeter\/greetings@0\.1\.0;/);
  assert.match(text, /resource greeter \{/);
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
}, { timeoutMs: 120_000 });

test('components: the composition check through the language server: a fitting and a mismatching logger', async () => {
  const wit = await api();
  const socket = await componentInWorkspace(COMPONENTS.greeterApp, 'greeter-app.wasm');
  const good = await componentInWorkspace(COMPONENTS.loggerPlug, 'logger-plug.wasm');
  const bad = await componentInWorkspace(COMPONENTS.loggerMismatch, 'logger-mismatch.wasm');
  const fits = await wit.checkComposition(socket, [good]);
  assert.equal(fits.ok, true, JSON.stringify(fits.issues));
  const report = await wit.checkComposition(socket, [bad]);
  assert.equal(report.ok, false);
  assert.deepEqual(report.issues.map((i) => `${i.interface} ${i.item}`), ['example:logging/logger@0.1.0 level', 'example:logging/logger@0.1.0 log']);
}, { timeoutMs: 300_000 });

test('components: the .wasm viewer opens as the default editor for .wasm files', async () => {
  await api();
  const wasm = await componentInWorkspace(COMPONENTS.greeterCli, 'greeter-cli.wasm');
  await vscode.commands.executeCommand('vscode.open', wasm);
  const input = await until('the .wasm to open in a custom editor', () => {
    const active = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    return active instanceof vscode.TabInputCustom ? active : undefined;
  }, 10_000, 100);
  assert.ok(input instanceof vscode.TabInputCustom, 'the .wasm did not open in a custom editor');
  assert.equal(input.viewType, 'wit.componentViewer');
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
}, { timeoutMs: 120_000 });
