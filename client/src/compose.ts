// Compose Components: `wac compose` for a .wac file, otherwise `wac plug` with a socket and plugs
// picked from the workspace's .wasm files. Before wac runs, the composition is type-checked: the
// client extracts each component's WIT from its binary, and the language server (which has the
// WIT parser and resolver) answers `wit/checkComposition` with every mismatch, named by
// interface and item.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { jcoFallback } from './jco';
import { planJob } from './planner';
import { CHECK_COMPOSITION_REQUEST, type CompositionInput, type CompositionReport } from './protocol';
import { reportError, runJob } from './runner';
import type { Services } from './services';
import { commandTarget, folderOf, pickComponent, workspaceComponents } from './target';
import { MissingToolError } from './toolchain';
import { requireTrust } from './trust';
import { inspectFile } from './wasmViewer';

/** The WIT of each component, for the check (the socket first). */
export async function componentWits(services: Services, socket: vscode.Uri, plugs: vscode.Uri[]): Promise<CompositionInput> {
  const wit = async (uri: vscode.Uri) => {
    const result = await inspectFile(uri, jcoFallback(services));
    if (result.kind !== 'component') throw new Error(`${path.basename(uri.fsPath)} is ${result.kind === 'module' ? 'a core module, not a component' : `unreadable: ${result.message}`}`);
    return { name: path.basename(uri.fsPath), wit: result.wit };
  };
  return { socket: await wit(socket), plugs: await Promise.all(plugs.map(wit)) };
}

export async function checkComposition(services: Services, input: CompositionInput): Promise<CompositionReport> {
  const client = services.client();
  if (!client) throw new Error('the WIT language server is not running, so the composition cannot be checked');
  return client.sendRequest<CompositionReport>(CHECK_COMPOSITION_REQUEST, input);
}

/** Logs the report and says in one message what fits and what does not. */
export function describeComposition(report: CompositionReport, socket: string): string[] {
  const lines: string[] = [];
  for (const m of report.matches) lines.push(`${m.fits ? '✓' : '✗'} ${m.plug} → ${socket}: ${m.name}`);
  for (const i of report.issues) lines.push(`${i.severity}: ${i.message}`);
  if (report.unsatisfied.length) lines.push(`still imported by the composition: ${report.unsatisfied.join(', ')}`);
  return lines;
}

export async function composeComponents(services: Services, arg?: unknown, all?: unknown): Promise<void> {
  if (!(await requireTrust('Compose Components'))) return;
  // What the type check found, told along with a missing wac: the plugs fit even if nothing here can compose them.
  let checked: string | undefined;
  try {
    const uri = commandTarget(arg);
    const folder = folderOf(uri);
    if (!folder) return;
    if (uri?.path.endsWith('.wac')) {
      const planned = await planJob({ type: 'wit', job: 'compose', wac: uri.fsPath }, folder, services);
      await runJob(planned, folder, services);
      return;
    }
    // From the Explorer with several .wasm files selected: the clicked one is the socket.
    const selected = Array.isArray(all) ? all.filter((u): u is vscode.Uri => u instanceof vscode.Uri && u.path.endsWith('.wasm')) : [];
    const files = await workspaceComponents();
    const socket = uri?.path.endsWith('.wasm') ? uri : await pickComponent('Pick the socket: the component whose imports the plugs fill', files);
    if (!socket) return;
    let plugs = selected.filter((u) => u.toString() !== socket.toString());
    if (plugs.length === 0) {
      const picked = await vscode.window.showQuickPick(
        files.filter((f) => f.toString() !== socket.toString()).map((f) => ({ label: path.basename(f.fsPath), description: vscode.workspace.asRelativePath(f), uri: f })),
        { placeHolder: `Pick the plugs for ${path.basename(socket.fsPath)}: components whose exports fill its imports`, canPickMany: true },
      );
      if (!picked?.length) return;
      plugs = picked.map((p) => p.uri);
    }

    const socketName = path.basename(socket.fsPath);
    const report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Checking that the plugs fit the socket…' }, async () =>
      checkComposition(services, await componentWits(services, socket, plugs)),
    );
    const lines = describeComposition(report, socketName);
    services.output.info(`composition check for ${socketName}:\n  ${lines.join('\n  ')}`);
    const errors = report.issues.filter((i) => i.severity === 'error');
    if (errors.length) {
      const choice = await vscode.window.showErrorMessage(
        `The plugs do not fit ${socketName}: ${errors[0].message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`,
        'Show Details',
        'Compose Anyway',
      );
      if (choice === 'Show Details') services.output.show(true);
      if (choice !== 'Compose Anyway') return;
    } else {
      checked = `The type check passed: ${report.matches.map((m) => `${m.plug} fills ${m.name}`).join('; ')}.`;
    }

    const planned = await planJob({ type: 'wit', job: 'plug', socket: socket.fsPath, plugs: plugs.map((p) => p.fsPath) }, folder, services);
    const outcome = await runJob(planned, folder, services);
    if (outcome.exitCode === 0 && planned.job.output) {
      const output = vscode.Uri.file(planned.job.output);
      void vscode.window.showInformationMessage(`Composed ${vscode.workspace.asRelativePath(output)}`, 'Show WIT', 'Run').then((choice) => {
        if (choice === 'Show WIT') void vscode.commands.executeCommand('vscode.openWith', output, 'wit.componentViewer');
        if (choice === 'Run') void vscode.commands.executeCommand('wit.runComponent', output);
      });
    }
  } catch (e) {
    await reportError(e, services, 'Compose Components', e instanceof MissingToolError ? checked : undefined);
  }
}
