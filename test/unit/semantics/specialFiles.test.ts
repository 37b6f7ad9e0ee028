// Files named `.wit` that are not regular files: a named pipe (reading one would wait for a
// writer forever), a symlink to /dev/zero (a read that never ends), a socket, and a file that is
// not UTF-8. Both Node file systems must report each one clearly and load the rest of the
// package; the time limit turns a hang into a failure.

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { nodeBlockingFileSystem, nodeFileSystem } from '../../../server/src/node/fileSystem';
import { loadUnit } from '../../../server/src/semantics/load';
import { tempWorkspace } from '../../support/tempWorkspace';

const POSIX = process.platform !== 'win32' && existsSync('/dev/zero');

for (const [name, fs] of [['non-blocking', nodeFileSystem], ['blocking', nodeBlockingFileSystem]] as const) {
  test(`the ${name} file system reports .wit entries that are not regular UTF-8 files and loads the rest`, { skip: !POSIX && 'needs mkfifo and /dev/zero', timeout: 20_000 }, async (t) => {
    const ws = tempWorkspace({ 'wit/app.wit': 'package demo:app;\n\ninterface api {\n  f: func();\n}\n' });
    t.after(() => ws.dispose());
    execFileSync('mkfifo', [ws.path('wit/pipe.wit')]);
    // If a read did wait on the pipe, this writer ends the wait after a while, so that the test
    // fails (the pipe's text would load) instead of hanging; a correct read never opens it.
    const writer = spawn('sh', ['-c', 'sleep 3; printf "package demo:pipe;\\n" > "$0"', ws.path('wit/pipe.wit')], { stdio: 'ignore' });
    t.after(() => writer.kill('SIGKILL'));
    symlinkSync('/dev/zero', ws.path('wit/zero.wit'));
    writeFileSync(ws.path('wit/latin1.wit'), Buffer.from('package demo:app;\n// caf\xe9\n', 'latin1'));
    const server = createServer();
    await new Promise<void>((r) => server.listen(ws.path('wit/socket.wit'), r));
    t.after(() => server.close());

    const root = ws.path('wit');
    const { input, problems } = await loadUnit(root, { fs });
    assert.deepEqual(input.main.map((f) => f.path), [`${root}/app.wit`]);
    const byFile = Object.fromEntries(problems.map((p) => [p.path.slice(root.length + 1), p.message]));
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
