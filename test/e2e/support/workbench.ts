// Small UI helpers for the VS Code workbench in code-server, driven through playwright-core.
// They wait on DOM conditions with Playwright's own waiting and never sleep for a fixed time.

import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './env';

/** Selectors tied to VS Code's DOM, kept in one place for when a VS Code update moves them. */
const SELECTORS = {
  workbench: '.monaco-workbench',
  explorerRow: '.explorer-folders-view .monaco-list-row',
  activeTab: '.tabs-container .tab.active',
  // The rename box is a .monaco-editor of its own, kept in the DOM after use.
  activeEditor: '.editor-group-container.active .monaco-editor:not(.rename-box)',
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget .quick-input-box input',
  quickInputRow: '.quick-input-widget .quick-input-list .monaco-list-row',
  statusLanguage: '[id="status.editor.mode"]',
  problemsPanel: '.markers-panel',
  problemRow: '.markers-panel .monaco-list-row[aria-level="2"]',
  visibleHover: '.monaco-editor .monaco-hover:not(.hidden)',
  statusSelection: '[id="status.editor.selection"]',
  renameInput: '.monaco-editor .rename-box input',
};

/** Loads the workbench and waits until the Explorer shows the opened folder's entries. */
export async function openWorkbench(page: Page, url: string, timeoutMs = 60_000): Promise<void> {
  await page.goto(url, { timeout: timeoutMs });
  await page.locator(SELECTORS.workbench).waitFor({ timeout: timeoutMs });
  await page.locator(SELECTORS.explorerRow).first().waitFor({ timeout: timeoutMs });
}

function explorerRow(page: Page, name: string, level: number): Locator {
  // A row's aria-label is the bare file name; aria-level keeps `wit/deps` apart from a `deps`
  // folder at the top.
  return page.locator(`${SELECTORS.explorerRow}[aria-level="${level}"][aria-label=${JSON.stringify(name)}]`);
}

/**
 * Opens `relativePath` (relative to the workspace folder, `/`-separated) by clicking through the
 * Explorer, expanding each folder on the way, and waits until its editor is the active one.
 */
export async function openFileFromExplorer(page: Page, relativePath: string, timeoutMs = 30_000): Promise<void> {
  const parts = relativePath.split('/');
  for (let i = 0; i < parts.length - 1; i++) {
    const folder = explorerRow(page, parts[i], i + 1);
    await folder.waitFor({ timeout: timeoutMs });
    if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.click();
    await page.locator(`${SELECTORS.explorerRow}[aria-level="${i + 1}"][aria-label=${JSON.stringify(parts[i])}][aria-expanded="true"]`).waitFor({ timeout: timeoutMs });
  }
  const fileName = parts[parts.length - 1];
  const file = explorerRow(page, fileName, parts.length);
  await file.waitFor({ timeout: timeoutMs });
  await file.click();
  await page.locator(`${SELECTORS.activeTab}[data-resource-name=${JSON.stringify(fileName)}]`).waitFor({ timeout: timeoutMs });
  await page.locator(SELECTORS.activeEditor).waitFor({ timeout: timeoutMs });
}

/** Runs a command by its palette title (e.g. `View: Toggle Problems`), picking the exact entry. */
export async function runCommand(page: Page, title: string, timeoutMs = 30_000): Promise<void> {
  await page.keyboard.press('F1');
  // Typing before the input has focus loses the first characters.
  await page.locator(`${SELECTORS.quickInputBox}:focus`).waitFor({ timeout: timeoutMs });
  await page.locator(SELECTORS.quickInputBox).fill(`>${title}`);
  const entry = page.locator(SELECTORS.quickInputRow).filter({
    has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }),
  });
  await entry.first().click({ timeout: timeoutMs });
  await page.locator(SELECTORS.quickInput).waitFor({ state: 'hidden', timeout: timeoutMs });
}

/** The language mode shown in the status bar for the active editor, once it shows `expected`. */
export async function waitForStatusBarLanguage(page: Page, expected: string, timeoutMs = 30_000): Promise<string> {
  const item = page.locator(SELECTORS.statusLanguage);
  await item.filter({ hasText: new RegExp(`^\\s*${escapeRegExp(expected)}\\s*$`) }).waitFor({ timeout: timeoutMs }).catch(() => undefined);
  return ((await item.textContent({ timeout: timeoutMs })) ?? '').trim();
}

export interface Problem {
  message: string;
  /** The diagnostic's `source` (e.g. `wit`). */
  source: string;
  code: string;
  /** As the panel prints it, e.g. `[Ln 5, Col 1]`. */
  position: string;
  severity: 'error' | 'warning' | 'info' | 'unknown';
}

/** Opens the Problems panel through the command palette unless it is already showing. */
export async function showProblems(page: Page, timeoutMs = 30_000): Promise<void> {
  if (await page.locator(SELECTORS.problemsPanel).isVisible()) return;
  await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)', timeoutMs);
  await page.locator(SELECTORS.problemsPanel).waitFor({ timeout: timeoutMs });
}

