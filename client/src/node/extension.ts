// Desktop entry point of the extension: runs the language server as a Node process and adds the
// component commands (build, compose, run, serve, types, dependencies), the `wit` task provider,
// the world code lenses, the toolchain status bar item and the .wasm viewer.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { startClient } from '../client';
import { registerCommands } from '../commands';
import { DESKTOP_COMMANDS } from './commands';
import { jcoFallback } from '../jco';
import type { Services } from '../services';
import { ToolchainStatusBar } from '../statusBar';
import { WitTaskProvider } from '../taskProvider';
import { TASK_TYPE } from '../tasks';
import { registerWasmViewer } from '../wasmViewer';
import type { CompositionReport } from '../protocol';
import { WorldCodeLensProvider } from '../worldLens';

/** What the extension offers other extensions (and its tests). */
export interface WitExtensionApi {
  /** Type-checks plugging `plugs` into `socket` (both .wasm files) with the language server. */
  checkComposition(socket: vscode.Uri, plugs: vscode.Uri[]): Promise<CompositionReport>;
}

export async function activate(context: vscode.ExtensionContext): Promise<WitExtensionApi> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const output = vscode.window.createOutputChannel('WIT Tools', { log: true });
  context.subscriptions.push(output);
  let client: BaseLanguageClient | undefined;
  const services: Services = { context, client: () => client, output };

  // Commands first, so that they exist (and can restart the server) even if it fails to start.
  registerCommands(context, services, DESKTOP_COMMANDS);
  // Menus show the tool commands only where this Node extension host runs: not in VS Code for the
  // web (web worker host), but yes in code-server or Codespaces, whose UI is a browser too
  // (so `isWeb` cannot tell them apart).
  void vscode.commands.executeCommand('setContext', 'wit.canRunTools', true);
  registerWasmViewer(context, jcoFallback(services));
  const lenses = new WorldCodeLensProvider(services);
  context.subscriptions.push(
    vscode.tasks.registerTaskProvider(TASK_TYPE, new WitTaskProvider(services)),
    vscode.languages.registerCodeLensProvider({ language: 'wit', scheme: 'file' }, lenses),
    vscode.workspace.onDidGrantWorkspaceTrust(() => lenses.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('wit.codeLens') && lenses.refresh()),
    new ToolchainStatusBar(services),
  );

  try {
    await startClient(
      context,
      (id, name, clientOptions) =>
        new LanguageClient(
          id,
          name,
          {
            run: { module: serverModule, transport: TransportKind.ipc },
            debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
          },
          clientOptions,
        ),
      (c) => (client = c),
    );
    // Lenses asked for before the server was up came back empty.
    lenses.refresh();
  } catch (e) {
    output.error(`the language server did not start: ${e instanceof Error ? e.message : String(e)}`);
    void vscode.window.showErrorMessage('The WIT language server did not start; see the "WIT Tools" output. "WIT: Restart Language Server" tries again.');
  }
  return {
    async checkComposition(socket, plugs) {
      const compose = await import('../compose');
      return compose.checkComposition(services, await compose.componentWits(services, socket, plugs));
    },
  };
}

export function deactivate(): void {
  // The client is stopped through the context's subscriptions.
}
