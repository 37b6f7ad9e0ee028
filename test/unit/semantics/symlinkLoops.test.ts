// Symlinks under deps/ that go in a circle: one back to the package (the package would be its
// own dependency) and one to itself (the operating system reports a loop when it is followed).
// Both Node file systems (the server's non-blocking one and the command line's blocking one)
// must load the rest of the package and report each loop clearly (wit-parser rejects both), not
// fail on the whole folder.

import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { test } from 'node:test';
import { nodeBlockingFileSystem, nodeFileSystem } from '../../../server/src/node/fileSystem';
import { loadUnit } from '../../../server/src/semantics/load';
import { tempWorkspace } from '../../support/tempWorkspace';

for (const [name, fs] of [['non-blocking', nodeFileSystem], ['blocking', nodeBlockingFileSystem]] as const) {
  test(`the ${name} file system loads a package whose deps/ holds symlink loops`, async (t) => {
    const ws = tempWorkspace({
      'wit/app.wit': 'package demo:app;\n\ninterface api {\n  use demo:log/sink.{level};\n}\n',
      'wit/deps/log/sink.wit': 'package demo:log;\n\ninterface sink {\n  enum level { info }\n}\n',
    });
    t.after(() => ws.dispose());
    symlinkSync('..', ws.path('wit/deps/up'));
    symlinkSync('itself', ws.path('wit/deps/itself'));
    const root = ws.path('wit');
    const { input, problems } = await loadUnit(root, { fs });
    assert.deepEqual(input.main.map((f) => f.path), [`${root}/app.wit`]);
    assert.deepEqual(input.deps.map((d) => d.path), [`${root}/deps/log`]);
    assert.deepEqual(problems.map((p) => p.path), [`${root}/deps/itself`, `${root}/deps/up`], JSON.stringify(problems));
    // wit-parser fails on both: it cannot tell what `itself` is, and `up` makes the package its own dependency.
    assert.match(problems[0].message, /a symlink that cannot be followed \(its target is missing, or it leads back to itself\)$/);
    assert.match(problems[1].message, /is a symlink to .*, which contains this package: a deps\/ symlink loop/);
  });
}
