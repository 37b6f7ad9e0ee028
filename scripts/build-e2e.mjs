// Builds what the real-editor suites load: the extension-host tests as one CommonJS file
// (out/e2e/extensionHost/index.js, which VS Code `require`s inside its extension host) and,
// with --package, the .vsix the UI test installs (dist/wit-language-tools.vsix).
// Usage: node scripts/build-e2e.mjs [--package]
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const EXTENSION_HOST_TESTS_OUT = 'out/e2e/extensionHost/index.js';
const VSIX = 'dist/wit-language-tools.vsix';

async function buildExtensionHostTests() {
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
function packageVsix() {
  // .vscodeignore decides what the .vsix holds (the same file the published package uses).
  const r = spawnSync('npm', ['run', '--silent', 'package'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status === 0 && !existsSync(VSIX)) {
    console.error(`npm run package succeeded but ${VSIX} is missing`);
    return 1;
  }
  return r.status ?? 1;
}

await buildExtensionHostTests();
if (process.argv.includes('--package')) process.exit(packageVsix());
