// Code lenses above each `world` declaration: Build, Run, Serve and Types for that world, from
// the language server's `wit/worlds` answer (it knows the ranges and what each world exports).
// Desktop only, in trusted workspaces: every lens starts a tool.

import * as vscode from 'vscode';
import { readSettings } from './config';
import type { WorldInfo } from './protocol';
import type { Services } from './services';
import { worldsOf } from './worlds';

/** An export that makes a component a `wasi:cli` command (any version); Run uses it on binaries too. */
export const CLI_RUN_EXPORT = /^wasi:cli\/run(@|$)/;
/** An export that makes a component an HTTP handler (either interface name, any version). */
export const HTTP_HANDLER_EXPORT = /^wasi:http\/(incoming-handler|handler)(@|$)/;

/** What a world can be run as, from its exports. */
export function worldRunKinds(world: Pick<WorldInfo, 'exports'>): { command: boolean; functions: boolean; http: boolean } {
  const names = world.exports.map((e) => e.name);
  return {
    command: names.some((n) => CLI_RUN_EXPORT.test(n)),
    functions: world.exports.some((e) => e.kind === 'func'),
    http: names.some((n) => HTTP_HANDLER_EXPORT.test(n)),
  };
}

export class WorldCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly services: Services) {}

  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!vscode.workspace.isTrusted || !readSettings(document.uri).codeLens || document.uri.scheme !== 'file') return [];
    let worlds: WorldInfo[];
    try {
      worlds = await worldsOf(this.services, document.uri);
    } catch {
      return [];
    }
    const own = document.uri.toString();
    const lenses: vscode.CodeLens[] = [];
    for (const w of worlds) {
      if (vscode.Uri.parse(w.uri).toString() !== own) continue;
      // Above the `world` line itself, not above the doc comments the range starts with.
      let line = w.range.start.line;
      while (line < w.range.end.line && !new RegExp(`^\\s*world\\s+%?${w.name}\\b`).test(document.lineAt(line).text)) line++;
      const range = new vscode.Range(line, 0, line, 0);
      const args = [document.uri, w.name];
      const kinds = worldRunKinds(w);
      lenses.push(new vscode.CodeLens(range, { title: '$(tools) Build', tooltip: `Build a component for world ${w.name}`, command: 'wit.buildComponent', arguments: args }));
      if (kinds.command || kinds.functions) lenses.push(new vscode.CodeLens(range, { title: '$(play) Run', tooltip: `Build output for ${w.name}: run it`, command: 'wit.runComponent', arguments: args }));
      if (kinds.http) lenses.push(new vscode.CodeLens(range, { title: '$(globe) Serve', tooltip: `Serve the ${w.name} component over HTTP`, command: 'wit.serveComponent', arguments: args }));
      lenses.push(new vscode.CodeLens(range, { title: '$(symbol-interface) Types', tooltip: `TypeScript declarations for ${w.name} (jco types)`, command: 'wit.generateTypes', arguments: args }));
    }
    return lenses;
  }
}
