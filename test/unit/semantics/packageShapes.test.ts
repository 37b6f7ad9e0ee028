// Folder shapes that wit-parser rejects for want of a `package` header, which the fuzzer's
// mutants do not make: a deps/ entry that is an empty folder, a folder with only a subfolder or
// only non-WIT files, a folder or single file whose WIT has only comments, and a package folder
// given to `check` with no .wit files at all. The checker must reject each (the first error a
// missing-package-header), as wit-parser compiled to wasm does, asked in the same test; a
// dependency folder whose file cannot be read is reported once, as unreadable; and a `deps`
// that is a file, or a symlink in deps/ whose target is missing, fails the read of deps/ as it
// does in wit-parser.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, test } from 'node:test';
import { checkPath, isError } from '../../support/check';
import { REFERENCE_MISSING, loadReference } from '../../support/reference';
import { tempWorkspace } from '../../support/tempWorkspace';

const MAIN = 'package my:app;\n\ninterface api {\n  use my:dep/types.{level};\n}\n\nworld app {\n  export api;\n}\n';
const DEP = 'package my:dep;\n\ninterface types {\n  enum level { info }\n}\n';

const ws = tempWorkspace({});
after(() => ws.dispose());

/** A package folder with a good dependency and `extra` beside it under deps/. */
function shape(name: string, extra: Record<string, string>, folders: string[] = []): string {
  ws.write(`${name}/main.wit`, MAIN);
  ws.write(`${name}/deps/dep/types.wit`, DEP);
  for (const [rel, text] of Object.entries(extra)) ws.write(`${name}/deps/${rel}`, text);
  for (const f of folders) mkdirSync(ws.path(`${name}/deps/${f}`), { recursive: true });
  return ws.path(name);
}

const SHAPES: { name: string; path: () => string }[] = [
  { name: 'an empty folder under deps/', path: () => shape('empty-folder', {}, ['empty']) },
  { name: 'a deps/ folder with only a subfolder', path: () => shape('only-subfolder', { 'foo/sub/a.wit': 'package x:y;\n' }) },
  { name: 'a deps/ folder with only non-WIT files', path: () => shape('only-readme', { 'foo/readme.md': '# notes\n' }) },
  { name: 'a deps/ folder whose WIT has only comments', path: () => shape('comments-folder', { 'foo/x.wit': '// nothing yet\n' }) },
  { name: 'a single-file dependency with only comments', path: () => shape('comments-file', { 'foo.wit': '// nothing yet\n' }) },
];

test('deps/ entries without a package header are rejected', async () => {
  for (const s of SHAPES) {
    const r = await checkPath(s.path());
    const errors = [...r.diagnostics.values()].flat().filter(isError);
    assert.equal(errors[0]?.code, 'missing-package-header', `${s.name}: ${errors.map((d) => d.message).join('; ') || 'accepted'}`);
    assert.equal(errors.length, 1, s.name);
  }
});

test('the reference rejects the same shapes, and accepts the package without them', async (t) => {
  const reference = await loadReference();
  if (!reference) {
    t.skip(REFERENCE_MISSING);
    return;
  }
  const rejects = async (path: string) => (await reference(path)) !== undefined;
  assert.equal(await rejects(shape('clean', {})), false, 'the package itself is fine');
  for (const s of SHAPES) assert.equal(await rejects(s.path()), true, s.name);
  mkdirSync(ws.path('no-wit-here'), { recursive: true });
  assert.equal(await rejects(ws.path('no-wit-here')), true, 'a folder without .wit files');
});

const CLI = resolve('dist', 'cli.js');

test('`check` on a folder without .wit files reports it and exits 1', { skip: !existsSync(CLI) && `${CLI} is missing: run \`npm run build\` first; skipping` }, () => {
  mkdirSync(ws.path('nothing/deps/dep'), { recursive: true });
  ws.write('nothing/deps/dep/types.wit', DEP);
  const r = spawnSync(process.execPath, [CLI, 'check', 'nothing'], { cwd: ws.root, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stdout, `nothing:1:1: error [missing-package-header]: no \`package\` header was found: the folder ${ws.path('nothing')} has no .wit files\n`);
});

test('a dependency folder whose only file cannot be read is reported once, as unreadable', { skip: process.platform === 'win32' && 'needs mkfifo' }, async () => {
  const path = shape('unreadable', {}, ['piped']);
  execFileSync('mkfifo', [ws.path('unreadable/deps/piped/x.wit')]);
  const r = await checkPath(path);
  assert.deepEqual([...r.diagnostics.values()].flat().filter(isError).map((d) => d.code), []);
  assert.equal(r.problems.length, 1);
  assert.match(r.problems[0].message, /a named pipe, not a regular file/);
});

test('a deps that is a file, and a dangling symlink in deps/, are read problems, as for the reference', { skip: process.platform === 'win32' && 'needs symlinks' }, async (t) => {
  ws.write('deps-file/main.wit', 'package my:app;\n\ninterface api {}\n\nworld app {\n  export api;\n}\n');
  ws.write('deps-file/deps', 'not a folder\n');
  const dangling = shape('dangling', {});
  symlinkSync(ws.path('nowhere'), ws.path('dangling/deps/gone'));
  const problems = async (path: string) => (await checkPath(path)).problems.map((p) => p.message);
  assert.deepEqual(await problems(ws.path('deps-file')), [`cannot read folder ${ws.path('deps-file')}/deps: not a directory (dependencies go in a deps/ folder)`]);
  assert.deepEqual(await problems(dangling), [`cannot read ${dangling}/deps/gone: a symlink that cannot be followed (its target is missing, or it leads back to itself)`]);
  const reference = await loadReference();
  if (!reference) {
    t.diagnostic(REFERENCE_MISSING);
    return;
  }
  assert.notEqual(await reference(ws.path('deps-file')), undefined, 'the reference rejects a deps file');
  assert.notEqual(await reference(dangling), undefined, 'the reference rejects a dangling symlink in deps/');
});
