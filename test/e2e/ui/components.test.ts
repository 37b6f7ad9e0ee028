// UI test of the component commands in real VS Code (code-server + Chromium), with the packaged
// extension and jco on the PATH the way a user installs it: click the Build code lens above the
// greeter's world and read jco's output in the terminal, look inside the .wasm, run a command
// component, type-check a composition that does not fit, serve an HTTP component and fetch from
// it, and see what a missing tool says. Each step saves a screenshot to .test-artifacts/ (and,
// with UPDATE_DOCS_IMAGES=1, to docs/images/, which the documentation shows).

import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { freePort } from '../support/codeServer';
import {
  answerInputBox, clearNotifications, clickCodeLens, clickExplorerFile, docsScreenshot, pickQuickItem, pickQuickItems, startCommand,
  waitForNotification, waitForTerminal, webviewText,
} from '../support/componentsUi';
import { PROJECT_ROOT } from '../support/env';
import { prepareUiTest, startUiSession } from '../support/uiSession';
import { openFileFromExplorer, openWorkbench, runCommand } from '../support/workbench';
import { builtComponent, COMPONENTS, jcoMissing } from '../../support/components';

test('component commands in code-server: build from the code lens, inspect, run, compose check, serve', { timeout: 600_000 }, async (t) => {
  const { cleanup, workspace } = prepareUiTest(t, 'ui-components-', { alsoMissing: [jcoMissing()] });
  // Components the later steps use (from the test cache; the greeter-app one is built by the lens).
  for (const [spec, name] of [[COMPONENTS.greeterCli, 'greeter-cli.wasm'], [COMPONENTS.loggerMismatch, 'logger-mismatch.wasm'], [COMPONENTS.helloHttp, 'hello-http.wasm']] as const) {
    copyFileSync((await builtComponent(spec)).path, join(workspace.root, name));
  }

  const port = await freePort(18000);
  // The packaged extension has no node_modules: jco is the project's, named in the settings as a
  // user would. It is a machine setting, which a remote window such as code-server reads from the
  // machine's settings file, not the user's. (Putting jco on PATH does not work here: the server
  // takes the extension host's and terminals' PATH from a login shell.)
  const runDir = mkdtempSync(join(tmpdir(), 'wit-e2e-components-'));
  cleanup.push('remove run dir', () => rmSync(runDir, { recursive: true, force: true }));
  mkdirSync(join(runDir, 'user-data/Machine'), { recursive: true });
  writeFileSync(join(runDir, 'user-data/Machine/settings.json'), JSON.stringify({ 'wit.tools.jco': join(PROJECT_ROOT, 'node_modules/.bin/jco') }, null, 2));
  const { page, server, check } = await startUiSession(t, cleanup, 'ui-components-', {
    runDir,
    folder: workspace.root,
    settings: {
      'wit.serve.port': port,
      'terminal.integrated.defaultProfile.linux': 'bash',
      'terminal.integrated.enablePersistentSessions': false,
      'editor.codeLens': true,
    },
  });

  await check('the world shows Build and Types code lenses and the toolchain in the status bar', async () => {
    await openWorkbench(page, server.url);
    await openFileFromExplorer(page, 'wit/world.wit');
    await page.locator('.editor-group-container.active .codelens-decoration a', { hasText: 'Build' }).first().waitFor({ timeout: 60_000 });
    await page.locator('.statusbar-item', { hasText: 'WIT: JavaScript · jco' }).first().waitFor({ timeout: 30_000 });
    await docsScreenshot(page, 'code-lens');
  });

  await check('the command palette lists the WIT commands', async () => {
    // The tool commands show once the extension is active (it sets `wit.canRunTools`): after the lens step.
    // The palette sorts matches alphabetically, so a word all the titles share brings ours together.
    const input = page.locator('.quick-input-widget .quick-input-box input');
    const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row .label-name');
    // The palette takes its list of commands when it opens: one opened before the workbench has
    // settled (a fresh profile, in CI) can miss ours, so it is opened again until they show.
    const paletteLists = async (title: string) => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        await page.keyboard.press('F1');
        await page.locator('.quick-input-widget .quick-input-box input:focus').waitFor({ timeout: 30_000 });
        await input.fill(`>${title}`);
        try {
          await rows.filter({ hasText: title }).first().waitFor({ timeout: 5_000 });
          return;
        } catch (e) {
          const shown = (await rows.allInnerTexts()).join(', ');
          await page.keyboard.press('Escape');
          if (Date.now() > deadline) throw new Error(`${title} not in the palette after 60 s (it lists: ${shown})`, { cause: e });
        }
      }
    };
    try {
      for (const title of ['WIT: Fetch Dependencies', 'WIT: Restart Language Server', 'WIT: Generate TypeScript Types']) {
        await paletteLists(title);
        await page.keyboard.press('Escape');
      }
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget .quick-input-box input:focus').waitFor({ timeout: 30_000 });
      await input.fill('>WIT: Component');
      await rows.filter({ hasText: 'WIT: Serve HTTP Component' }).first().waitFor({ timeout: 30_000 });
      const titles = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
      for (const title of ['WIT: Build Component', 'WIT: Compose Components', 'WIT: Run Component', 'WIT: Serve HTTP Component', 'WIT: Show Component WIT']) {
        assert.ok(titles.some((t) => t.includes(title)), `${title} missing from ${titles.join(', ')}`);
      }
      await docsScreenshot(page, 'command-palette');
    } finally {
      await page.keyboard.press('Escape');
    }
  });

  await check('clicking Build runs jco componentize in a terminal and the component appears', async () => {
    await clickCodeLens(page, 'Build');
    const text = await waitForTerminal(page, /componentize app\.js --wit wit --world-name greeter-app -o greeter-app\.wasm/, 60_000);
    assert.match(text, /jco componentize app\.js --wit wit --world-name greeter-app -o greeter-app\.wasm/);
    // componentize takes 6-90 s here, with ~800 MB of memory.
    await waitForTerminal(page, /Successfully written greeter-app\.wasm/, 300_000);
    await waitForNotification(page, /Built greeter-app\.wasm/, 30_000);
    await page.locator('.explorer-folders-view .monaco-list-row[aria-label="greeter-app.wasm"]').waitFor({ timeout: 30_000 });
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

  await check('Show Component WIT opens the WIT as a read-only document with WIT highlighting', async () => {
    await runCommand(page, 'WIT: Show Component WIT');
    await page.locator('.tabs-container .tab.active[data-resource-name="greeter-app.wasm.wit"]').waitFor({ timeout: 30_000 });
    await page.locator('.editor-group-container.active .monaco-editor .view-line', { hasText: 'export example:greeter/greetings@0.1.0;' }).waitFor({ timeout: 30_000 });
    await page.locator('[id="status.editor.mode"]', { hasText: 'WIT' }).waitFor({ timeout: 30_000 });
    await docsScreenshot(page, 'show-component-wit');
  });

  await check('Run Component runs a wasi:cli command with jco run and its output shows in the terminal', async () => {
    await clickExplorerFile(page, 'greeter-cli.wasm');
    await webviewText(page, 'pre.wit', 60_000);
    await startCommand(page, 'WIT: Run Component');
    await answerInputBox(page, '');
    const text = await waitForTerminal(page, /\[cheerful\] Hey Grace, great to see you!/, 120_000);
    assert.match(text, /jco run greeter-cli\.wasm/);
    assert.match(text, /\[formal\] Good day, Countess Ada\./);
    await docsScreenshot(page, 'run-component');
  });

  await check('Compose Components checks the plug against the socket and names the mismatch', async () => {
    // With a .wasm open, the command takes it as the socket and asks only for the plugs.
    await clickExplorerFile(page, 'greeter-app.wasm');
    await webviewText(page, 'pre.wit', 60_000);
    await startCommand(page, 'WIT: Compose Components');
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
    await startCommand(page, 'WIT: Generate TypeScript Types');
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
