// Runs the extension-host tests (the @vscode/test-electron kind) inside code-server: the
// workbench is opened with the smoke-test driver enabled and an `extensionTestsPath` payload,
// and it reports the tests' console output and exit code to functions Playwright exposes.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser';
import { CleanupStack } from './cleanup';
import { startCodeServer } from './codeServer';
import { makeTempDir } from './emergency';
import { EXTENSION_HOST_TESTS, PROJECT_ROOT } from './env';
import { hangGuard } from './hangGuard';

/** What the tests module (test/e2e/extensionHost/registry.ts) writes per test. */
export interface HostTestResult {
  name: string;
  ok: boolean;
  durationMs: number;
  error?: string;
}

export interface ExtensionHostRun {
  /** The extension host's exit code as the workbench reported it (0 when every test passed). */
  exitCode: number;
  /** Per-test results, or undefined when the tests module never got to write them. */
  results: HostTestResult[] | undefined;
  /** Console lines from the workbench and the extension host, in arrival order. */
  log: string[];
  /** code-server's own output, for diagnosing a run that never started. */
  serverOutput: string;
  /** The "WIT Language Server" output channel as VS Code logged it ('' when it wrote none). */
  languageServerLog: string;
}

export interface ExtensionHostRunOptions {
  /** Folder opened in the window the tests run in. */
  workspace: string;
  /** The extension under test (a folder with package.json); the project by default. */
  extensionPath?: string;
  /** The bundled tests module; out/e2e/extensionHost/index.js by default. */
  testsPath?: string;
  /** Only tests whose name contains this string run. */
  grep?: string;
  /**
   * How long the window may stay silent: until the first test starts (code-server, the browser and
   * the extension host starting), and between one test's end and the next one's start. While a
   * test runs, the guard allows that test's own timeout plus this much.
   */
  silenceMs?: number;
}

export async function runExtensionHostTestsInCodeServer(options: ExtensionHostRunOptions): Promise<ExtensionHostRun> {
  const extensionPath = options.extensionPath ?? PROJECT_ROOT;
  const testsPath = options.testsPath ?? EXTENSION_HOST_TESTS;
  const silenceMs = options.silenceMs ?? 120_000;
  const cleanup = new CleanupStack();
  const tempDir = makeTempDir('wit-e2e-exthost-');
  cleanup.push('remove run dir', () => tempDir.remove());
  const runDir = tempDir.path;
  const resultsFile = join(runDir, 'results.json');
  const log: string[] = [];

  try {
    // The extension host inherits code-server's environment: that is how the tests module
    // learns where to write its results and which tests to run.
    const server = await startCodeServer({
      runDir: join(runDir, 'code-server'),
      args: ['--vscode-option', 'enable-smoke-test-driver'],
      env: { WIT_E2E_RESULTS: resultsFile, WIT_E2E_GREP: options.grep ?? '' },
      // The LSP traffic goes to the language server's log, which a failing test shows.
      settings: { 'wit.trace.server': 'verbose' },
    });
    cleanup.push('stop code-server', () => server.stop());
    const browser = await launchBrowser({ profileDir: join(runDir, 'chromium') });
    cleanup.push('close Chromium', () => browser.close());
    const { page } = browser;

    let reportExit!: (code: number) => void;
    let reportHang!: (err: Error) => void;
    const exited = new Promise<number>((resolve) => (reportExit = resolve));
    const hung = new Promise<never>((_, reject) => (reportHang = reject));
    // The guard may fire while the page is still loading, before anything awaits `hung`.
    hung.catch(() => undefined);
    // A hang guard, not a budget for the whole run: on a slow machine the tests may take several
    // times longer than here, and each one already fails on its own timeout. The guard only
    // catches a window that stopped reporting (a dead extension host, a test that ignores its timeout).
    const watchdog = hangGuard(silenceMs, (waited, what) =>
      reportHang(new Error(`the extension-host tests stopped reporting: nothing for ${waited} ms ${what}:\n${log.join('\n')}\n${server.process.output()}`)));
    cleanup.push('stop the hang guard', () => watchdog.stop());
    watchdog.expect(silenceMs, 'while the window and the extension host started');
    await page.exposeFunction('codeAutomationLog', (level: string, message: string) => {
      log.push(`[${level}] ${message}`);
      watchdog.heard(message);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => reportExit(code));
    page.on('console', (message) => log.push(`[console.${message.type()}] ${message.text()}`));

    const authority = `127.0.0.1:${server.port}`;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${extensionPath}`],
      ['extensionTestsPath', `vscode-remote://${authority}${testsPath}`],
    ];
    const url = `${server.url}?folder=${encodeURIComponent(options.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);

    const exitCode = await Promise.race([exited, hung]);
    const results = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as HostTestResult[]) : undefined;
    const languageServerLog = readOutputChannelLog(join(runDir, 'code-server', 'user-data', 'logs'), 'WIT Language Server');
    return { exitCode, results, log, serverOutput: server.process.output(), languageServerLog };
  } finally {
    await cleanup.run();
  }
}

/**
 * VS Code writes an extension's log output channel to `<logs>/<session>/exthost1/<extension id>/<name>.log`
 * (other channels to `.../output_logging_*\/N-<name>.log`);
 * the run dir is removed afterwards, so the text is read here (all sessions, in name order).
 */
function readOutputChannelLog(logsDir: string, channel: string): string {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 6) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path, depth + 1);
      else if (e.name === `${channel}.log` || e.name.endsWith(`-${channel}.log`)) found.push(path);
    }
  };
  walk(logsDir, 0);
  return found.map((f) => readFileSync(f, 'utf8')).join('\n');
}