/** Every problem row the Problems panel shows now (file header rows excluded). */
export async function readProblems(page: Page): Promise<Problem[]> {
  return page.locator(SELECTORS.problemRow).evaluateAll((rows) =>
    rows.map((row) => {
      const text = (selector: string) => row.querySelector(selector)?.textContent?.trim() ?? '';
      const icon = row.querySelector('.marker-icon')?.className ?? '';
      const severity = /\berror\b/.test(icon) ? 'error' : /\bwarning\b/.test(icon) ? 'warning' : /\binfo\b/.test(icon) ? 'info' : 'unknown';
      return {
        message: text('.marker-message'),
        source: text('.marker-source'),
        code: text('.marker-code'),
        position: text('.marker-line'),
        severity: severity as Problem['severity'],
      };
    }),
  );
}

/** Opens the Problems panel and waits until a problem whose message contains `messageIncludes` shows. */
export async function waitForProblem(page: Page, messageIncludes: string, timeoutMs = 30_000): Promise<Problem[]> {
  await showProblems(page, timeoutMs);
  await page.locator(SELECTORS.problemRow).filter({ hasText: messageIncludes }).first().waitFor({ timeout: timeoutMs });
  return readProblems(page);
}

/** Moves the cursor of the active editor to a 1-based line and column with "Go to Line/Column". */
export async function goToPosition(page: Page, line: number, column: number, timeoutMs = 30_000): Promise<void> {
  await page.locator(SELECTORS.activeEditor).click();
  await page.keyboard.press('Control+G');
  await page.locator(`${SELECTORS.quickInputBox}:focus`).waitFor({ timeout: timeoutMs });
  await page.locator(SELECTORS.quickInputBox).fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await waitForCursor(page, line, column, timeoutMs);
}

/** Waits until the status bar shows the cursor of the active editor at a 1-based line and column. */
export async function waitForCursor(page: Page, line: number, column: number, timeoutMs = 30_000): Promise<void> {
  await page.locator(SELECTORS.statusSelection).filter({ hasText: `Ln ${line}, Col ${column}` }).waitFor({ timeout: timeoutMs });
}

/** Waits until the active editor tab is the file named `fileName` (e.g. after F12). */
export async function waitForActiveTab(page: Page, fileName: string, timeoutMs = 30_000): Promise<void> {
  await page.locator(`${SELECTORS.activeTab}[data-resource-name=${JSON.stringify(fileName)}]`).waitFor({ timeout: timeoutMs });
}

/** Waits for the inline rename box that F2 opens and returns its input, focused and ready. */
export async function waitForRenameInput(page: Page, timeoutMs = 30_000): Promise<Locator> {
  const input = page.locator(`${SELECTORS.renameInput}:focus`);
  await input.waitFor({ timeout: timeoutMs });
  return input;
}

/**
 * Shows the hover at a 1-based position through the keyboard command (deterministic, unlike a
 * mouse hover) and returns its text once non-empty content appears.
 */
export async function readHover(page: Page, line: number, column: number, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  await goToPosition(page, line, column, timeoutMs);
  const hover = page.locator(SELECTORS.visibleHover).filter({ hasText: /\S/ }).first();
  // A hover opened from the keyboard closes again when the editor's content or layout changes
  // under it. Once, just after the file opened, none was showing 30 s after the command although
  // the cursor was in place and the server answered other requests; a user would ask again, and
  // so does this (each try waits 8 s).
  for (;;) {
    await runCommand(page, 'Show or Focus Hover', Math.max(1, deadline - Date.now()));
    const left = deadline - Date.now();
    try {
      await hover.waitFor({ timeout: Math.max(1, Math.min(8_000, left)) });
      return (await hover.innerText()).trim();
    } catch (err) {
      if (left <= 8_000) throw err;
    }
  }
}

/** Types into the active editor at its cursor, as a user would, once the editor has focus. */
export async function typeInEditor(page: Page, text: string, timeoutMs = 30_000): Promise<void> {
  await page.locator(`${SELECTORS.activeEditor}.focused`).waitFor({ timeout: timeoutMs });
  await page.keyboard.type(text);
}

/** Presses a key (e.g. `End`, `Control+S`) in the active editor once it has focus. */
export async function pressInEditor(page: Page, key: string, timeoutMs = 30_000): Promise<void> {
  await page.locator(`${SELECTORS.activeEditor}.focused`).waitFor({ timeout: timeoutMs });
  await page.keyboard.press(key);
}

/** Waits until the Problems panel lists no problem at all. */
export async function waitForNoProblems(page: Page, timeoutMs = 30_000): Promise<void> {
  await showProblems(page, timeoutMs);
  await page.locator(SELECTORS.problemRow).first().waitFor({ state: 'detached', timeout: timeoutMs });
}

/** Removes `.test-artifacts/<prefix>*` left by an earlier run, so what is there belongs to this one. */
export function clearArtifacts(prefix: string): void {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  for (const name of readdirSync(ARTIFACTS_DIR)) {
    if (name.startsWith(prefix)) rmSync(join(ARTIFACTS_DIR, name), { force: true });
  }
}

/** Saves a full-page screenshot as `.test-artifacts/<name>.png` and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path });
  return path;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
