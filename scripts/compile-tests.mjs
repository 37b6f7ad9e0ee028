// Transpiles the server sources and the tests to CommonJS under out/ so node:test can run them.
// Type checking is `npm run lint`'s job; this step only strips types, which keeps it under a second.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'workspace' || name === 'fixtures') continue;
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

export async function compileTests() {
  rmSync('out/js', { recursive: true, force: true });
  const entryPoints = [...walk('server/src'), ...walk('client/src'), ...walk('test')];
  await esbuild.build({
    entryPoints,
    outdir: 'out/js',
    outbase: '.',
    format: 'cjs',
    platform: 'node',
    target: 'es2022',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await compileTests();
