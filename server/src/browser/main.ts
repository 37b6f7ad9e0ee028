// Browser entry point of the language server: runs in a web worker that the web extension
// starts (dist/browser/server.js), talks LSP over postMessage, and reads the workspace's WIT files
// through the client.

import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from '../lsp/server';
import { clientFileSystem, pathToUri, uriToPath } from './fileSystem';

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, {
  fs: clientFileSystem(connection, pathToUri),
  uriToPath,
  pathToUri,
  isOnDisk: (uri) => !uri.startsWith('untitled:'),
});
