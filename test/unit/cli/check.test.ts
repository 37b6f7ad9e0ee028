// `node dist/cli.js check` end to end, as scripts and CI use it: the text lines
// `file:line:col: severity [code]: message` (1-based) with a summary on stderr, the --json array
// with 0-based LSP ranges, --features / --features= / --all-features, exit status 0, 1 and 2,
// I/O problems (a missing path, a named pipe, a deps/ symlink loop) reported while the other
// paths are still checked, file names with spaces, quotes and `$`, long reports through a pipe
// (whole, and cut short quietly when the reader stops), and the one-shot JIT tuning.
// Needs `npm run build`.

import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, symlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, test } from 'node:test';
import { tempWorkspace } from '../../support/tempWorkspace';

const CLI = resolve('dist', 'cli.js');
const NO_CLI = !existsSync(CLI) && `${CLI} is missing: run \`npm run build\` first; skipping`;

const ws = tempWorkspace({
  'good/main.wit': 'package my:app;\n\ninterface api {\n  use my:dep/types.{level};\n  log: func(l: level);\n}\n\nworld app {\n  export api;\n}\n',
  'good/deps/dep/types.wit': 'package my:dep;\n\ninterface types {\n  enum level { info, warn }\n}\n',
  'bad/a.wit': [
    'package my:bad;',
    '',
    'interface a {',
    '  type count = u32;',
    '  f: func(p: cuont);',
    '  @unstable(feature = shiny)',
    '  type gated = u8;',
    '  g: func(p: gated);',
    '  flags empty {}',
    '}',
    '',
  ].join('\n'),
  "odd names/it's $HOME.wit": 'package my:odd;\n\ninterface i {\n  f: func(x: nope);\n}\n',
});
after(() => ws.dispose());

