// A status bar item naming the active project's toolchain (e.g. "WIT: JavaScript · jco"), with
// each tool it needs and whether it was found in the tooltip; clicking it shows the full report.

import * as vscode from 'vscode';
import type { ProjectKind } from './commandLines';
import { readSettings, type ToolName } from './config';
import { buildTools } from './planner';
import { PROJECT_KIND_LABELS } from './project';
import type { Services } from './services';
import { folderOf, projectAt } from './target';
import { EXECUTABLES, INSTALL_HINTS, findTool, type ToolStatus } from './toolchain';

export interface ToolchainReport {
  kind?: ProjectKind;
  projectDir?: string;
  tools: ToolStatus[];
}

export async function toolchainReport(services: Services, uri: vscode.Uri | undefined): Promise<ToolchainReport> {
  const folder = folderOf(uri);
  if (!folder || folder.uri.scheme !== 'file') return { tools: [] };
  const project = await projectAt(uri, folder);
  const settings = readSettings(folder);
  // The build tools first: the status bar names the first one.
  const names: (ToolName | 'cargoComponent')[] = project ? [...buildTools(project.kind), 'wasmtime', 'wac'] : ['jco', 'cargo', 'wasmtime', 'wac'];
  const tools = await Promise.all(
    names.map((n) => findTool(n, { settings, projectDir: project?.dir, workspaceDir: folder.uri.fsPath, extensionDir: services.context.extensionPath, trusted: vscode.workspace.isTrusted })),
  );
  return { kind: project?.kind, projectDir: project?.dir, tools };
}

export function describeReport(r: ToolchainReport): string {
  const lines = [r.kind ? `Project: ${PROJECT_KIND_LABELS[r.kind]} in ${r.projectDir}` : 'No component project detected for the active file.'];
  for (const t of r.tools) {
    lines.push(t.source === 'missing' ? `✗ ${EXECUTABLES[t.name]}: not found — ${INSTALL_HINTS[t.name]}` : `✓ ${EXECUTABLES[t.name]}: ${t.command!.join(' ')} (${t.source})`);
  }
  return lines.join('\n');
}

export class ToolchainStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('wit.toolchain', vscode.StatusBarAlignment.Left, 10);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly services: Services) {
    this.item.name = 'WIT Toolchain';
    this.item.command = 'wit.showToolchain';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('wit') && this.schedule()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.schedule()),
    );
    this.schedule();
  }

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), 300);
  }

  async update(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const uri = editor?.document.uri;
    const relevant = !uri || uri.path.endsWith('.wit') || editor?.document.languageId === 'wit' || uri.path.endsWith('.wasm');
    if (!relevant) return;
    const report = await toolchainReport(this.services, uri);
    const main = report.tools[0];
    const kind = report.kind ? PROJECT_KIND_LABELS[report.kind].replace(/ \(.*\)$/, '') : 'no project';
    const ok = main && main.source !== 'missing';
    this.item.text = `$(${ok ? 'tools' : 'warning'}) WIT: ${kind}${main ? ` · ${EXECUTABLES[main.name]}${ok ? '' : ' missing'}` : ''}`;
    this.item.tooltip = describeReport(report);
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.subscriptions.forEach((s) => s.dispose());
    this.item.dispose();
  }
}
