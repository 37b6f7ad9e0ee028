// Runs the extension-host test suite (tests/ here) inside code-server's real extension host, on
// a copy of examples/greeter, and reports each in-host test as a node:test subtest.

import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ARTIFACTS_DIR, missingForCodeServer } from '../support/env';
import { runExtensionHostTestsInCodeServer } from '../support/extensionHostRun';
import { copyExample } from '../support/workspace';

test('extension-host tests pass in code-server', { timeout: 240_000 }, async (t) => {
  const missing = missingForCodeServer({ extensionHostTests: true });
  assert.deepEqual(missing, [], `the code-server route is not set up:\n${missing.join('\n')}`);

  const workspace = copyExample('greeter');
  t.after(() => workspace.remove());
  const run = await runExtensionHostTestsInCodeServer({ workspace: workspace.root, grep: process.env.WIT_E2E_GREP });

  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const logFile = join(ARTIFACTS_DIR, 'extension-host.log');
  writeFileSync(logFile, `${run.log.join('\n')}\n\n--- code-server ---\n${run.serverOutput}`);

  assert.ok(run.results, `the tests module wrote no results (exit code ${run.exitCode}); see ${logFile}`);
  for (const result of run.results) {
    await t.test(result.name, () => {
      if (!result.ok) assert.fail(result.error ?? 'failed');
    });
  }
  assert.ok(run.results.length > 0, 'no extension-host test ran');
  assert.equal(run.exitCode, 0, `the extension host exited with ${run.exitCode}; see ${logFile}`);
});
