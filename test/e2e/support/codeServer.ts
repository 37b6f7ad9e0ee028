// Runs a throw-away code-server (real VS Code in the browser) on a free 127.0.0.1 port, with
// every folder it writes to under one run directory, and installs the packaged extension into it.

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { makeTempDir } from './emergency';
import { CODE_SERVER_ENTRY, NODE24 } from './env';
import { spawnGroup, type GroupProcess } from './processes';

export interface CodeServerOptions {
  /** Folder opened by `GET /` (the extension-host route passes its folder in the URL instead). */
  folder?: string;
  /** Run directory to use; a fresh temporary one by default, removed again by stop(). */
  runDir?: string;
  /** User settings merged over the defaults below. */
  settings?: Record<string, unknown>;
  /** .vsix files installed into the fresh extensions folder before the server starts. */
  install?: string[];
  /** Extra command-line arguments, e.g. `--vscode-option enable-smoke-test-driver`. */
  args?: string[];
  /** Extra environment for the server and so for its extension host. */
  env?: Record<string, string>;
  /** Preferred port; the next free one is used when it is taken. Any free port by default. */
  port?: number;
  /** How long to wait for the server to answer. */
  startTimeoutMs?: number;
}

export interface CodeServer {
  url: string;
  port: number;
  runDir: string;
  process: GroupProcess;
  /** Stops the server's whole process group and removes a temporary run directory. */
  stop(): Promise<void>;
}

/**
 * Settings that keep a test run quiet and deterministic: no welcome page, no update or
 * extension-recommendation traffic, and a DOM-rendered terminal (the canvas renderer would hide
 * its text from the page).
 */
const DEFAULT_SETTINGS: Record<string, unknown> = {
  'terminal.integrated.gpuAcceleration': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
  // code-server would announce every port a test's process listens on in a notification.
  'remote.autoForwardPorts': false,
  // Hovers and suggestions appear only when a test asks for them.
  'editor.hover.delay': 100,
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
};

/** Lays out the folders code-server writes to, so nothing lands in $HOME. */
function prepareRunDir(runDir: string, settings: Record<string, unknown>): void {
  for (const sub of ['xdg/config', 'xdg/data', 'xdg/cache', 'user-data/User', 'extensions']) {
    mkdirSync(join(runDir, sub), { recursive: true });
  }
  writeFileSync(join(runDir, 'user-data/User/settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2));
}

function dirArgs(runDir: string): string[] {
  return ['--user-data-dir', join(runDir, 'user-data'), '--extensions-dir', join(runDir, 'extensions')];
}

function serverEnv(runDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    XDG_CONFIG_HOME: join(runDir, 'xdg/config'),
    XDG_DATA_HOME: join(runDir, 'xdg/data'),
    XDG_CACHE_HOME: join(runDir, 'xdg/cache'),
    // The test runner's own NODE_OPTIONS (e.g. --test flags) must not leak into code-server.
    NODE_OPTIONS: '',
    ...extra,
  };
}

/** Installs a .vsix into the run directory's extensions folder (a separate, short CLI run). */
export function installExtension(runDir: string, vsix: string): void {
  const r = spawnSync(NODE24, [CODE_SERVER_ENTRY, ...dirArgs(runDir), '--install-extension', vsix], {
    env: serverEnv(runDir),
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0) {
    throw new Error(`code-server --install-extension ${vsix} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  }
}

/** A port nobody listens on right now: `preferred` or the next ones, else any the OS gives. */
export async function freePort(preferred?: number, host = '127.0.0.1'): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | undefined>((resolvePort) => {
      const server = createServer();
      server.once('error', () => resolvePort(undefined));
      server.listen(port, host, () => {
        const address = server.address();
        const bound = typeof address === 'object' && address ? address.port : undefined;
        server.close(() => resolvePort(bound));
      });
    });
  if (preferred) {
    for (let port = preferred; port < preferred + 50; port++) {
      const got = await tryListen(port);
      if (got) return got;
    }
  }
  const any = await tryListen(0);
  if (!any) throw new Error('no free TCP port on 127.0.0.1');
  return any;
}

/** Polls the server until it answers HTTP, failing early if the process dies first. */
async function waitUntilAnswering(url: string, proc: GroupProcess, timeoutMs: number): Promise<void> {
  let exitCode: number | undefined;
  void proc.exited.then((code) => (exitCode = code));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`code-server exited with ${exitCode} before answering:\n${proc.output()}`);
    try {
      const response = await fetch(`${url}healthz`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // Not listening yet: connection refused.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`code-server did not answer on ${url} within ${timeoutMs} ms:\n${proc.output()}`);
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const ownRunDir = options.runDir ? undefined : makeTempDir('wit-e2e-code-server-');
  const runDir = options.runDir ?? ownRunDir!.path;
  try {
    prepareRunDir(runDir, options.settings ?? {});
    for (const vsix of options.install ?? []) installExtension(runDir, vsix);
  } catch (err) {
    ownRunDir?.remove();
    throw err;
  }

  const port = await freePort(options.port);
  const args = [
    CODE_SERVER_ENTRY,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...dirArgs(runDir),
    ...(options.args ?? []),
    ...(options.folder ? [options.folder] : []),
  ];
  const proc = spawnGroup(NODE24, args, { env: serverEnv(runDir, options.env), cwd: runDir });
  const url = `http://127.0.0.1:${port}/`;
  const stop = async () => {
    await proc.stop();
    ownRunDir?.remove();
  };
  try {
    await waitUntilAnswering(url, proc, options.startTimeoutMs ?? 30_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, port, runDir, process: proc, stop };
}
