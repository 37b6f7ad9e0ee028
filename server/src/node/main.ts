// Node entry point of the language server: `node dist/server.js --stdio` (or the IPC/socket
// transports vscode-languageclient picks).

import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { fileUriToPath, pathToFileUri } from '../lsp/runtime';
import { startServer } from '../lsp/server';
import { nodeFileSystem } from './fileSystem';

const connection = createConnection(ProposedFeatures.all);
startServer(connection, {
  fs: nodeFileSystem,
  uriToPath: fileUriToPath,
  pathToUri: pathToFileUri,
  isOnDisk: (uri) => uri.startsWith('file:'),
});
