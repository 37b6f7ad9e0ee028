// Commands as maps from command id to a factory that makes the handler from the shared services.
// This file holds the ones that work everywhere, the web included (WEB_COMMANDS); node/commands.ts
// adds those that run tools in a terminal, which package.json shows only where the Node extension
// host sets `wit.canRunTools` (not on the web) and only in trusted workspaces.

import * as vscode from 'vscode';
import { showAbiLayout } from './abiLayoutView';
import { enableFeature } from './features';
import type { Services } from './services';
import { openWitDocument, type FallbackExtractor } from './wasmViewer';

type Handler = (...args: unknown[]) => unknown;
export type CommandFactory = (services: Services) => Handler;

/** The .wasm a "show" command was given, or the active one, or one the user picks. */
async function wasmTarget(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri && arg.path.endsWith('.wasm')) return arg;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputCustom && input.uri.path.endsWith('.wasm')) return input.uri;
  const files = await vscode.workspace.findFiles('**/*.wasm', '**/node_modules/**', 200);
  if (files.length === 0) {
    void vscode.window.showErrorMessage('No .wasm files in the workspace.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(files.map((f) => ({ label: vscode.workspace.asRelativePath(f), uri: f })), { placeHolder: 'Which component?' });
  return picked?.uri;
}

export async function restartServer(services: Services): Promise<void> {
  const client = services.client();
  if (!client) {
    void vscode.window.showErrorMessage('The WIT language server was never started; see the "WIT Language Server" output.');
    return;
  }
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Restarting the WIT language server' }, async () => {
    if (client.isRunning()) await client.stop();
    await client.start();
  });
  services.output.info('language server restarted');
}

export function showComponentWitCommand(fallback?: (services: Services) => FallbackExtractor): CommandFactory {
  return (services) => async (arg) => {
    const uri = await wasmTarget(arg);
    if (uri) await openWitDocument(uri, fallback?.(services));
  };
}

/** Commands that work everywhere, the web included. */
export const WEB_COMMANDS: Record<string, CommandFactory> = {
  'wit.restartServer': (s) => () => restartServer(s),
  'wit.showComponentWit': showComponentWitCommand(),
  'wit.showAbiLayout': (s) => () => showAbiLayout(s),
  // The argument comes from the server's "Enable feature" quick fix.
  'wit.enableFeature': () => (feature) => enableFeature(feature, vscode.window.activeTextEditor?.document.uri),
};

export function registerCommands(context: vscode.ExtensionContext, services: Services, table: Record<string, CommandFactory>): void {
  for (const [id, factory] of Object.entries(table)) context.subscriptions.push(vscode.commands.registerCommand(id, factory(services)));
}
