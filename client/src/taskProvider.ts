// The `wit` TaskProvider: offers "Build <world>" and "Types for <world>" for every world of every
// WIT package next to a project in the workspace, and resolves `"type": "wit"` entries written in
// tasks.json into the same shell executions the commands run.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { planJob } from './planner';
import type { Services } from './services';
import { makeTask, TASK_TYPE, type WitTaskDefinition } from './tasks';
import { worldsOf } from './worlds';

export class WitTaskProvider implements vscode.TaskProvider {
  constructor(private readonly services: Services) {}

  async provideTasks(): Promise<vscode.Task[]> {
    if (!vscode.workspace.isTrusted) return [];
    const tasks: vscode.Task[] = [];
    const witFiles = await vscode.workspace.findFiles('**/wit/*.wit', '**/{node_modules,deps,target}/**', 200);
    const firstPerFolder = new Map<string, vscode.Uri>();
    for (const f of witFiles.sort((a, b) => a.fsPath.localeCompare(b.fsPath))) {
      const dir = path.dirname(f.fsPath);
      if (!firstPerFolder.has(dir)) firstPerFolder.set(dir, f);
    }
    for (const [witDir, file] of firstPerFolder) {
      const folder = vscode.workspace.getWorkspaceFolder(file);
      if (!folder) continue;
      const project = path.relative(folder.uri.fsPath, path.dirname(witDir)) || undefined;
      let worlds: string[] = [];
      try {
        worlds = (await worldsOf(this.services, file)).map((w) => w.name);
      } catch {
        // The server is not up yet: offer what needs no world.
      }
      const defs: WitTaskDefinition[] = [
        ...worlds.map((world): WitTaskDefinition => ({ type: TASK_TYPE, job: 'build', project, world })),
        ...worlds.map((world): WitTaskDefinition => ({ type: TASK_TYPE, job: 'types', project, world })),
      ];
      for (const def of defs) {
        const task = await this.taskFor(def, folder).catch((e) => {
          this.services.output.debug(`no ${def.job} task for ${def.world}: ${e instanceof Error ? e.message : String(e)}`);
          return undefined;
        });
        if (task) tasks.push(task);
      }
    }
    return tasks;
  }

  async resolveTask(task: vscode.Task): Promise<vscode.Task | undefined> {
    const def = task.definition as WitTaskDefinition;
    const folder = task.scope && typeof task.scope === 'object' ? (task.scope as vscode.WorkspaceFolder) : vscode.workspace.workspaceFolders?.[0];
    if (!folder || !def.job) return undefined;
    try {
      return await this.taskFor(def, folder);
    } catch (e) {
      void vscode.window.showErrorMessage(`The wit task "${task.name}" cannot run: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  private async taskFor(def: WitTaskDefinition, folder: vscode.WorkspaceFolder): Promise<vscode.Task> {
    const planned = await planJob(def, folder, this.services, { checkTools: false });
    return makeTask(def, folder, planned.job, {
      label: planned.label,
      matchers: planned.matchers,
      background: planned.background,
      group: def.job === 'build' ? vscode.TaskGroup.Build : undefined,
    });
  }
}
