// UI helpers for the component commands' tests in code-server: code lenses, the integrated
// terminal's text, notifications, quick picks, the .wasm viewer's webview, and screenshots that
// can refresh the documentation's images (docs/images/, with UPDATE_DOCS_IMAGES=1).

import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from './env';
import { runCommand, saveScreenshot } from './workbench';

export const DOCS_IMAGES = join(PROJECT_ROOT, 'docs/images');

/**
 * A screenshot in .test-artifacts/; with UPDATE_DOCS_IMAGES=1 also under the same name in
 * docs/images/ (a plain test run leaves the checked-in documentation alone).
 */
export async function docsScreenshot(page: Page, name: string): Promise<string> {
  const path = await saveScreenshot(page, name);
  if (process.env.UPDATE_DOCS_IMAGES !== '1') return path;
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
  return rows.evaluate((el) => Array.from(el.children).map((row) => (row.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()).join('\n'));
}

/** Waits until the active terminal shows `pattern`; returns its text (rows joined when the match needed that). */
export async function waitForTerminal(page: Page, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = await terminalText(page);
    // Long lines wrap into several rows, and a row that ends at a space loses it to trimEnd:
    // try the text with the row breaks taken out, and with them turned into spaces.
    for (const candidate of [text, text.replace(/\n/g, ''), text.replace(/\n/g, ' ')]) {
      if (pattern.test(candidate)) return candidate;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`the terminal did not show ${pattern} within ${timeoutMs} ms; it shows:\n${text}`);
}

/**
 * Starts a command from the palette and returns as soon as the palette has taken it, for commands
 * that go on to ask something in the same quick input (runCommand waits for it to close).
 */
export async function startCommand(page: Page, title: string, timeoutMs = 30_000): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.locator('.quick-input-widget .quick-input-box input:focus').waitFor({ timeout: timeoutMs });
  await input.fill(`>${title}`);
  const entry = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: title }) });
  await entry.first().click({ timeout: timeoutMs });
  // The palette's text goes away once the command has started.
  await page.waitForFunction((t) => (document.querySelector('.quick-input-widget .quick-input-box input') as HTMLInputElement | null)?.value !== `>${t}`, title, { timeout: timeoutMs });
}

/** Resolves once the toasts stop moving (they slide in and fade out), so screenshots show them whole. */
async function toastsSettled(page: Page, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let stable = 0;
  while (Date.now() < deadline && stable < 3) {
    const boxes = await page.locator('.notifications-toasts .notification-toast').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return `${r.x},${r.y},${r.width},${r.height},${getComputedStyle(e).opacity}`;
      }).join('|'),
    );
    stable = boxes === last ? stable + 1 : 0;
    last = boxes;
    await page.waitForTimeout(100);
  }
}

/** Waits for a notification toast whose text matches and returns its text. */
export async function waitForNotification(page: Page, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: pattern }).first();
  await toast.waitFor({ timeout: timeoutMs });
  await toastsSettled(page, 5000);
  return (await toast.innerText()).trim();
}

/** Clears every notification (they would cover later screenshots). */
export async function clearNotifications(page: Page): Promise<void> {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
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
  for (const [i, label] of labels.entries()) {
    const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: label }).first();
    await row.waitFor({ timeout: timeoutMs });
    // Clicking an entry of a multi-select pick toggles its check box.
    await row.locator('.label-name').first().click();
    await page.locator('.quick-input-widget .quick-input-count', { hasText: `${i + 1} Selected` }).waitFor({ timeout: timeoutMs });
  }
  await page.locator('.quick-input-widget .quick-input-action .monaco-button, .quick-input-widget .monaco-button', { hasText: 'OK' }).first().click();
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
