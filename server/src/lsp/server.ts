// Wires the language server's features to an LSP connection. The node and browser entry points
// both call startServer(); everything below this layer deals in offsets and plain data.

import * as lsp from 'vscode-languageserver';
import { syntaxErrors } from '../syntax';
import { toLspDiagnostic } from './convert';
import { DocumentStore } from './documents';

export interface ServerOptions {
  /** Delay between the last keystroke and recomputing diagnostics. */
  diagnosticsDelayMs?: number;
}

export function startServer(connection: lsp.Connection, options: ServerOptions = {}): void {
  const documents = new DocumentStore();
  const delay = options.diagnosticsDelayMs ?? 150;
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  const publish = (uri: string) => {
    pending.delete(uri);
    const doc = documents.get(uri);
    if (!doc) return;
    const diagnostics = syntaxErrors(doc.tree).map((d) => toLspDiagnostic(doc.lineIndex, d));
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
  };

  const schedule = (uri: string) => {
    const t = pending.get(uri);
    if (t) clearTimeout(t);
    pending.set(uri, setTimeout(() => publish(uri), delay));
  };

  connection.onInitialize(() => ({
    capabilities: {
      textDocumentSync: { openClose: true, change: lsp.TextDocumentSyncKind.Incremental, save: { includeText: false } },
    },
    serverInfo: { name: 'wit-language-server', version: '0.1.0' },
  }));

  connection.onDidOpenTextDocument(({ textDocument }) => {
    documents.open(textDocument.uri, textDocument.version, textDocument.text);
    publish(textDocument.uri);
  });
  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    documents.change(textDocument.uri, textDocument.version, contentChanges);
    schedule(textDocument.uri);
  });
  connection.onDidCloseTextDocument(({ textDocument }) => {
    documents.close(textDocument.uri);
    void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
  });

  connection.listen();
}
