// Desktop entry point of the extension: runs the language server as a Node process.

import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { startClient } from '../client';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  await startClient(context, (id, name, clientOptions) =>
    new LanguageClient(
      id,
      name,
      {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
      },
      clientOptions,
    ),
  );
}

export function deactivate(): void {
  // The client is stopped through the context's subscriptions.
}
