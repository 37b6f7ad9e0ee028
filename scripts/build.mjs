// Bundles the extension client, the language server and the command line with esbuild.
// Usage: node scripts/build.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  sourcemap: true,
  minify: production,
  logLevel: 'info',
  target: 'es2022',
  legalComments: 'none',
};

/** Each entry is one artifact that the contracts in DEVELOPERS.md name. */
const builds = [
  {
    ...common,
    entryPoints: { extension: 'client/src/node/extension.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    // jco is loaded at run time from node_modules when a command needs it, never bundled.
    external: ['vscode', '@bytecodealliance/*'],
  },
  {
    ...common,
    entryPoints: { server: 'server/src/node/main.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
  },
  {
    ...common,
    entryPoints: { cli: 'server/src/cli/main.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
  },
  // The web extension (package.json `browser`): the client for VS Code for the web, and the
  // language server it starts in a web worker.
  {
    ...common,
    entryPoints: { extension: 'client/src/browser/extension.ts' },
    outdir: 'dist/browser',
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: { server: 'server/src/browser/main.ts' },
    outdir: 'dist/browser',
    platform: 'browser',
    format: 'iife',
  },
];

// Only a release build starts from an empty dist/ (so the package holds nothing stale); a normal
// build overwrites in place, so tests running meanwhile never find dist/ missing.
if (production) rmSync('dist', { recursive: true, force: true });
if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
