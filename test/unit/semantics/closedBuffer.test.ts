// A buffer that is closed right after being saved (VS Code does this with files a rename edited
// in the background) must be checked from the saved text, even when the file watcher reports
// the save later: the disk text read before the buffer was opened is stale by then.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryFileSystem } from '../../../server/src/semantics/fileSystem';
import { Workspace } from '../../../server/src/semantics/workspace';
import { parse } from '../../../server/src/syntax';

const OPTIONS = { features: new Set<string>(), allFeatures: false };

test('closing a buffer saved meanwhile checks the saved text, before any file event', async () => {
  const files: Record<string, string> = {
    '/ws/world.wit': 'package demo:app;\n\nworld app {\n  export greetings;\n}\n',
    '/ws/greetings.wit': 'package demo:app;\n\ninterface greetings {\n  hello: func() -> string;\n}\n',
  };
  const ws = new Workspace(memoryFileSystem(files), OPTIONS);
  await ws.scanFolder('/ws');
  assert.deepEqual([...(await ws.check('/ws')).diagnostics.values()].flat(), []);

  // A rename: greetings.wit is open and edited; world.wit is edited in a buffer of its own,
  // saved and closed.
  const greetings = files['/ws/greetings.wit'].replace('interface greetings', 'interface salutations');
  const world = files['/ws/world.wit'].replace('export greetings;', 'export salutations;');
  ws.setOverlay('/ws/greetings.wit', greetings, parse(greetings), true);
  ws.setOverlay('/ws/world.wit', world, parse(world), true);
  files['/ws/world.wit'] = world;
  ws.removeOverlay('/ws/world.wit');

  const after = await ws.check('/ws');
  assert.deepEqual([...after.diagnostics.values()].flat().map((d) => d.message), []);
});
