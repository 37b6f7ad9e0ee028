// The standard @vscode/test-electron runner for the extension-host tests (test/e2e/extensionHost):
// it downloads desktop VS Code and runs the suite there. Where VS Code cannot be downloaded
// (no route to Microsoft's update server, as on the offline CI machines) it says so in one line
// and exits 0, because the same suite runs in code-server in the `editor` suite.
// Usage: node out/js/test/e2e/electron/runTest.js   (after `node scripts/build-e2e.mjs`)

import { lookup } from 'node:dns/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { EXTENSION_HOST_TESTS, PROJECT_ROOT } from '../support/env';
import { copyExample } from '../support/workspace';

const UPDATE_HOST = 'update.code.visualstudio.com';

/** A DNS answer for the update server is the cheap signal that a download can work (~10 ms when it cannot). */
async function updateServerResolves(timeoutMs = 3000): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const resolved = lookup(UPDATE_HOST).then(
    () => true,
    () => false,
  );
  return Promise.race([resolved, timeout]).finally(() => clearTimeout(timer));
}

/** The second half of the skip line: whether scripts/test.mjs ran the code-server suite before this. */
function codeServerRoute(): string {
  const status = process.env.WIT_E2E_EDITOR_SUITE;
  return status
    ? `the same extension-host suite ran in code-server instead (editor suite: ${status})`
    : 'the same extension-host suite runs in code-server instead (`node scripts/test.mjs --only editor`)';
}

async function main(): Promise<number> {
  if (!(await updateServerResolves())) {
    console.log(
      `electron: skipped: desktop VS Code cannot be downloaded on this machine (${UPDATE_HOST} does not resolve); ${codeServerRoute()}`,
    );
    return 0;
  }
  if (!existsSync(EXTENSION_HOST_TESTS)) {
    console.error(`electron: ${EXTENSION_HOST_TESTS} is missing: run \`node scripts/build-e2e.mjs\` first`);
    return 1;
  }
  const workspace = copyExample('greeter');
  try {
    return await runTests({
      // The download goes to the git-ignored cache folder rather than a new .vscode-test/.
      cachePath: join(PROJECT_ROOT, '.cache/vscode-test'),
      extensionDevelopmentPath: PROJECT_ROOT,
      extensionTestsPath: EXTENSION_HOST_TESTS,
      // Other installed extensions would only slow the run down and could interfere.
      launchArgs: [workspace.root, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: { WIT_E2E_GREP: process.env.WIT_E2E_GREP ?? '' },
    });
  } catch (err) {
    console.error(`electron: the extension-host tests failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    workspace.remove();
  }
}

void main().then((code) => process.exit(code));
