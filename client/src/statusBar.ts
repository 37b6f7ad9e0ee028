// A status bar item naming the active project's toolchain (e.g. "WIT: JavaScript · jco"), with
// each tool it needs and whether it was found in the tooltip; clicking it shows the full report.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ProjectKind } from './commandLines';
import { readSettings } from './config';
import { slash, workspaceProbe } from './planner';
import { findProject, PROJECT_KIND_LABELS } from './project';
import type { Services } from './services';
import { EXECUTABLES, INSTALL_HINTS, findTool, type ToolStatus } from './toolchain';

const TOOLS_BY_KIND: Record<ProjectKind, (keyof typeof EXECUTABLES)[]> = {
  'cargo-component': ['cargo', 'cargoComponent', 'wasmtime', 'wac'],
  cargo: ['cargo', 'wasmtime', 'wac'],
  js: ['jco', 'wasmtime', 'wac'],
  python: ['componentizePy', 'wasmtime', 'wac'],
  go: ['tinygo', 'wasmtime', 'wac'],
};

export interface ToolchainReport {
  kind?: ProjectKind;
  projectDir?: string;
  tools: ToolStatus[];
}

export async function toolchainReport(services: Services, uri: vscode.Uri | undefined): Promise<ToolchainReport> {
  const folder = (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder || folder.uri.scheme !== 'file') return { tools: [] };
  const start = uri && uri.scheme === 'file' ? path.dirname(uri.fsPath) : folder.uri.fsPath;
  const project = await findProject(slash(start), slash(folder.uri.fsPath), workspaceProbe);
  const settings = readSettings(folder);
  const names = project ? TOOLS_BY_KIND[project.kind] : (['jco', 'cargo', 'wasmtime', 'wac'] as const);
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
