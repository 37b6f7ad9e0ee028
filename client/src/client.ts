// Starts the language client (shared by the desktop and web entry points) and owns the pieces
// both need: the output channel and the document selector.

import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { traceChannelFor } from './traceChannel';

export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'wit' },
  { scheme: 'untitled', language: 'wit' },
  { scheme: 'vscode-vfs', language: 'wit' },
  { scheme: 'vscode-test-web', language: 'wit' },
];

export type ClientFactory = (id: string, name: string, options: LanguageClientOptions) => BaseLanguageClient;

/**
 * `beforeStart` registers handlers the server may call while it initializes (the web client
 * answers its file-system requests); pending handlers are attached when the client starts.
 */
export async function startClient(
  context: vscode.ExtensionContext,
  newClient: ClientFactory,
  beforeStart?: (client: BaseLanguageClient) => void,
): Promise<void> {
  const output = vscode.window.createOutputChannel('WIT Language Server', { log: true });
  const traceOutput = traceChannelFor(output);
  context.subscriptions.push(output, traceOutput);
  const options: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    traceOutputChannel: traceOutput,
    // snippets/wit.json gives VS Code the item snippets; the server then leaves its own out.
    initializationOptions: { clientSnippets: true },
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.wit'),
    },
  };
  const client = newClient('wit', 'WIT Language Server', options);
  context.subscriptions.push({ dispose: () => void client.stop() });
  beforeStart?.(client);
  await client.start();
}
