// Build Component, Generate TypeScript Types and Fetch Dependencies: the project- and world-level
// jobs. Build picks the world (cursor, only one, or a pick), warns when the WIT has errors the
// language server already reported, runs the project's build tool, and offers the next steps.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { planJob } from './planner';
import { reportError, runJob } from './runner';
import type { Services } from './services';
import { commandTarget, folderOf, projectAt, worldTarget } from './target';
import type { WitTaskDefinition } from './tasks';
import { requireTrust } from './trust';
import { openWitDocument } from './wasmViewer';
import { jcoFallback } from './jco';

/** Errors the language server reports for the files of a WIT folder (not its deps). */
function witErrors(witFolder: string): number {
  let count = 0;
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    if (uri.scheme !== 'file' || path.dirname(uri.fsPath) !== path.normalize(witFolder)) continue;
    count += diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
  }
  return count;
}

export async function buildComponent(services: Services, arg?: unknown, worldName?: string): Promise<vscode.Uri | undefined> {
  if (!(await requireTrust('Build Component'))) return undefined;
  try {
    const uri = commandTarget(arg);
    const target = await worldTarget(services, uri, worldName, 'build');
    if (!target) return undefined;
    const { folder, project, world } = target;
    const def: WitTaskDefinition = { type: 'wit', job: 'build', project: project?.dir, world: world?.name };
    const planned = await planJob(def, folder, services);
    if (planned.world) {
      const errors = witErrors(planned.world.witFolder);
      if (errors > 0) {
        const choice = await vscode.window.showWarningMessage(
          `The WIT in ${vscode.workspace.asRelativePath(planned.world.witFolder)} has ${errors} error(s) (see Problems); the build will fail on them.`,
          'Build Anyway',
          'Show Problems',
        );
        if (choice === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
        if (choice !== 'Build Anyway') return undefined;
      }
    }
    const outcome = await runJob(planned, folder, services);
    if (outcome.exitCode === 0 && planned.job.output) {
      const output = vscode.Uri.file(planned.job.output);
      void vscode.window.showInformationMessage(`Built ${vscode.workspace.asRelativePath(output)}`, 'Run', 'Show WIT').then((choice) => {
        if (choice === 'Run') void vscode.commands.executeCommand('wit.runComponent', output);
        if (choice === 'Show WIT') void openWitDocument(output, jcoFallback(services));
      });
      return output;
    }
  } catch (e) {
    await reportError(e, services, 'Build Component');
  }
  return undefined;
}

export async function generateTypes(services: Services, arg?: unknown, worldName?: string): Promise<void> {
  if (!(await requireTrust('Generate TypeScript Types'))) return;
  try {
    const target = await worldTarget(services, commandTarget(arg), worldName, 'generate types for');
    if (!target) return;
    const projectDir = target.project?.dir ?? (target.world ? path.dirname(target.world.witFolder) : target.folder.uri.fsPath);
    const def: WitTaskDefinition = { type: 'wit', job: 'types', project: projectDir, world: target.world?.name };
    const planned = await planJob(def, target.folder, services);
    const outcome = await runJob(planned, target.folder, services);
    if (outcome.exitCode === 0 && planned.job.output) {
      void vscode.window.showInformationMessage(`TypeScript declarations written to ${vscode.workspace.asRelativePath(planned.job.output)}`, 'Reveal').then(async (choice) => {
        if (choice === 'Reveal') await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(planned.job.output!));
      });
    }
  } catch (e) {
    await reportError(e, services, 'Generate TypeScript Types');
  }
}

export async function fetchDependencies(services: Services, arg?: unknown): Promise<void> {
  if (!(await requireTrust('Fetch Dependencies'))) return;
  try {
    const uri = commandTarget(arg);
    const folder = folderOf(uri);
    if (!folder) return;
    // Dependencies belong to the project (its wit/ folder), whatever world the file declares.
    const project = await projectAt(uri, folder);
    const projectDir = project?.dir ?? (uri?.path.endsWith('.wit') ? path.dirname(path.dirname(uri.fsPath)) : folder.uri.fsPath);
    const planned = await planJob({ type: 'wit', job: 'deps', project: projectDir }, folder, services);
    await runJob(planned, folder, services);
  } catch (e) {
    await reportError(e, services, 'Fetch Dependencies');
  }
}
