// Files named `.wit` that are not regular files: a named pipe (reading one would wait for a
// writer forever), a symlink to /dev/zero (a read that never ends), a socket, and a file that is
// not UTF-8. Both Node file systems must report each one clearly and load the rest of the
// package. The load runs in a child process with a time limit, so that a read that blocks (which
// stops the event loop, and a test's own timer with it) fails the test instead of hanging it.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { nodeBlockingFileSystem, nodeFileSystem } from '../../../server/src/node/fileSystem';
import type { LoadProblem } from '../../../server/src/semantics/load';
import { tempWorkspace } from '../../support/tempWorkspace';

const POSIX = process.platform !== 'win32' && existsSync('/dev/zero');

/** Loads `root` with the named Node file system in a child process; undefined when it did not finish in time. */
function loadInChild(fsName: 'nodeFileSystem' | 'nodeBlockingFileSystem', root: string): { main: string[]; problems: LoadProblem[] } | undefined {
  const script = `
    const { ${fsName}: fs } = require(${JSON.stringify(require.resolve('../../../server/src/node/fileSystem'))});
    const { loadUnit } = require(${JSON.stringify(require.resolve('../../../server/src/semantics/load'))});
    loadUnit(${JSON.stringify(root)}, { fs }).then((r) => {
      process.stdout.write(JSON.stringify({ main: r.input.main.map((f) => f.path), problems: r.problems }));
      process.exit(0);
    });`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 15_000 });
  return r.status === 0 ? JSON.parse(r.stdout) : undefined;
}

for (const fsName of ['nodeFileSystem', 'nodeBlockingFileSystem'] as const) {
  test(`${fsName} reports .wit entries that are not regular UTF-8 files and loads the rest`, { skip: !POSIX && 'needs mkfifo and /dev/zero', timeout: 30_000 }, async (t) => {
    const ws = tempWorkspace({ 'wit/app.wit': 'package demo:app;\n\ninterface api {\n  f: func();\n}\n' });
    t.after(() => ws.dispose());
    execFileSync('mkfifo', [ws.path('wit/pipe.wit')]);
    symlinkSync('/dev/zero', ws.path('wit/zero.wit'));
    writeFileSync(ws.path('wit/latin1.wit'), Buffer.from('package demo:app;\n// caf\xe9\n', 'latin1'));
    const server = createServer();
    await new Promise<void>((r) => server.listen(ws.path('wit/socket.wit'), r));
    t.after(() => server.close());

    const root = ws.path('wit');
    const loaded = loadInChild(fsName, root);
    assert.ok(loaded, 'the load did not finish within 15 s (a read blocked or never ended)');
    assert.deepEqual(loaded.main, [`${root}/app.wit`]);
    const byFile = Object.fromEntries(loaded.problems.map((p) => [p.path.slice(root.length + 1), p.message]));
    assert.deepEqual(Object.keys(byFile).sort(), ['latin1.wit', 'pipe.wit', 'socket.wit', 'zero.wit']);
    assert.match(byFile['pipe.wit'], /^cannot read .*pipe\.wit: a named pipe, not a regular file$/);
    assert.match(byFile['zero.wit'], /^cannot read .*zero\.wit: a device, not a regular file$/);
    assert.match(byFile['socket.wit'], /^cannot read .*socket\.wit: a socket or device that cannot be opened$/);
    assert.match(byFile['latin1.wit'], /^cannot read .*latin1\.wit: the file is not valid UTF-8$/);
  });
}

for (const [name, fs] of [['non-blocking', nodeFileSystem], ['blocking', nodeBlockingFileSystem]] as const) {
  test(`the ${name} file system reads regular files whole: empty, multi-byte and 3 MB`, async (t) => {
    const big = `package demo:big;\n\ninterface i {\n${'  // ünïcödé padding ✓ line\n'.repeat(110_000)}}\n`;
    const ws = tempWorkspace({ 'empty.wit': '', 'small.wit': 'package a:b; // ✓\n', 'big.wit': big });
    t.after(() => ws.dispose());
    assert.equal(await fs.readFile(ws.path('empty.wit')), '');
    assert.equal(await fs.readFile(ws.path('small.wit')), 'package a:b; // ✓\n');
    assert.ok(Buffer.byteLength(big) > 3_000_000);
    assert.equal(await fs.readFile(ws.path('big.wit')), big);
  });
}
