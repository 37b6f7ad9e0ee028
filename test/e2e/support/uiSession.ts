// One UI test session: prepareUiTest checks the setup and gives the test its cleanup stack and a
// copy of examples/greeter; startUiSession starts code-server with the packaged extension on a
// workspace, Chromium on its workbench, and `check()` to run each step as a subtest that keeps a
// screenshot of a failure. Everything started here is stopped by the caller's CleanupStack.

import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { CleanupStack } from './cleanup';
import { startCodeServer, type CodeServer, type CodeServerOptions } from './codeServer';
import { ARTIFACTS_DIR, missingForCodeServer, VSIX } from './env';
import { clearArtifacts, saveScreenshot } from './workbench';
import { copyExample, type TempWorkspace } from './workspace';

/**
 * The start of every UI test: fails with one message naming what is not set up (the code-server
 * route with the packaged extension, plus `alsoMissing`), removes the previous run's
 * `<prefix>` artifacts, and returns a CleanupStack run after the test with a copy of
 * examples/greeter already on it.
 */
export function prepareUiTest(t: TestContext, prefix: string, options: { alsoMissing?: (string | undefined)[] } = {}): { cleanup: CleanupStack; workspace: TempWorkspace } {
  const missing = [...missingForCodeServer({ vsix: true }), ...(options.alsoMissing ?? []).filter((m): m is string => !!m)];
  assert.deepEqual(missing, [], `the code-server route is not set up:\n${missing.join('\n')}`);

  clearArtifacts(prefix);
  const cleanup = new CleanupStack();
  t.after(() => cleanup.run());

  const workspace = copyExample('greeter');
  cleanup.push('remove workspace', () => workspace.remove());
  return { cleanup, workspace };
}

export interface UiSession {
  page: Page;
  server: CodeServer;
  /** Runs one step as a subtest; on failure saves `.test-artifacts/<prefix>FAILED-<name>.png`. */
  check(name: string, body: () => Promise<void>): Promise<void>;
}

/**
 * Starts code-server on `options.folder` with the .vsix installed (and the secondary side bar
 * hidden, which would only take room from the editor in screenshots) and opens Chromium.
 * `prefix` names the artifacts: `<prefix>code-server.log` and failure screenshots.
 */
export async function startUiSession(t: TestContext, cleanup: CleanupStack, prefix: string, options: CodeServerOptions): Promise<UiSession> {
  const server = await startCodeServer({
    install: [VSIX],
    ...options,
    settings: { 'workbench.secondarySideBar.defaultVisibility': 'hidden', ...options.settings },
  });
  cleanup.push('stop code-server', async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    writeFileSync(join(ARTIFACTS_DIR, `${prefix}code-server.log`), server.process.output());
    await server.stop();
  });
  const browser = await launchBrowser();
  cleanup.push('close Chromium', () => browser.close());
  const { page } = browser;

  const check = async (name: string, body: () => Promise<void>) => {
    await t.test(name, async () => {
      const started = Date.now();
      try {
        await body();
        t.diagnostic(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
      } catch (err) {
        const shot = await saveScreenshot(page, `${prefix}FAILED-${name}`).catch(() => 'none');
        t.diagnostic(`failure screenshot: ${shot}`);
        throw err;
      }
    });
  };
  return { page, server, check };
}