function check(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd: ws.root, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 26 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('a clean package with deps/: no output, exit 0', { skip: NO_CLI }, () => {
  assert.deepEqual(check('good'), { status: 0, stdout: '', stderr: '' });
});

test('text lines are 1-based with severity and code; a summary goes to stderr; errors exit 1', { skip: NO_CLI }, () => {
  const r = check('bad');
  assert.equal(r.status, 1);
  assert.deepEqual(r.stdout.trimEnd().split('\n'), [
    'bad/a.wit:5:14: error [unknown-name]: name `cuont` does not exist; did you mean `count`?',
    'bad/a.wit:8:3: error [gated-reference]: found a reference to a type which is excluded due to its feature not being activated (feature `shiny`)',
    'bad/a.wit:9:9: warning [empty-definition]: flags `empty` has no flags; component validation rejects empty flags',
  ]);
  assert.equal(r.stderr, '2 errors, 1 warning\n');
});

test('--json prints {file, range, severity, code, message} with the same places, 0-based', { skip: NO_CLI }, () => {
  const r = check('--json', 'bad');
  assert.equal(r.status, 1);
  const out = JSON.parse(r.stdout) as { file: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity: string; code: string; message: string }[];
  assert.deepEqual(out.map((d) => Object.keys(d).sort()), out.map(() => ['code', 'file', 'message', 'range', 'severity']));
  assert.deepEqual(out[0], {
    file: 'bad/a.wit', range: { start: { line: 4, character: 13 }, end: { line: 4, character: 18 } },
    severity: 'error', code: 'unknown-name', message: 'name `cuont` does not exist; did you mean `count`?',
  });
  assert.deepEqual(out.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code}`), [
    '5:14 error unknown-name', '8:3 error gated-reference', '9:9 warning empty-definition',
  ]);
  // Nothing but the JSON on stdout, and no summary on stderr.
  assert.equal(r.stderr, '');
});

test('--features, --features= and --all-features bring gated items in', { skip: NO_CLI }, () => {
  for (const args of [['--features', 'shiny'], ['--features=other,shiny'], ['--all-features']]) {
    const r = check(...args, 'bad');
    assert.equal(r.status, 1, args.join(' '));
    assert.doesNotMatch(r.stdout, /gated-reference/, args.join(' '));
    assert.match(r.stdout, /unknown-name/, args.join(' '));
  }
  assert.match(check('--features', 'other', 'bad').stdout, /gated-reference/);
});

test('usage errors exit 2 with the usage; --help exits 0', { skip: NO_CLI }, () => {
  for (const [args, message] of [[[], /no PATH given/], [['--bogus', 'good'], /unknown option '--bogus'/], [['good', '--features'], /--features needs a value/]] as const) {
    const r = check(...args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, message);
    assert.match(r.stderr, /usage: wit-ls check/);
  }
  const help = check('--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Exit status: 0 no errors, 1 errors found, 2 usage or I\/O errors/);
});

test('file names with spaces, quotes and `$` are taken as they are', { skip: NO_CLI }, () => {
  const r = check("odd names/it's $HOME.wit", 'odd names');
  assert.equal(r.status, 1);
  assert.deepEqual(r.stdout.trimEnd().split('\n'), [
    "odd names/it's $HOME.wit:4:14: error [unknown-name]: name `nope` does not exist",
    "odd names/it's $HOME.wit:4:14: error [unknown-name]: name `nope` does not exist",
  ]);
});

test('I/O problems exit 2 with a clear line each, and the other paths are still checked', { skip: NO_CLI || (process.platform === 'win32' && 'needs mkfifo and symlinks'), timeout: 60_000 }, () => {
  ws.write('io/pkg/main.wit', 'package my:io;\n\ninterface i {\n  f: func(x: nope);\n}\n');
  execFileSync('mkfifo', [ws.path('io/pkg/pipe.wit')]);
  ws.write('io/loop/main.wit', 'package my:loop;\n\ninterface i {}\n');
  ws.write('io/loop/deps/.keep', '');
  symlinkSync('..', ws.path('io/loop/deps/cycle'), 'dir');
  const r = check('io/missing', 'io/pkg', 'io/loop', 'good');
  assert.equal(r.status, 2);
  const lines = r.stdout.trimEnd().split('\n');
  assert.deepEqual(lines.map((l) => l.replace(/: (error|warning) .*/, ': $1')).sort(), [
    'io/loop/deps/cycle:1:1: error', 'io/missing:1:1: error', 'io/pkg/main.wit:4:14: error', 'io/pkg/pipe.wit:1:1: error',
  ]);
  assert.ok(lines.includes(`io/missing:1:1: error [io-error]: no such file or directory: ${ws.path('io/missing')}`), lines.join('\n'));
  assert.ok(lines.includes(`io/pkg/pipe.wit:1:1: error [io-error]: cannot read ${ws.path('io/pkg/pipe.wit')}: a named pipe, not a regular file`), lines.join('\n'));
  assert.match(r.stdout, /io\/loop\/deps\/cycle:1:1: error \[io-error\]: .*symlink loop/);
});

test('a run-once check compiles without inlining (tuneForOneShot), which the trace shows', { skip: NO_CLI, timeout: 120_000 }, async () => {
  // Enough work for TurboFan to compile the hot code: a generated package of 5k lines.
  const { generatePackage } = await import(resolve('bench', 'generate.mjs'));
  generatePackage(ws.path('gen'), 5000, 10);
  const traced = (args: string[]) => spawnSync(process.execPath, ['--trace-turbo-inlining', ...args], { cwd: ws.root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const cli = traced([CLI, 'check', 'gen']);
  assert.equal(cli.status, 0, cli.stderr);
  assert.doesNotMatch(cli.stdout, /^Inlining /m);
  // The same trace does show inlining in a process that keeps V8's defaults.
  const control = traced(['-e', 'function add(a, b) { return a + b; } function hot(n) { let s = 0; for (let i = 0; i < n; i++) s = add(s, i & 7); return s; } let t = 0; for (let k = 0; k < 3000; k++) t += hot(1000); console.log(t);']);
  assert.match(control.stdout, /^Inlining /m);
});

test('a long report reaches a pipe whole, and a reader that stops early ends the run quietly', { skip: NO_CLI, timeout: 120_000 }, async () => {
  const lines = Array.from({ length: 20_000 }, (_, i) => `  fn${i}: func(x: missing${i});`);
  ws.write('long/many.wit', `package my:long;\n\ninterface i {\n${lines.join('\n')}\n}\n`);
  // spawnSync reads through a pipe; exiting before the writes finished used to stop at 64 KB.
  const text = check('long');
  assert.equal(text.status, 1);
  assert.equal(text.stdout.trimEnd().split('\n').length, 20_000);
  assert.equal(text.stderr, '20000 errors, 0 warnings\n');
  const json = check('--json', 'long');
  assert.equal((JSON.parse(json.stdout) as unknown[]).length, 20_000);

  // `wit-ls check long | head -1`: the reader closes its end after the first chunk.
  const child = spawn(process.execPath, [CLI, 'check', 'long'], { cwd: ws.root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.once('data', () => child.stdout.destroy());
  const [code] = (await once(child, 'exit')) as [number | null];
  assert.equal(code, 141, stderr);
  assert.doesNotMatch(stderr, /EPIPE|Error|at /);
});
