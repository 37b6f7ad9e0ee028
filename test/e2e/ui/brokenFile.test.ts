// UI test in real VS Code (code-server + Chromium): a user opens a broken .wit file from the
// Explorer and sees the WIT language mode and the language server's syntax error in Problems,
// and the error goes away when they type the missing token.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BROKEN_WIT_EXPECTED, BROKEN_WIT_NAME, BROKEN_WIT_TEXT } from '../support/brokenWit';
import { prepareUiTest, startUiSession } from '../support/uiSession';
import {
  goToPosition,
  openFileFromExplorer,
  openWorkbench,
  pressInEditor,
  readProblems,
  saveScreenshot,
  typeInEditor,
  waitForNoProblems,
  waitForProblem,
  waitForStatusBarLanguage,
} from '../support/workbench';

const BROKEN_PATH = `wit/${BROKEN_WIT_NAME}`;

test('a broken .wit file opened in code-server shows WIT mode and its syntax error in Problems', { timeout: 240_000 }, async (t) => {
  const { cleanup, workspace } = prepareUiTest(t, 'ui-broken-');
  workspace.write(BROKEN_PATH, BROKEN_WIT_TEXT);

  const { page, server, check } = await startUiSession(t, cleanup, 'ui-broken-', { folder: workspace.root });

  await check('the file opens from the Explorer', async () => {
    await openWorkbench(page, server.url);
    await openFileFromExplorer(page, BROKEN_PATH);
  });

  await check('the status bar shows the WIT language mode', async () => {
    assert.equal(await waitForStatusBarLanguage(page, 'WIT'), 'WIT');
  });

  await check("the Problems panel shows the server's syntax error", async () => {
    const problems = await waitForProblem(page, BROKEN_WIT_EXPECTED.messageIncludes);
    assert.equal(problems.length, 1, `expected exactly one problem, got ${JSON.stringify(problems)}`);
    const [problem] = problems;
    assert.ok(problem.message.includes(BROKEN_WIT_EXPECTED.messageIncludes), problem.message);
    assert.equal(problem.source, BROKEN_WIT_EXPECTED.source);
    assert.equal(problem.code, BROKEN_WIT_EXPECTED.code);
    assert.equal(problem.severity, 'error');
    const allowed = BROKEN_WIT_EXPECTED.lines.map((line) => `Ln ${line + 1},`);
    assert.ok(allowed.some((l) => problem.position.includes(l)), `unexpected position ${problem.position}`);
    t.diagnostic(`screenshot: ${await saveScreenshot(page, 'ui-broken-file-problems')}`);
  });

  await check('typing the missing `;` clears the problem', async () => {
    // Only meaningful while the problem is there; the previous check may have failed.
    await waitForProblem(page, BROKEN_WIT_EXPECTED.messageIncludes);
    // Line 4 is `hello: func(name: string) -> string`; the `;` belongs at its end.
    await goToPosition(page, 4, 1);
    await pressInEditor(page, 'End');
    await typeInEditor(page, ';');
    await waitForNoProblems(page);
    assert.deepEqual(await readProblems(page), []);
    await saveScreenshot(page, 'ui-broken-file-fixed');
  });
});
