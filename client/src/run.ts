// Run Component and Serve HTTP Component. Run looks at what the component exports (decoded from
// the binary): a `wasi:cli/run` command is started with `wasmtime run` or `jco run` and the
// arguments the user types; an exported function is called with `wasmtime run --invoke`, its
// arguments prompted in WAVE and prefilled from the function's type. Serve starts
// `wasmtime serve` or `jco serve` on 127.0.0.1 and shows the URL once it answers.

import { createServer } from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readSettings } from './config';
import { jcoFallback } from './jco';
import { planJob } from './planner';
import { reportError, runJob } from './runner';
import type { Services } from './services';
import { splitArgs } from './shell';
import { builtComponentFor, commandTarget, folderOf, pickComponent, worldTarget } from './target';
import { requireTrust } from './trust';
import type { DecodedComponent, FuncType } from './wasm/componentTypes';
import { funcSignature } from './wasm/witPrinter';
import { inspectFile } from './wasmViewer';
import { firstArgumentSelection, invokeObstacle, waveCall } from './wave';
import { CLI_RUN_EXPORT, HTTP_HANDLER_EXPORT } from './worldLens';

export interface ComponentShape {
  command: boolean;
  http: boolean;
  /** Functions exported at the top level (what `--invoke` can call). */
  functions: { name: string; type: FuncType }[];
}

export function componentShape(decoded: DecodedComponent): ComponentShape {
  const names = decoded.exports.map((e) => e.name);
  return {
    command: names.some((n) => CLI_RUN_EXPORT.test(n)),
    http: names.some((n) => HTTP_HANDLER_EXPORT.test(n)),
    functions: decoded.exports.flatMap((e) => (e.item.sort === 'func' && e.item.entity.kind === 'func' ? [{ name: e.name, type: e.item.entity }] : [])),
  };
}

/** The .wasm a run-like command works on: the given one, the world's build output, or a pick. */
async function componentFor(services: Services, arg: unknown, worldName: string | undefined, purpose: string): Promise<vscode.Uri | undefined> {
  const uri = commandTarget(arg);
  if (uri?.path.endsWith('.wasm')) return uri;
  if (uri && (uri.path.endsWith('.wit') || worldName)) {
    const target = await worldTarget(services, uri, worldName, purpose);
    if (target?.world) {
      const built = await builtComponentFor(target, readSettings(target.folder));
      if (built) return built;
      const choice = await vscode.window.showInformationMessage(`${target.world.name} has not been built yet.`, 'Build Now');
      if (choice !== 'Build Now') return undefined;
      return (await vscode.commands.executeCommand<vscode.Uri | undefined>('wit.buildComponent', uri, target.world.name)) ?? undefined;
    }
  }
  return pickComponent(`Which component do you want to ${purpose}?`);
}

/**
 * What Run and Serve start from: the component (after the trust check), its workspace folder and
 * what the binary holds. Undefined when there is nothing to do (untrusted, or no pick).
 */
async function openComponent(services: Services, arg: unknown, worldName: string | undefined, purpose: 'run' | 'serve', action: string) {
  if (!(await requireTrust(action))) return undefined;
  const component = await componentFor(services, arg, worldName, purpose);
  if (!component) return undefined;
  const folder = folderOf(component);
  if (!folder) return undefined;
  const inspection = await inspectFile(component, jcoFallback(services));
  return { component, folder, name: path.basename(component.fsPath), inspection };
}

const LAST_ARGS = 'wit.run.lastArguments';

