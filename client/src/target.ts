// What a command acts on when it is started from the palette, a menu or a code lens: the file
// it was given or the active editor's, its workspace folder, the world (by name or under the
// cursor) and the project; and picking .wasm files from the workspace.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { buildOutputPath } from './commandLines';
import type { WitToolSettings } from './config';
import { slash, workspaceProbe } from './planner';
import { findProject, type ProjectInfo } from './project';
import type { WorldInfo } from './protocol';
import type { Services } from './services';
import { chooseWorld, firstWitFile, worldsOf } from './worlds';

/** The resource a command was invoked on: its argument, the active editor, or the active custom editor's file. */
export function commandTarget(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const editor = vscode.window.activeTextEditor;
  if (editor) return editor.document.uri;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputText) return input.uri;
  return undefined;
}

export function folderOf(uri: vscode.Uri | undefined): vscode.WorkspaceFolder | undefined {
  return (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
}

/** The project `uri` belongs to: the nearest one at or above its folder, within `folder` (from `folder` itself without a local file). */
export function projectAt(uri: vscode.Uri | undefined, folder: vscode.WorkspaceFolder): Promise<ProjectInfo | undefined> {
  const start = uri && uri.scheme === 'file' ? path.dirname(uri.fsPath) : folder.uri.fsPath;
  return findProject(slash(start), slash(folder.uri.fsPath), workspaceProbe);
}

export interface WorldTarget {
  folder: vscode.WorkspaceFolder;
  project?: ProjectInfo;
  world?: WorldInfo;
}

/**
 * The project and world for a build-like command on `uri` (a .wit file, or any file of a
 * project): the named world, else the one under the cursor, else the only one, else a pick.
 */
export async function worldTarget(services: Services, uri: vscode.Uri | undefined, worldName: string | undefined, purpose: string): Promise<WorldTarget | undefined> {
  const folder = folderOf(uri);
  if (!folder) {
    void vscode.window.showErrorMessage('Open a folder with a component project first.');
    return undefined;
  }
  const project = await projectAt(uri, folder);
  let witFile: vscode.Uri | undefined = uri && uri.path.endsWith('.wit') ? uri : undefined;
  if (!witFile && project) witFile = await firstWitFile(vscode.Uri.file(path.join(project.dir, 'wit')));
  if (!witFile) return { folder, project };
  const editor = vscode.window.activeTextEditor;
  const position = editor && editor.document.uri.toString() === witFile.toString() ? editor.selection.active : undefined;
  const worlds = await worldsOf(services, witFile, position);
  const world = await chooseWorld(worlds, purpose, worldName);
  return { folder, project, world };
}

/** The workspace's .wasm files (outside node_modules), newest first. */
export async function workspaceComponents(): Promise<vscode.Uri[]> {
  const files = await vscode.workspace.findFiles('**/*.wasm', '**/{node_modules,.git}/**', 500);
  const stats = await Promise.all(files.map(async (f) => ({ f, mtime: (await vscode.workspace.fs.stat(f)).mtime })));
  return stats.sort((a, b) => b.mtime - a.mtime).map((s) => s.f);
}

export async function pickComponent(placeHolder: string, candidates?: vscode.Uri[]): Promise<vscode.Uri | undefined> {
  const files = candidates ?? (await workspaceComponents());
  if (files.length === 0) {
    void vscode.window.showErrorMessage('No .wasm files in the workspace: build a component first ("WIT: Build Component").');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    files.map((f) => ({ label: path.basename(f.fsPath), description: vscode.workspace.asRelativePath(f), uri: f })),
    { placeHolder },
  );
  return picked?.uri;
}

/** The built component for a world, if it exists where a build with the settings leaves it. */
export async function builtComponentFor(target: WorldTarget, settings: Pick<WitToolSettings, 'outputDirectory' | 'profile'>): Promise<vscode.Uri | undefined> {
  if (!target.project || !target.world) return undefined;
  const { kind, dir, crateName } = target.project;
  const output = buildOutputPath({ kind, projectDir: dir, crateName, profile: settings.profile, outputDirectory: settings.outputDirectory, world: target.world.name });
  return output && (await workspaceProbe.exists(output)) ? vscode.Uri.file(output) : undefined;
}
