// UI test in real VS Code (code-server + Chromium) of the editing features a user reaches with the
// keyboard: hover with doc comments and ABI layout, F12 into a package under wit/deps/, F2 rename
// across the files of a package, format on save, and the ABI layout view following the cursor.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { docsScreenshot } from '../support/componentsUi';
import { prepareUiTest, startUiSession } from '../support/uiSession';
import {
  goToPosition,
  openFileFromExplorer,
  openWorkbench,
  pressInEditor,
  readHover,
  runCommand,
  saveScreenshot,
  typeInEditor,
  waitForActiveTab,
  waitForCursor,
  waitForNoProblems,
  waitForRenameInput,
} from '../support/workbench';

const MESSY = 'package example:greeter@0.1.0;\ninterface  tidy{\n  /// Docs stay.\n  f:func( a:u32 )->string;\n   record r{x:u8,y:u8}\n}\n';
/**
 * The formatter's output for MESSY. VS Code detects MESSY's 2-space indentation and passes it as
 * the formatting options, so the result keeps 2 spaces (the canonical style too).
 */
const TIDY =
  'package example:greeter@0.1.0;\n\ninterface tidy {\n  /// Docs stay.\n  f: func(a: u32) -> string;\n\n  record r {\n    x: u8,\n    y: u8,\n  }\n}\n';

/**
 * Resolves once `read()` returns true, re-checking whenever `path` changes on disk as VS Code
 * saves it (a file watcher, not a sleep); rejects with `describe()` after `timeoutMs`.
 */
async function waitForFile(path: string, read: (text: string) => boolean, describe: () => string, timeoutMs = 30_000): Promise<void> {
  const { watch } = await import('node:fs');
  const check = () => {
    try {
      return read(readFileSync(path, 'utf8'));
    } catch {
      return false;
    }
  };
  if (check()) return;
  await new Promise<void>((resolve, reject) => {
    const watcher = watch(path, () => {
      if (check()) done(undefined);
    });
    const timer = setTimeout(() => done(new Error(`${describe()} (waited ${timeoutMs} ms for ${path})`)), timeoutMs);
    function done(err: Error | undefined) {
      clearTimeout(timer);
      watcher.close();
      if (err) reject(err);
      else resolve();
    }
    // A save between the first check and the watcher's start would otherwise go unseen.
    if (check()) done(undefined);
  });
}

test('hover, go to definition in deps/, rename across files and format on save in code-server', { timeout: 300_000 }, async (t) => {
  const { cleanup, workspace } = prepareUiTest(t, 'ui-editing-');
  const tidyPath = workspace.write('wit/tidy.wit', MESSY);

  const { page, server, check } = await startUiSession(t, cleanup, 'ui-editing-', {
    folder: workspace.root,
    settings: { '[wit]': { 'editor.formatOnSave': true } },
  });

  await check('greetings.wit opens from the Explorer', async () => {
    await openWorkbench(page, server.url);
    await openFileFromExplorer(page, 'wit/greetings.wit');
  });

  await check('hover over a type shows its doc comment and Canonical ABI layout', async () => {
    // Line 36: `        greet: func(who: person) -> string;`, column 27 is inside `person`.
    const hover = await readHover(page, 36, 27);
    t.diagnostic(`hover: ${hover.replace(/\s+/g, ' ')}`);
    assert.match(hover, /record person/);
    assert.match(hover, /Someone to greet\./);
    assert.match(hover, /Canonical ABI/);
    assert.match(hover, /size 20, align 4/);
    await saveScreenshot(page, 'ui-editing-hover');
    await page.keyboard.press('Escape');
  });

  await check('F12 on a type from wit/deps/ opens the dependency at its definition', async () => {
    // Line 49: `    set-log-threshold: func(threshold: level);`, column 41 is inside `level`.
    await goToPosition(page, 49, 41);
    await pressInEditor(page, 'F12');
    await waitForActiveTab(page, 'logging.wit');
    // `    enum level {` is line 7 of deps/logging/logging.wit; the cursor lands on the name.
    await waitForCursor(page, 7, 10);
    await saveScreenshot(page, 'ui-editing-definition');
  });

  await check('F2 renames an interface in every file that names it', async () => {
    await openFileFromExplorer(page, 'wit/greetings.wit');
    // Line 5: `interface greetings {`, column 12 is inside the name.
    await goToPosition(page, 5, 12);
    await pressInEditor(page, 'F2');
    const input = await waitForRenameInput(page);
    await input.fill('salutations');
    await input.press('Enter');
    // The rename edits world.wit too, which is not open. VS Code saves files a refactoring
    // touched (files.refactoring.autoSave); Save All covers a user who turned that off.
    await page.locator('.breadcrumbs-control').filter({ hasText: 'salutations' }).first().waitFor({ timeout: 30_000 });
    await runCommand(page, 'File: Save All Files');
    await waitForFile(
      join(workspace.root, 'wit/greetings.wit'),
      (text) => text.includes('interface salutations {') && !text.includes('interface greetings'),
      () => 'greetings.wit was not renamed',
    );
    await waitForFile(
      join(workspace.root, 'wit/world.wit'),
      (text) => text.includes('export salutations;') && !text.includes('export greetings;'),
      () => `world.wit was not renamed: ${readFileSync(join(workspace.root, 'wit/world.wit'), 'utf8')}`,
    );
    // Both files agree again: no error may stay behind (world.wit is saved and closed in the
    // background, possibly before the file watcher reports the save).
    await waitForNoProblems(page);
    await saveScreenshot(page, 'ui-editing-renamed');
  });

  await check('saving a messy file formats it', async () => {
    await openFileFromExplorer(page, 'wit/tidy.wit');
    // An edit makes the editor dirty, so Ctrl+S really saves (and runs format on save).
    await goToPosition(page, 6, 2);
    await typeInEditor(page, '\n');
    await pressInEditor(page, 'Control+S');
    await waitForFile(tidyPath, (text) => text === TIDY, () => `tidy.wit was not formatted: ${JSON.stringify(readFileSync(tidyPath, 'utf8'))}`);
    await saveScreenshot(page, 'ui-editing-formatted');
  });

  await check('the ABI layout view shows the byte map at the cursor and follows it', async () => {
    await openFileFromExplorer(page, 'wit/greetings.wit');
    // Line 16: `    record person {`, column 13 is inside `person`.
    await goToPosition(page, 16, 13);
    await runCommand(page, 'WIT: Show Canonical ABI Layout');
    const view = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    await view.locator('#summary', { hasText: 'size 20' }).waitFor({ timeout: 30_000 });
    assert.equal(await view.locator('#bytes .cell').count(), 20);
    assert.match(await view.locator('#spans').innerText(), /name\s+0\s+8\s+string[\s\S]*title\s+8\s+12\s+option<string>/);
    await docsScreenshot(page, 'abi-layout');
    // The editor keeps the focus; moving its cursor onto `tone` (line 9) redraws the view.
    await goToPosition(page, 9, 11);
    await view.locator('#name', { hasText: /^tone$/ }).waitFor({ timeout: 30_000 });
    assert.match(await view.locator('#summary').innerText(), /size 1 · align 1 · flat \(i32\)/);
  });
});
