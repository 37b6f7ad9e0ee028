// Builds what the real-editor suites load: the extension-host tests as one CommonJS file
// (out/e2e/extensionHost/index.js, which VS Code `require`s inside its extension host) and,
// with --package, the .vsix the UI test installs (dist/wit-language-tools.vsix).
// Usage: node scripts/build-e2e.mjs [--package]
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const EXTENSION_HOST_TESTS_OUT = 'out/e2e/extensionHost/index.js';
export const VSIX = 'dist/wit-language-tools.vsix';
/** Used only while the project has no .vscodeignore of its own (see the file's first line). */
const FALLBACK_IGNORE = 'test/e2e/support/package.vscodeignore';

export async function buildExtensionHostTests() {
  await esbuild.build({
    entryPoints: ['test/e2e/extensionHost/index.ts'],
    outfile: EXTENSION_HOST_TESTS_OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'es2022',
    // The extension host provides `vscode`; everything else (node:assert, helpers) is bundled.
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

/** Builds the production bundles and packages them with `npm run package`; returns an exit status. */
export function packageVsix() {
  const vsceArgs = [];
  // Without a .vscodeignore vsce would pack (and first walk) .cache/, out/ and the sources.
  if (!existsSync('.vscodeignore')) vsceArgs.push('--ignoreFile', FALLBACK_IGNORE);
  // Without a LICENSE file vsce stops to ask "Do you want to continue? [y/N]" on a terminal,
  // and gives up without a .vsix elsewhere; --skip-license also silences its warning, hence ours.
  if (!['LICENSE', 'LICENSE.md', 'LICENSE.txt'].some((f) => existsSync(f))) {
    console.warn('build-e2e: the project has no LICENSE file; packaging with vsce --skip-license');
    vsceArgs.push('--skip-license');
  }
  const extra = vsceArgs.length ? ['--', ...vsceArgs] : [];
  const r = spawnSync('npm', ['run', '--silent', 'package', ...extra], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status === 0 && !existsSync(VSIX)) {
    console.error(`npm run package succeeded but ${VSIX} is missing`);
    return 1;
  }
  return r.status ?? 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildExtensionHostTests();
  if (process.argv.includes('--package')) process.exit(packageVsix());
}
