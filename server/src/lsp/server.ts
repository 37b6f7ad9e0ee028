// Wires the language server to an LSP connection: document sync, the workspace model kept
// current from edits, file events and settings, debounced checks whose diagnostics are pushed
// for every affected file, and the feature handlers. The node and browser entry points both
// call startServer(); everything below this layer deals in offsets and plain data.

import * as lsp from 'vscode-languageserver';
import type { UnitResult } from '../semantics/workspace';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { FEATURES } from './features';
import type { RuntimeEnvironment } from './runtime';
import { Session } from './session';
import { featureOptions, readSettings } from './settings';

export const SERVER_VERSION = '0.1.0';

/**
 * Runs the checks of changed units after typing pauses, one batch at a time. Results are
 * published as they arrive (see `resultArrived`), from these checks or from checks that requests
 * started, so a request that checks a unit first does not keep its diagnostics from the editor.
 */
class CheckScheduler {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private again = false;
  /** A result arrived since the views were last refreshed. */
  private fresh = false;

  constructor(
    private readonly session: Session,
    private readonly publisher: DiagnosticsPublisher,
  ) {}

  schedule(delay = this.session.settings.diagnosticsDelay): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, delay);
  }

  /** Every new unit result comes here (Workspace.onResult). */
  resultArrived(result: UnitResult): void {
    try {
      this.publisher.publish(result);
    } catch (e) {
      this.session.connection.console.error(`publishing the diagnostics of ${result.root} failed: ${e instanceof Error ? e.stack : String(e)}`);
    }
    this.fresh = true;
  }

  async run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        for (const root of this.session.workspace.dirtyRoots()) {
          try {
            await this.session.workspace.check(root);
          } catch (e) {
            this.session.connection.console.error(`checking ${root} failed: ${e instanceof Error ? e.stack : String(e)}`);
          }
        }
      } while (this.again);
    } finally {
      this.running = false;
    }
    // A change in one file can change how names in other open files resolve: ask the client to
    // fetch semantic tokens and inlay hints again. Every dirtying event schedules a run, so a
    // result a request produced in between is covered here too.
    if (this.fresh) {
      this.fresh = false;
      this.refreshViews();
    }
  }

  private refreshViews(): void {
    const ws = this.session.clientCapabilities.workspace;
    if (ws?.semanticTokens?.refreshSupport) void this.session.connection.sendRequest(lsp.SemanticTokensRefreshRequest.type).catch(() => undefined);
    if (ws?.inlayHint?.refreshSupport) void this.session.connection.sendRequest(lsp.InlayHintRefreshRequest.type).catch(() => undefined);
  }
}

export function startServer(connection: lsp.Connection, runtime: RuntimeEnvironment): Session {
  const session = new Session(connection, runtime);
  const publisher = new DiagnosticsPublisher(session);
  const scheduler = new CheckScheduler(session, publisher);
  session.workspace.onResult = (result) => scheduler.resultArrived(result);
  let folders: string[] = [];
  let capabilities: lsp.ClientCapabilities = {};

  const loadSettings = async () => {
    if (!capabilities.workspace?.configuration) return;
    try {
      const [raw] = await connection.workspace.getConfiguration([{ section: 'wit' }]);
      session.settings = readSettings(raw);
      session.workspace.setOptions(featureOptions(session.settings));
    } catch (e) {
      connection.console.warn(`could not read the wit settings: ${String(e)}`);
    }
  };

  connection.onInitialize((params) => {
    capabilities = params.capabilities;
    session.clientCapabilities = capabilities;
    folders = (params.workspaceFolders ?? []).map((f) => runtime.uriToPath(f.uri));
    if (folders.length === 0 && params.rootUri) folders = [runtime.uriToPath(params.rootUri)];
    session.settings = readSettings(params.initializationOptions?.settings ?? params.initializationOptions);
    session.clientSnippets = params.initializationOptions?.clientSnippets === true;
    session.workspace.setOptions(featureOptions(session.settings));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: lsp.TextDocumentSyncKind.Incremental, save: { includeText: false } },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...Object.assign({}, ...FEATURES.map((f) => f.capabilities ?? {})),
      },
      serverInfo: { name: 'wit-language-server', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(async () => {
    // Only a client that announced workspace folder support may be asked for their changes.
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async (e) => {
        for (const f of e.added) await session.workspace.scanFolder(runtime.uriToPath(f.uri));
        scheduler.schedule(0);
      });
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      await connection.client.register(lsp.DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.wit' }, { globPattern: '**/deps' }, { globPattern: '**/deps/*' }],
      });
    }
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      await connection.client.register(lsp.DidChangeConfigurationNotification.type, { section: 'wit' });
    }
    await loadSettings();
    const progress = capabilities.window?.workDoneProgress ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('WIT: indexing', 0, `scanning ${folders.length} folder(s)`, false);
    for (const f of folders) await session.workspace.scanFolder(f);
    const roots = session.workspace.dirtyRoots();
    let done = 0;
    for (const root of roots) {
      progress?.report(Math.round((100 * done++) / Math.max(1, roots.length)), `checking ${root}`);
      try {
        await session.workspace.check(root);
      } catch (e) {
        connection.console.error(`checking ${root} failed: ${e instanceof Error ? e.stack : String(e)}`);
      }
    }
    progress?.done();
    connection.console.info(`WIT: ${roots.length} package folder(s) checked in ${folders.join(', ') || 'no workspace folder'}`);
  });

  connection.onDidChangeConfiguration(async (params) => {
    if (capabilities.workspace?.configuration) await loadSettings();
    else {
      session.settings = readSettings((params.settings as { wit?: unknown } | undefined)?.wit);
      session.workspace.setOptions(featureOptions(session.settings));
    }
    scheduler.schedule(0);
  });


  connection.onDidOpenTextDocument(({ textDocument }) => {
    const doc = session.documents.open(textDocument.uri, textDocument.version, textDocument.text);
    session.workspace.setOverlay(runtime.uriToPath(doc.uri), doc.text, doc.tree, runtime.isOnDisk(doc.uri));
    scheduler.schedule(0);
  });
  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    const doc = session.documents.change(textDocument.uri, textDocument.version, contentChanges);
    if (!doc) return;
    session.workspace.setOverlay(runtime.uriToPath(doc.uri), doc.text, doc.tree, runtime.isOnDisk(doc.uri));
    scheduler.schedule();
  });
  connection.onDidCloseTextDocument(({ textDocument }) => {
    session.documents.close(textDocument.uri);
    session.workspace.removeOverlay(runtime.uriToPath(textDocument.uri));
    if (!runtime.isOnDisk(textDocument.uri)) publisher.clear(textDocument.uri);
    scheduler.schedule(0);
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const c of changes) {
      const kind = c.type === lsp.FileChangeType.Created ? 'created' : c.type === lsp.FileChangeType.Deleted ? 'deleted' : 'changed';
      session.workspace.fileChanged(runtime.uriToPath(c.uri), kind);
      if (kind === 'deleted' && !session.documents.get(c.uri)) publisher.clear(c.uri);
    }
    scheduler.schedule(50);
  });

  session.workspaceFolders = () => folders;
  for (const f of FEATURES) f.register(session);
  connection.listen();
  return session;
}
