// UI test of the component commands in real VS Code (code-server + Chromium), with the packaged
// extension and jco on the PATH the way a user installs it: click the Build code lens above the
// greeter's world and read jco's output in the terminal, look inside the .wasm, run a command
// component, type-check a composition that does not fit, serve an HTTP component and fetch from
// it, and see what a missing tool says. Each step saves a screenshot to .test-artifacts/ and
// docs/images/ (the documentation shows them).

import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { launchBrowser } from '../support/browser';
import { CleanupStack } from '../support/cleanup';
import { freePort, startCodeServer } from '../support/codeServer';
import {
  answerInputBox, clearNotifications, clickCodeLens, clickExplorerFile, docsScreenshot, pickQuickItem, pickQuickItems,
  waitForNotification, waitForTerminal, webviewText,
} from '../support/componentsUi';
import { ARTIFACTS_DIR, missingForCodeServer, PROJECT_ROOT, VSIX } from '../support/env';
import { openFileFromExplorer, openWorkbench, runCommand, saveScreenshot } from '../support/workbench';
import { copyExample } from '../support/workspace';
import { builtComponent, COMPONENTS, jcoMissing } from '../../support/components';

test('component commands in code-server: build from the code lens, inspect, run, compose check, serve', { timeout: 600_000 }, async (t) => {
  const missing = [...missingForCodeServer({ vsix: true }), ...(jcoMissing() ? [jcoMissing()!] : [])];
  assert.deepEqual(missing, [], `the code-server route is not set up:\n${missing.join('\n')}`);

  const cleanup = new CleanupStack();
  t.after(() => cleanup.run());
  const workspace = copyExample('greeter');
  cleanup.push('remove workspace', () => workspace.remove());
  // Components the later steps use (from the test cache; the greeter-app one is built by the lens).
  for (const [spec, name] of [[COMPONENTS.greeterCli, 'greeter-cli.wasm'], [COMPONENTS.loggerMismatch, 'logger-mismatch.wasm'], [COMPONENTS.helloHttp, 'hello-http.wasm']] as const) {
    copyFileSync((await builtComponent(spec)).path, join(workspace.root, name));
  }

  const port = await freePort(18000);
  const server = await startCodeServer({
    folder: workspace.root,
    install: [VSIX],
    // jco on PATH, as after `npm install -g @bytecodealliance/jco`; the packaged extension has no node_modules.
    env: { PATH: `${join(PROJECT_ROOT, 'node_modules/.bin')}:${process.env.PATH}` },
    settings: {
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'wit.serve.port': port,
      'terminal.integrated.defaultProfile.linux': 'bash',
      'terminal.integrated.enablePersistentSessions': false,
      'editor.codeLens': true,
    },
  });
  cleanup.push('stop code-server', async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    writeFileSync(join(ARTIFACTS_DIR, 'ui-components-code-server.log'), server.process.output());
    await server.stop();
  });
  const browser = await launchBrowser();
  cleanup.push('close Chromium', () => browser.close());
  const { page } = browser;

  const check = (name: string, body: () => Promise<void>) =>
    t.test(name, async () => {
      const started = Date.now();
      try {
        await body();
        t.diagnostic(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
      } catch (err) {
        const shot = await saveScreenshot(page, `ui-components-FAILED-${name}`).catch(() => 'none');
        t.diagnostic(`failure screenshot: ${shot}`);
        throw err;
      }
    });

  await check('the world shows Build and Types code lenses and the toolchain in the status bar', async () => {
    await openWorkbench(page, server.url);
    await openFileFromExplorer(page, 'wit/world.wit');
    await page.locator('.editor-group-container.active .codelens-decoration a', { hasText: 'Build' }).first().waitFor({ timeout: 60_000 });
    await page.locator('.statusbar-item', { hasText: 'WIT: JavaScript · jco' }).first().waitFor({ timeout: 30_000 });
    await docsScreenshot(page, 'code-lens');
  });

  await check('clicking Build runs jco componentize in a terminal and the component appears', async () => {
    await clickCodeLens(page, 'Build');
    const text = await waitForTerminal(page, /componentize app\.js --wit wit --world-name greeter-app -o greeter-app\.wasm/, 60_000);
    assert.match(text, /jco componentize app\.js --wit wit --world-name greeter-app -o greeter-app\.wasm/);
    // componentize takes 6-90 s here, with ~800 MB of memory.
    await waitForTerminal(page, /Successfully written greeter-app\.wasm/, 300_000);
    await waitForNotification(page, /Built greeter-app\.wasm/, 30_000);
    await docsScreenshot(page, 'build-terminal');
    assert.ok(existsSync(join(workspace.root, 'greeter-app.wasm')));
    await clearNotifications(page);
  });

  await check('a .wasm opens in the component viewer with its WIT', async () => {
    await clickExplorerFile(page, 'greeter-app.wasm');
    const wit = await webviewText(page, 'pre.wit', 60_000);
    assert.match(wit, /export example:greeter\/greetings@0\.1\.0;/);
    assert.match(wit, /resource greeter \{/);
    await docsScreenshot(page, 'component-viewer');
  });

  await check('Run Component runs a wasi:cli command with jco run and its output shows in the terminal', async () => {
    await clickExplorerFile(page, 'greeter-cli.wasm');
    await webviewText(page, 'pre.wit', 60_000);
    await runCommand(page, 'WIT: Run Component');
    await answerInputBox(page, '');
    const text = await waitForTerminal(page, /\[cheerful\] Hey Grace, great to see you!/, 120_000);
    assert.match(text, /jco run greeter-cli\.wasm/);
    assert.match(text, /\[formal\] Good day, Countess Ada\./);
    await docsScreenshot(page, 'run-component');
  });

  await check('Compose Components checks the plug against the socket and names the mismatch', async () => {
    await runCommand(page, 'WIT: Compose Components');
    await pickQuickItem(page, 'greeter-app.wasm');
    await pickQuickItems(page, ['logger-mismatch.wasm']);
    const message = await waitForNotification(page, /The plugs do not fit greeter-app\.wasm/, 60_000);
    assert.match(message, /example:logging\/logger@0\.1\.0: type `level`: enum `level` has cases \(trace, debug, info, warn, error\) in the socket's import, \(debug, info, warn, error\) in logger-mismatch\.wasm's export/);
    assert.match(message, /and 1 more/);
    await docsScreenshot(page, 'compose-check');
    await clearNotifications(page);
  });

  await check('Serve HTTP Component serves with jco serve and shows the URL, which answers', async () => {
    await clickExplorerFile(page, 'hello-http.wasm');
    await webviewText(page, 'pre.wit', 60_000);
    await runCommand(page, 'WIT: Serve HTTP Component');
    const url = `http://127.0.0.1:${port}/`;
    const message = await waitForNotification(page, new RegExp(`listening on ${url.replace(/[./]/g, '\\$&')}`), 120_000);
    assert.match(message, /Serve hello-http\.wasm/);
    const res = await fetch(`${url}docs`);
    assert.equal(await res.text(), 'hello from a component at /docs\n');
    await waitForTerminal(page, new RegExp(`jco serve hello-http\\.wasm --host 127\\.0\\.0\\.1 --port ${port}`), 10_000);
    await docsScreenshot(page, 'serve');
    await clearNotifications(page);
  });

  await check('Generate TypeScript Types runs jco types for the picked world', async () => {
    await openFileFromExplorer(page, 'wit/world.wit');
    await runCommand(page, 'WIT: Generate TypeScript Types');
    await pickQuickItem(page, 'greeter-app');
    await waitForTerminal(page, /jco types wit --world-name greeter-app -o types/, 60_000);
    await waitForNotification(page, /TypeScript declarations written to types/, 60_000);
    assert.ok(existsSync(join(workspace.root, 'types/greeter-app.d.ts')));
    await docsScreenshot(page, 'generate-types');
    await clearNotifications(page);
  });

  await check('Fetch Dependencies says which tool is missing and how to install it', async () => {
    await runCommand(page, 'WIT: Fetch Dependencies');
    const message = await waitForNotification(page, /wkg is needed to fetch WIT dependencies/, 30_000);
    assert.match(message, /cargo install wkg/);
    await docsScreenshot(page, 'missing-tool');
    await clearNotifications(page);
  });
});