export async function runComponent(services: Services, arg?: unknown, worldName?: string): Promise<void> {
  try {
    const opened = await openComponent(services, arg, worldName, 'run', 'Run Component');
    if (!opened) return;
    const { component, folder, name, inspection } = opened;
    if (inspection.kind === 'error') throw new Error(`cannot read ${name}: ${inspection.message}`);
    let shape: ComponentShape = { command: true, http: false, functions: [] };
    if (inspection.kind === 'component' && !('via' in inspection && inspection.via)) shape = componentShape(inspection.decoded);

    type Action = { label: string; description?: string; run: () => Promise<void> };
    const actions: Action[] = [];
    if (shape.command || inspection.kind === 'module') {
      actions.push({ label: `$(play) Run ${name}`, description: 'wasi:cli/run', run: () => runCommand(services, folder, component) });
    }
    for (const f of shape.functions) {
      actions.push({ label: `$(symbol-function) Call ${f.name}`, description: funcSignature(f.type), run: () => invokeFunction(services, folder, component, f) });
    }
    if (actions.length === 0) {
      if (shape.http) {
        const choice = await vscode.window.showInformationMessage(`${name} is an HTTP handler (it exports wasi:http/incoming-handler): serve it instead.`, 'Serve');
        if (choice === 'Serve') await serveComponent(services, component);
        return;
      }
      throw new Error(`${name} exports neither wasi:cli/run nor functions, so there is nothing to run`);
    }
    const action = actions.length === 1 ? actions[0] : await vscode.window.showQuickPick(actions, { placeHolder: `What do you want to run in ${name}?` });
    await action?.run();
  } catch (e) {
    await reportError(e, services, 'Run Component');
  }
}

async function runCommand(services: Services, folder: vscode.WorkspaceFolder, component: vscode.Uri): Promise<void> {
  const last = services.context.workspaceState.get<string>(LAST_ARGS, '');
  const typed = await vscode.window.showInputBox({
    title: `Run ${path.basename(component.fsPath)}`,
    prompt: 'Arguments for the component (optional; quote words that contain spaces)',
    value: last,
  });
  if (typed === undefined) return;
  await services.context.workspaceState.update(LAST_ARGS, typed);
  const planned = await planJob({ type: 'wit', job: 'run', component: component.fsPath, args: splitArgs(typed) }, folder, services);
  await runJob(planned, folder, services);
}

async function invokeFunction(services: Services, folder: vscode.WorkspaceFolder, component: vscode.Uri, f: { name: string; type: FuncType }): Promise<void> {
  const obstacle = invokeObstacle(f.type);
  if (obstacle) throw new Error(`${f.name} cannot be called from the command line: ${obstacle}`);
  const template = waveCall(f.name, f.type);
  const call = await vscode.window.showInputBox({
    title: `Call ${f.name}: ${funcSignature(f.type)}`,
    prompt: 'The call in WAVE syntax: strings "…", lists […], records {field: value}, option none / some(x), result ok(x) / err(e)',
    value: template,
    valueSelection: firstArgumentSelection(template),
  });
  if (!call) return;
  const planned = await planJob({ type: 'wit', job: 'invoke', component: component.fsPath, call }, folder, services);
  await runJob(planned, folder, services);
}

/** `preferred` if nothing listens on it on 127.0.0.1, else the next free port. */
export async function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
  for (let port = preferred; port < preferred + 100; port++) if (await tryPort(port)) return port;
  return preferred;
}

export async function serveComponent(services: Services, arg?: unknown, worldName?: string): Promise<void> {
  try {
    const opened = await openComponent(services, arg, worldName, 'serve', 'Serve HTTP Component');
    if (!opened) return;
    const { component, folder, name, inspection } = opened;
    if (inspection.kind === 'component' && inspection.decoded.exports.length && !componentShape(inspection.decoded).http) {
      const choice = await vscode.window.showWarningMessage(`${name} does not export wasi:http/incoming-handler, so an HTTP server cannot call it.`, 'Serve Anyway');
      if (choice !== 'Serve Anyway') return;
    }
    const port = await freePort(readSettings(folder).servePort);
    const planned = await planJob({ type: 'wit', job: 'serve', component: component.fsPath, port }, folder, services);
    await runJob(planned, folder, services);
  } catch (e) {
    await reportError(e, services, 'Serve HTTP Component');
  }
}
