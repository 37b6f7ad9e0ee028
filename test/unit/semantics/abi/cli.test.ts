// `node dist/cli.js abi` end to end: the readable table, --wasm64, --deps, problems printed like
// `check` prints them with exit 1 (the layouts still printed), and exit 2 for usage errors and
// missing paths. Needs `npm run build`.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { after, test } from 'node:test';
import { SHARED, SHARED_MISSING, sharedAvailable } from '../../../support/shared';

const CLI = resolve('dist', 'cli.js');
const NO_CLI = !existsSync(CLI) && `${CLI} is missing: run \`npm run build\` first; skipping`;

const temp = mkdtempSync(join(tmpdir(), 'wit-abi-'));
after(() => rmSync(temp, { recursive: true, force: true }));

/** ../shared/abi (or under WIT_SHARED), relative, as a user would type it. */
const SHARED_ABI = relative(process.cwd(), join(SHARED, 'abi'));

function abi(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'abi', ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('the readable table has one line per type and function', { skip: NO_CLI || (!sharedAvailable() && SHARED_MISSING) }, () => {
  const r = abi(process.cwd(), SHARED_ABI);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^abi:cases\/records$/m);
  assert.match(r.stdout, /^ {2}padded-d +record +size 32, align 8; offsets a@0 b@4 c@8 d@16 e@24; flat \(i32, i32, i32, i64, i32\); spills to memory: when returned \(5 flat values > 1\)$/m);
  assert.match(r.stdout, /^ {2}params-17 +func +lift \(i32\) -> \(\); lower \(i32\) -> \(\); params in memory \(68 bytes\)$/m);
  assert.match(r.stdout, /^ {2}async-5 +async func +.*async lower \(i32, i32\) -> i32; task\.return \(i32\) -> \(\)$/m);
  assert.match(r.stdout, /^ {2}host-fetch +async func /m);
  const w64 = abi(process.cwd(), '--wasm64', SHARED_ABI);
  assert.match(w64.stdout, /^abi:cases\/records \(memory64\)$/m);
  assert.match(w64.stdout, /^ {2}with-string +record +size 32, align 8; offsets id@0 name@8 tag@24; flat \(i32, i64, i64, i32\)/m);
});

test('a package with errors: problems on stderr like `check`, layouts still printed, exit 1', { skip: NO_CLI }, () => {
  const dir = join(temp, 'broken');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 't.wit'), 'package a:b;\ninterface i {\n  record r { x: nope, y: u8 }\n  record ok { a: u8, b: u64 }\n}\n');
  const r = abi(temp, '--json', 'broken');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^broken\/t\.wit:3:17: error \[unknown-name\]: type `nope` does not exist/m);
  const json = JSON.parse(r.stdout);
  assert.equal(json.types['a:b/i/ok'].size, 16);
  assert.equal(json.types['a:b/i/r'].valid, false);
  assert.match(json.types['a:b/i/r'].error, /did not resolve/);
});

test('--deps adds the packages of deps/; without it only the root package is listed', { skip: NO_CLI }, () => {
  const dir = join(temp, 'withdeps');
  mkdirSync(join(dir, 'deps', 'dep'), { recursive: true });
  writeFileSync(join(dir, 'root.wit'), 'package a:root;\ninterface i {\n  use a:dep/shapes.{point};\n  record line { a: point, b: point }\n}\n');
  writeFileSync(join(dir, 'deps', 'dep', 'dep.wit'), 'package a:dep;\ninterface shapes {\n  record point { x: f64, y: f64 }\n}\n');
  const plain = JSON.parse(abi(temp, '--json', 'withdeps').stdout);
  assert.deepEqual(Object.keys(plain.types), ['a:root/i/line']);
  assert.equal(plain.types['a:root/i/line'].size, 32);
  assert.equal(plain.types['a:root/i/line'].wit, 'record { a: record { x: f64, y: f64 }, b: record { x: f64, y: f64 } }');
  const all = JSON.parse(abi(temp, '--json', '--deps', 'withdeps').stdout);
  assert.deepEqual(Object.keys(all.types).sort(), ['a:dep/shapes/point', 'a:root/i/line']);
});

test('usage errors and missing paths exit 2; --help exits 0', { skip: NO_CLI }, () => {
  assert.equal(abi(temp).status, 2);
  assert.match(abi(temp).stderr, /no PATH given/);
  assert.equal(abi(temp, '--bogus', 'x').status, 2);
  const missing = abi(temp, 'does-not-exist');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /io-error/);
  const help = abi(temp, '--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^usage: wit-ls abi /);
});
