// The tests VS Code for the web runs in its web-worker extension host (extensionTestsPath): the
// web extension starts the language server in a worker, which reads the mounted workspace
// through the client. Bundled for the browser by web.test.ts; reports one JSON line per test
// through the console, which the workbench forwards to the harness.

import * as vscode from 'vscode';
import { until } from '../extensionHost/waitFor';
import { EXTENSION_ID } from '../support/extensionId';

const PREFIX = '[wit-web]';

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function file(path: string): vscode.Uri {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  check(root, 'no workspace folder is open');
  return vscode.Uri.joinPath(root, ...path.split('/'));
}

async function positionOf(uri: vscode.Uri, needle: string, offsetInNeedle = 0): Promise<vscode.Position> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const at = doc.getText().indexOf(needle);
  check(at >= 0, `${needle} not found in ${uri.path}`);
  return doc.positionAt(at + offsetInNeedle);
}

const TESTS: [string, () => Promise<void>][] = [
  ['the web extension activates in a web worker host and starts the server', async () => {
    const doc = await vscode.workspace.openTextDocument(file('wit/greetings.wit'));
    await vscode.window.showTextDocument(doc);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    check(ext, `${EXTENSION_ID} is not loaded`);
    await until('activation', () => (ext.isActive ? true : undefined));
    check(doc.languageId === 'wit', `language id ${doc.languageId}`);
    check(doc.uri.scheme === 'vscode-test-web', `scheme ${doc.uri.scheme}`);
  }],
  ['a syntax error in a .wit file shows up as a diagnostic from the language server', async () => {
    const uri = file('wit/broken.wit');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await until('the syntax error', () => {
      const ds = vscode.languages.getDiagnostics(uri);
      return ds.some((d) => d.message.includes('expected `;`')) ? ds : undefined;
    });
    const d = diagnostics.find((x) => x.message.includes('expected `;`'))!;
    check(d.source === 'wit', `source ${d.source}`);
    check(d.range.start.line === 3 || d.range.start.line === 4, `line ${d.range.start.line}`);
  }],
  ['hover shows a type defined in wit/deps/ (read by the worker through the client)', async () => {
    const uri = file('wit/greetings.wit');
    const position = await positionOf(uri, '{level}', 1);
    const hovers = await until('a hover', async () => {
      const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
      return hs && hs.length ? hs : undefined;
    });
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    check(/enum level/.test(text), `hover text: ${text}`);
  }],
  ['go to definition jumps into wit/deps/logging/logging.wit', async () => {
    const uri = file('wit/greetings.wit');
    const position = await positionOf(uri, '{level}', 1);
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, position);
    const target = locations?.map((l) => ('targetUri' in l ? l.targetUri : l.uri).path) ?? [];
    check(target.some((p) => p.endsWith('/wit/deps/logging/logging.wit')), `definitions: ${target.join(', ')}`);
  }],
  ['the web has Show Component WIT and Restart, but no commands that need a terminal', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    check(all.has('wit.showComponentWit') && all.has('wit.restartServer'), 'web commands missing');
    for (const id of ['wit.buildComponent', 'wit.runComponent', 'wit.serveComponent', 'wit.composeComponents', 'wit.generateTypes', 'wit.fetchDependencies']) {
      check(!all.has(id), `${id} is registered on the web`);
    }
  }],
  ["Show Component WIT decodes a component in the browser", async () => {
    await vscode.commands.executeCommand('wit.showComponentWit', file('greeter-cli.wasm'));
    const editor = await until('the WIT document', () => (vscode.window.activeTextEditor?.document.uri.scheme === 'wit-component' ? vscode.window.activeTextEditor : undefined));
    const text = editor.document.getText();
    check(editor.document.languageId === 'wit', `language ${editor.document.languageId}`);
    check(text.includes('export wasi:cli/run@0.2.12;'), text.slice(0, 500));
  }],
];

export async function run(): Promise<void> {
  let failed = 0;
  for (const [name, body] of TESTS) {
    const started = Date.now();
    try {
      await body();
      console.log(`${PREFIX} ${JSON.stringify({ name, ok: true, ms: Date.now() - started })}`);
    } catch (e) {
      failed++;
      console.log(`${PREFIX} ${JSON.stringify({ name, ok: false, ms: Date.now() - started, error: e instanceof Error ? e.message : String(e) })}`);
    }
  }
  // Leave the window showing a hover from the worker, for the harness's screenshot.
  try {
    const uri = file('wit/greetings.wit');
    const position = await positionOf(uri, '{level}', 1);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.showHover');
  } catch {
    // only cosmetic
  }
  if (failed) throw new Error(`${failed} web test(s) failed`);
}
