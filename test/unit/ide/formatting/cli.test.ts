// `node dist/cli.js fmt` end to end, on temporary copies: --check exit codes and hints, in-place
// rewriting of a folder (deps/ included, other files untouched), a file with a syntax error
// reported and left alone, and exit 2 for usage errors and missing paths. Needs `npm run build`.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { formatText } from '../../../../server/src/ide/formatting';
import { parse } from '../../../../server/src/syntax';

const CLI = resolve('dist', 'cli.js');
const NO_CLI = !existsSync(CLI) && `${CLI} is missing: run \`npm run build\` first; skipping`;

const MESSY = 'package a:b;\ninterface i {\n    record r { x: u32 }\n}\n';
const CANONICAL = 'package a:b;\n\ninterface i {\n  type t = u32;\n}\n';
const DEP_MESSY = 'package c:d;\ninterface j { f: func(); }\n';
const BROKEN = 'package a:b;\ninterface i {\n  type t = ;\n}\n';

const temp = mkdtempSync(join(tmpdir(), 'wit-fmt-'));
after(() => rmSync(temp, { recursive: true, force: true }));

function fmt(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'fmt', ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh project folder: wit/ with a messy, a canonical and a non-WIT file, and wit/deps/dep/. */
function project(name: string): string {
  const dir = join(temp, name);
  mkdirSync(join(dir, 'wit', 'deps', 'dep'), { recursive: true });
  writeFileSync(join(dir, 'wit', 'messy.wit'), MESSY);
  writeFileSync(join(dir, 'wit', 'canonical.wit'), CANONICAL);
  writeFileSync(join(dir, 'wit', 'notes.txt'), 'not   WIT {');
  writeFileSync(join(dir, 'wit', 'deps', 'dep', 'dep.wit'), DEP_MESSY);
  return dir;
}

test('fmt --check lists the files that would change and exits 1, changing nothing', { skip: NO_CLI }, () => {
  const dir = project('check');
  const r = fmt(dir, '--check', 'wit');
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /^wit\/deps\/dep\/dep\.wit$/m);
  assert.match(r.stdout, /^wit\/messy\.wit$/m);
  assert.doesNotMatch(r.stdout, /canonical\.wit/);
  assert.match(r.stdout, /line 2:\n {2}- interface i \{\n {2}\+ \(empty line\)/, 'a hint shows the first differing line');
  assert.match(r.stderr, /2 of 3 files would be reformatted/);
  assert.equal(readFileSync(join(dir, 'wit', 'messy.wit'), 'utf8'), MESSY);
});

test('fmt rewrites changed files in place, lists them, and then --check passes', { skip: NO_CLI }, () => {
  const dir = project('write');
  const r = fmt(dir, 'wit');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.stdout.trim().split('\n'), ['wit/deps/dep/dep.wit', 'wit/messy.wit']);
  assert.equal(readFileSync(join(dir, 'wit', 'messy.wit'), 'utf8'), formatText(parse(MESSY)));
  assert.equal(readFileSync(join(dir, 'wit', 'deps', 'dep', 'dep.wit'), 'utf8'), formatText(parse(DEP_MESSY)));
  assert.equal(readFileSync(join(dir, 'wit', 'canonical.wit'), 'utf8'), CANONICAL);
  assert.equal(readFileSync(join(dir, 'wit', 'notes.txt'), 'utf8'), 'not   WIT {');
  const again = fmt(dir, '--check', 'wit');
  assert.equal(again.status, 0, again.stdout + again.stderr);
  assert.equal(again.stdout, '');
  // A single canonical file passes --check too.
  assert.equal(fmt(dir, '--check', join('wit', 'canonical.wit')).status, 0);
});

test('a file with syntax errors is reported as file:line:col and left untouched', { skip: NO_CLI }, () => {
  const dir = project('broken');
  writeFileSync(join(dir, 'wit', 'broken.wit'), BROKEN);
  for (const args of [['wit/broken.wit'], ['--check', 'wit/broken.wit'], ['wit']]) {
    const r = fmt(dir, ...args);
    assert.equal(r.status, 1, args.join(' '));
    assert.match(r.stderr, /^wit\/broken\.wit:3:12: error \[expected-token\]: expected a type, found `;`$/m);
    assert.equal(readFileSync(join(dir, 'wit', 'broken.wit'), 'utf8'), BROKEN);
  }
  // The other files of the folder were still formatted by the last run.
  assert.equal(readFileSync(join(dir, 'wit', 'messy.wit'), 'utf8'), formatText(parse(MESSY)));
});

test('missing paths and usage errors exit 2', { skip: NO_CLI }, () => {
  const dir = project('usage');
  const missing = fmt(dir, 'nowhere.wit');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read 'nowhere\.wit': no such file or directory/);
  // A missing path wins over a file that needs formatting.
  assert.equal(fmt(dir, '--check', 'wit', 'nowhere').status, 2);
  const none = fmt(dir);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /no PATH given/);
  const unknown = fmt(dir, '--frobnicate', 'wit');
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown option '--frobnicate'/);
  assert.equal(readFileSync(join(dir, 'wit', 'messy.wit'), 'utf8'), MESSY);
  const help = fmt(dir, '--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /usage: wit-ls fmt/);
});

test('a deps/ symlink loop, a named pipe and a non-UTF-8 file are reported; the rest is formatted', { skip: NO_CLI || (process.platform === 'win32' && 'needs mkfifo and symlinks'), timeout: 60_000 }, () => {
  const dir = project('special');
  symlinkSync('..', join(dir, 'wit', 'deps', 'loop'), 'dir');
  execFileSync('mkfifo', [join(dir, 'wit', 'pipe.wit')]);
  const latin1 = Buffer.from('package a:b;\n// caf\xe9\ninterface  i {}\n', 'latin1');
  writeFileSync(join(dir, 'wit', 'latin1.wit'), latin1);
  const r = fmt(dir, 'wit');
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /^wit-ls fmt: skipped 'wit\/deps\/loop': a symlink to .*, which contains it \(a symlink loop\)$/m);
  assert.match(r.stderr, /^wit-ls fmt: cannot read wit\/pipe\.wit: a named pipe, not a regular file$/m);
  assert.match(r.stderr, /^wit-ls fmt: cannot read wit\/latin1\.wit: the file is not valid UTF-8$/m);
  // Untouched: written back as UTF-8, its byte 0xE9 would have become a replacement character.
  assert.deepEqual(readFileSync(join(dir, 'wit', 'latin1.wit')), latin1);
  // Everything else was formatted, each file once.
  assert.deepEqual(r.stdout.trimEnd().split('\n').sort(), ['wit/deps/dep/dep.wit', 'wit/messy.wit']);
  assert.equal(readFileSync(join(dir, 'wit', 'messy.wit'), 'utf8'), formatText(parse(MESSY)));
});
