// Runs the extension-host test suite (tests/ here) inside code-server's real extension host, on
// a copy of examples/greeter, and reports each in-host test as a node:test subtest.

import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ARTIFACTS_DIR, missingForCodeServer } from '../support/env';
import { runExtensionHostTestsInCodeServer } from '../support/extensionHostRun';
import { copyExample } from '../support/workspace';

// No overall timeout: on a slow machine the run takes several times longer than here, and the
// harness's hang guard already fails it when the window stops reporting (see hangGuard).
test('extension-host tests pass in code-server', async (t) => {
  const missing = missingForCodeServer({ extensionHostTests: true });
  assert.deepEqual(missing, [], `the code-server route is not set up:\n${missing.join('\n')}`);

  const workspace = copyExample('greeter');
  t.after(() => workspace.remove());
  const run = await runExtensionHostTestsInCodeServer({ workspace: workspace.root, grep: process.env.WIT_E2E_GREP });

  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const logFile = join(ARTIFACTS_DIR, 'extension-host.log');
  writeFileSync(logFile, `${run.log.join('\n')}\n\n--- code-server ---\n${run.serverOutput}`);
  const serverLogFile = join(ARTIFACTS_DIR, 'extension-host-language-server.log');
  writeFileSync(serverLogFile, run.languageServerLog);
  // CI shows only the test output: a failure carries the timeline of the LSP traffic (the
  // first line of each traced message; the file has their parameters too).
  const timeline = run.languageServerLog.split('\n').filter((l) => /^\d{4}-\d\d-\d\d /.test(l)).map((l) => l.slice(11, 180));
  const serverLogTail = `\n--- the last ${Math.min(60, timeline.length)} messages in ${serverLogFile} ---\n${timeline.slice(-60).join('\n')}`;

  assert.ok(run.results, `the tests module wrote no results (exit code ${run.exitCode}); see ${logFile}`);
  for (const result of run.results) {
    await t.test(result.name, () => {
      if (!result.ok) assert.fail(`${result.error ?? 'failed'}${serverLogTail}`);
    });
  }
  await t.test('the wit.trace.server setting traces the LSP traffic in the WIT Language Server channel', () => {
    assert.match(run.languageServerLog, /Sending notification 'textDocument\/didOpen'/, `${serverLogFile} has no trace of didOpen`);
  });
  assert.ok(run.results.length > 0, 'no extension-host test ran');
  assert.equal(run.exitCode, 0, `the extension host exited with ${run.exitCode}; see ${logFile}`);
});
