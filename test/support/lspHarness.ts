// Starts `node dist/server.js --stdio` and talks LSP to it, for protocol tests: open and edit
// documents, send file events and settings, make requests, and wait for published diagnostics
// (never by sleeping: by waiting for the notification that satisfies a condition). useServer
// gives a test file one server on a temporary workspace for all its tests.

import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { after, before } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  ProtocolConnection, StreamMessageReader, StreamMessageWriter, createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type * as lsp from 'vscode-languageserver-protocol';
import { tempWorkspace, type TempWorkspace } from './tempWorkspace';

export interface HarnessOptions {
  /** Workspace folder (absolute path). */
  root?: string;
  /** The `wit` settings the client answers with. */
  settings?: Record<string, unknown>;
  timeoutMs?: number;
}

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

export class LspHarness {
  private readonly waiters: {
    uri: string;
    pred: (d: lsp.PublishDiagnosticsParams) => boolean;
    resolve: (d: lsp.PublishDiagnosticsParams) => void;
    reject: (e: Error) => void;
  }[] = [];
  private exited: Promise<never> = new Promise(() => undefined);
  readonly latest = new Map<string, lsp.PublishDiagnosticsParams>();
  settings: Record<string, unknown>;
  readonly stderr: string[] = [];

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: ProtocolConnection,
    readonly timeoutMs: number,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
  }

  static async start(options: HarnessOptions = {}): Promise<LspHarness> {
    const proc = spawn(process.execPath, [resolve('dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const h = new LspHarness(proc, conn, options.timeoutMs ?? 20_000, options.settings ?? {});
    proc.stderr!.on('data', (d) => h.stderr.push(String(d)));
    // A server that dies must fail the test at once, with its output, not leave it waiting.
    const exited = new Promise<never>((_, reject) => {
      proc.on('exit', (code) => {
        const err = new Error(`the server exited with code ${code}:\n${h.stderr.join('')}`);
        for (const w of h.waiters.splice(0)) w.reject(err);
        reject(err);
      });
    });
    exited.catch(() => undefined);
    h.exited = exited;
    conn.onNotification('textDocument/publishDiagnostics', (p: lsp.PublishDiagnosticsParams) => {
      h.latest.set(p.uri, p);
      for (const w of [...h.waiters]) {
        if (w.uri === p.uri && w.pred(p)) {
          h.waiters.splice(h.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    conn.onRequest('workspace/configuration', (p: lsp.ConfigurationParams) => p.items.map(() => h.settings));
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onNotification('window/logMessage', () => undefined);
    conn.onNotification('$/progress', () => undefined);
    // Writes after the server is gone (answers to its last requests) are harmless.
    conn.onError(() => undefined);
    proc.stdin!.on('error', () => undefined);
    conn.listen();
    const root = options.root;
    await Promise.race([h.exited, conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: root ? uriOf(root) : null,
      workspaceFolders: root ? [{ uri: uriOf(root), name: 'test' }] : null,
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, didChangeConfiguration: { dynamicRegistration: true } },
        window: { workDoneProgress: true },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true, resolveSupport: { properties: ['documentation', 'detail'] } } },
          rename: { prepareSupport: true },
        },
      },
    })]);
    conn.sendNotification('initialized', {});
    return h;
  }

  /** Waits for a diagnostics notification for `uri` that satisfies `pred` (or the current one, if it already does). */
  diagnostics(uri: string, pred: (d: lsp.PublishDiagnosticsParams) => boolean = () => true): Promise<lsp.PublishDiagnosticsParams> {
    const have = this.latest.get(uri);
    if (have && pred(have)) return Promise.resolve(have);
    return new Promise((resolveWait, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${this.timeoutMs} ms; last: ${JSON.stringify(this.latest.get(uri))}\nserver stderr: ${this.stderr.join('')}`)), this.timeoutMs);
      this.waiters.push({
        uri, pred,
        resolve: (d) => { clearTimeout(timer); resolveWait(d); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
    });
  }

  open(path: string, text: string, version = 1): string {
    const uri = uriOf(path);
    this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wit', version, text } });
    return uri;
  }

  change(uri: string, version: number, changes: lsp.TextDocumentContentChangeEvent[]): void {
    this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): void {
    this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  fileEvents(changes: { path: string; type: 'created' | 'changed' | 'deleted' }[]): void {
    const type = { created: 1, changed: 2, deleted: 3 } as const;
    this.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map((c) => ({ uri: uriOf(c.path), type: type[c.type] })) });
  }

  setSettings(settings: Record<string, unknown>): void {
    this.settings = settings;
    this.conn.sendNotification('workspace/didChangeConfiguration', { settings: { wit: settings } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return Promise.race([this.exited, this.conn.sendRequest(method, params) as Promise<R>]);
  }

  async stop(): Promise<void> {
    const gone = new Promise<void>((r) => {
      if (this.proc.exitCode !== null) r();
      else this.proc.once('exit', () => r());
    });
    // A server stuck in a check may never answer `shutdown`: after a while it is killed below.
    let giveUp: NodeJS.Timeout | undefined;
    const patience = new Promise<void>((r) => (giveUp = setTimeout(r, 5000)));
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), gone, patience]);
      await this.conn.sendNotification('exit');
    } catch {
      // the process may already be gone
    }
    clearTimeout(giveUp);
    // Give the server its chance to exit on its own before it is killed (for good if need be).
    const timer = setTimeout(() => this.proc.kill(), 3000);
    const hardTimer = setTimeout(() => this.proc.kill('SIGKILL'), 6000);
    await gone;
    clearTimeout(timer);
    clearTimeout(hardTimer);
    this.conn.dispose();
  }
}

export interface ServerFixture {
  /** The temporary workspace (set once the test file's `before` hook has run). */
  readonly ws: TempWorkspace;
  /** The server on it. */
  readonly server: LspHarness;
}

/**
 * One server for the calling test file: `before` its tests it writes `files` to a temporary
 * workspace and starts the server on it (then, with `ready`, waits for the first diagnostics of
 * that workspace-relative file, so the workspace scan is done); `after` them it stops the server
 * and removes the workspace. Call at the top level of a test file.
 */
export function useServer(files: Record<string, string>, options: { ready?: string } = {}): ServerFixture {
  let ws: TempWorkspace | undefined;
  let server: LspHarness | undefined;
  before(async () => {
    ws = tempWorkspace(files);
    server = await LspHarness.start({ root: ws.root });
    if (options.ready) await server.diagnostics(uriOf(ws.path(options.ready)));
  });
  after(async () => {
    await server?.stop();
    ws?.dispose();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useServer: the server is not started yet (use it inside a test)');
    return value;
  };
  return {
    get ws() {
      return started(ws);
    },
    get server() {
      return started(server);
    },
  };
}
