// Web entry point of the extension (VS Code for the web, vscode.dev, github.dev): runs the
// language server in a web worker and answers its file requests with vscode.workspace.fs, since a
// worker cannot read the workspace. Only features that need no terminal or local tool exist
// here: the language features, the .wasm viewer, "Show Component WIT" and "Restart".

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { LanguageClient } from 'vscode-languageclient/browser';
import { startClient } from '../client';
import { WEB_COMMANDS, registerCommands } from '../commands';
import { FS_REQUESTS, type FsParams } from '../protocol';
import type { Services } from '../services';
import { registerWasmViewer } from '../wasmViewer';

/** Answers the worker's `wit/stat`, `wit/readDirectory` and `wit/readFile` requests. */
function answerFileRequests(client: BaseLanguageClient): void {
  const uriOf = (p: FsParams) => vscode.Uri.parse(p.uri);
  client.onRequest(FS_REQUESTS.stat, async (p: FsParams) => {
    try {
      const st = await vscode.workspace.fs.stat(uriOf(p));
      return { kind: st.type & vscode.FileType.Directory ? 'directory' : 'file' };
    } catch {
      return { kind: null };
    }
  });
  client.onRequest(FS_REQUESTS.readDirectory, async (p: FsParams) => {
    const entries = await vscode.workspace.fs.readDirectory(uriOf(p));
    return { entries: entries.map(([name, type]) => ({ name, kind: type & vscode.FileType.Directory ? 'directory' : 'file' })) };
  });
  client.onRequest(FS_REQUESTS.readFile, async (p: FsParams) => {
    const bytes = await vscode.workspace.fs.readFile(uriOf(p));
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  });
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('WIT Tools', { log: true });
  context.subscriptions.push(output);
  let client: BaseLanguageClient | undefined;
  const services: Services = { context, client: () => client, output };
  registerCommands(context, services, WEB_COMMANDS);
  registerWasmViewer(context);

  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist/browser/server.js');
  try {
    await startClient(
      context,
      (id, name, clientOptions) => new LanguageClient(id, name, new Worker(serverMain.toString(true)), clientOptions),
      (c) => {
        client = c;
        answerFileRequests(c);
      },
    );
  } catch (e) {
    output.error(`the language server did not start: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function deactivate(): void {
  // The client is stopped through the context's subscriptions.
}
