// UI helpers for the component commands' tests in code-server: code lenses, the integrated
// terminal's text, notifications, quick picks, the .wasm viewer's webview, and screenshots that
// also serve as the documentation's images (docs/images/).

import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from './env';
import { saveScreenshot } from './workbench';

export const DOCS_IMAGES = join(PROJECT_ROOT, 'docs/images');

/** A screenshot in .test-artifacts/ and, under the same name, in docs/images/. */
export async function docsScreenshot(page: Page, name: string): Promise<string> {
  const path = await saveScreenshot(page, name);
  mkdirSync(DOCS_IMAGES, { recursive: true });
  copyFileSync(path, join(DOCS_IMAGES, `${name}.png`));
  return path;
}

/** Clicks the code lens whose text contains `title` in the active editor. */
export async function clickCodeLens(page: Page, title: string, timeoutMs = 30_000): Promise<void> {
  const lens = page.locator('.editor-group-container.active .codelens-decoration a', { hasText: title }).first();
  await lens.waitFor({ timeout: timeoutMs });
  await lens.click();
}

/** The visible text of the terminal panel's active terminal (DOM renderer). */
export async function terminalText(page: Page): Promise<string> {
  const rows = page.locator('.terminal-wrapper.active .xterm-rows, .integrated-terminal .xterm-rows').last();
  if (!(await rows.count())) return '';
  return rows.evaluate((el) => [...el.children].map((row) => (row.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()).join('\n'));
}

/** Waits until the active terminal shows `pattern` and returns its text. */
export async function waitForTerminal(page: Page, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = await terminalText(page);
    if (pattern.test(text)) return text;
    await page.waitForTimeout(250);
  }
  throw new Error(`the terminal did not show ${pattern} within ${timeoutMs} ms; it shows:\n${text}`);
}

/** Waits for a notification toast whose text matches and returns its text. */
export async function waitForNotification(page: Page, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: pattern }).first();
  await toast.waitFor({ timeout: timeoutMs });
  return (await toast.innerText()).trim();
}

/** Closes every notification toast (they would cover later screenshots). */
export async function clearNotifications(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  const close = page.locator('.notifications-toasts .codicon-notifications-clear-all, .notifications-toasts .codicon-close');
  for (const button of await close.all()) await button.click({ timeout: 2000 }).catch(() => undefined);
}

/** Picks the quick pick entry whose label contains `label` (single selection). */
export async function pickQuickItem(page: Page, label: string, timeoutMs = 30_000): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ timeout: timeoutMs });
  await input.fill(label);
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ timeout: timeoutMs });
  await row.click();
}

/** Checks the entries containing each label in a multi-select quick pick, then accepts. */
export async function pickQuickItems(page: Page, labels: string[], timeoutMs = 30_000): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ timeout: timeoutMs });
  for (const label of labels) {
    const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: label }).first();
    await row.waitFor({ timeout: timeoutMs });
    await row.locator('input[type="checkbox"], .quick-input-list-checkbox, .monaco-checkbox').first().click();
  }
  await page.keyboard.press('Enter');
}

/** Answers an input box (e.g. program arguments) with `text`. */
export async function answerInputBox(page: Page, text: string, timeoutMs = 30_000): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ timeout: timeoutMs });
  await input.fill(text);
  await page.keyboard.press('Enter');
}

/** Clicks a file in the Explorer (expanding nothing: the file is at the top of the folder). */
export async function clickExplorerFile(page: Page, name: string, timeoutMs = 30_000): Promise<void> {
  const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-level="1"][aria-label=${JSON.stringify(name)}]`);
  await row.waitFor({ timeout: timeoutMs });
  await row.click();
  await page.locator(`.tabs-container .tab.active[data-resource-name=${JSON.stringify(name)}]`).waitFor({ timeout: timeoutMs });
}

/** The text of an element in the active webview (the .wasm viewer's WIT). */
export async function webviewText(page: Page, selector: string, timeoutMs = 30_000): Promise<string> {
  const frame = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  const el = frame.locator(selector).first();
  await el.waitFor({ timeout: timeoutMs });
  return el.innerText();
}
