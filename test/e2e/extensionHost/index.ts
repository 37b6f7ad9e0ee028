// The tests module VS Code loads in its extension host (`extensionTestsPath`), for both the
// code-server harness and @vscode/test-electron. scripts/build-e2e.mjs bundles it into
// out/e2e/extensionHost/index.js. To add tests, create a file under tests/ that calls `test()`
// from ../registry and import it below.

import { writeFileSync } from 'node:fs';
import { runRegisteredTests } from './registry';
import './tests/language';
import './tests/activation';
import './tests/diagnostics';
import './tests/components';
import './tests/editorViews';

/** Prefix of every line the harness parses out of the extension host's console output. */
const LOG_PREFIX = '[wit-e2e]';

/** Called by VS Code once the window is up; a rejection makes VS Code exit with code 1. */
export async function run(): Promise<void> {
  const filter = process.env.WIT_E2E_GREP || undefined;
  const results = await runRegisteredTests((line) => console.log(`${LOG_PREFIX} ${line}`), filter);
  // The harness reads the results from this file, which is more reliable than scraping the
  // console output the workbench forwards.
  if (process.env.WIT_E2E_RESULTS) writeFileSync(process.env.WIT_E2E_RESULTS, JSON.stringify(results, null, 2));
  const failed = results.filter((r) => !r.ok);
  if (results.length === 0) throw new Error(`no extension-host test matched ${JSON.stringify(filter)}`);
  if (failed.length) throw new Error(`${failed.length} of ${results.length} extension-host tests failed: ${failed.map((r) => r.name).join('; ')}`);
}
