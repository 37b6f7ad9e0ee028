// Node entry point of the language server: `node dist/server.js --stdio` (or the IPC/socket
// transports vscode-languageclient picks).

import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';

const connection = createConnection(ProposedFeatures.all);
startServer(connection);
