// What the commands share: the extension context, the language client (once started, and again
// after a restart) and the "WIT Tools" output channel where every job's command line is logged.

import type * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';

export interface Services {
  context: vscode.ExtensionContext;
  client(): BaseLanguageClient | undefined;
  output: vscode.LogOutputChannel;
}
