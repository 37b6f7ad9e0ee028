// Runs every test suite: unit and fixture tests, grammar tests, protocol tests over stdio,
// and the real-editor suites. `npm test` calls this; `.ci/run` calls `npm test`.
// Usage: node scripts/test.mjs [--only unit,lsp,...] ; UPDATE_GOLDEN=1 rewrites golden files.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? new Set(process.argv[onlyArg + 1].split(',')) : undefined;

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  return r.status ?? 1;
}

function testFiles(dir) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...testFiles(p));
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out.sort();
}

if (!existsSync('node_modules/.package-lock.json')) {
  console.log('# node_modules is missing: running npm ci');
  if (run('npm', ['ci']) !== 0) process.exit(1);
}
if (run('npm', ['run', '--silent', 'build']) !== 0) process.exit(1);
const { compileTests } = await import('./compile-tests.mjs');
await compileTests();

/** name → function returning an exit status. Suites run in this order. */
const suites = {
  unit: () => run(process.execPath, ['--test', '--test-reporter=spec', ...testFiles('out/js/test/unit')]),
  grammar: () => run(process.execPath, ['--test', '--test-reporter=spec', ...testFiles('out/js/test/grammar')]),
  lsp: () => run(process.execPath, ['--test', '--test-reporter=spec', ...testFiles('out/js/test/lsp')]),
};

const failed = [];
for (const [name, suite] of Object.entries(suites)) {
  if (only && !only.has(name)) continue;
  console.log(`\n# suite: ${name}`);
  if (suite() !== 0) failed.push(name);
}
console.log(failed.length ? `\n# FAILED suites: ${failed.join(', ')}` : '\n# all suites passed');
process.exit(failed.length ? 1 : 0);
