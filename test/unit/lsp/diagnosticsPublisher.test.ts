// The diagnostics publisher under checks that finish out of order and files that change units:
// what the client last received must be what the newest check of each file says.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as lsp from 'vscode-languageserver';
import { DiagnosticsPublisher } from '../../../server/src/lsp/diagnosticsPublisher';
import { fileUriToPath, pathToFileUri } from '../../../server/src/lsp/runtime';
import { Session } from '../../../server/src/lsp/session';
import { memoryFileSystem } from '../../../server/src/semantics/fileSystem';
import type { UnitResult } from '../../../server/src/semantics/workspace';
import { parse } from '../../../server/src/syntax';

const GOOD = 'package a:b;\ninterface i { f: func(); }\n';
const BROKEN = 'package a:b;\ninterface j { g: func() }\n';

/** A publisher whose connection records, per URI, the diagnostics the client holds. */
function setup(files: Record<string, string>) {
  const held = new Map<string, lsp.Diagnostic[]>();
  const connection = { sendDiagnostics: async (p: lsp.PublishDiagnosticsParams) => void held.set(p.uri, p.diagnostics) };
  const session = new Session(connection as unknown as lsp.Connection, {
    fs: memoryFileSystem(files), uriToPath: fileUriToPath, pathToUri: pathToFileUri, isOnDisk: () => true,
  });
  return { held, session, publisher: new DiagnosticsPublisher(session) };
}

test('an older check of a unit that finishes late does not clear a newer one\'s diagnostics', async () => {
  const { held, session, publisher } = setup({ '/ws/wit/a.wit': GOOD });
  const before = await session.workspace.check('/ws/wit');
  // broken.wit appears on disk and is opened: the newer check covers it.
  session.workspace.setOverlay('/ws/wit/broken.wit', BROKEN, parse(BROKEN), true);
  session.documents.open('file:///ws/wit/broken.wit', 1, BROKEN);
  const after: UnitResult = await session.workspace.check('/ws/wit');
  assert.ok(after.revision > before.revision);
  publisher.publish(after);
  assert.equal(held.get('file:///ws/wit/broken.wit')?.length, 1);
  // The first indexing's result, computed before broken.wit existed, arrives last.
  publisher.publish(before);
  assert.equal(held.get('file:///ws/wit/broken.wit')?.length, 1, 'the stale result cleared the file');
});

test('a file that moved to another unit is cleared only by the unit that holds it now', async () => {
  const { held, session, publisher } = setup({ '/ws/wit/a.wit': GOOD });
  const uri = 'file:///ws/other/broken.wit';
  const single: UnitResult = {
    ...(await session.workspace.check('/ws/wit')),
    root: '/ws/other/broken.wit', revision: 100,
    input: { root: '/ws/other/broken.wit', main: [], deps: [] },
    diagnostics: new Map([['/ws/other/broken.wit', [{ code: 'expected-token', start: 0, end: 1, message: 'x', severity: 'error' }]]]),
  } as UnitResult;
  publisher.publish(single);
  const folder = { ...single, root: '/ws/other', revision: 101 } as UnitResult;
  publisher.publish(folder);
  // The single-file unit is checked again without the file: it must leave the folder's diagnostics alone.
  publisher.publish({ ...single, revision: 102, diagnostics: new Map() } as UnitResult);
  assert.equal(held.get(uri)?.length, 1);
  // The folder unit itself dropping the file does clear it.
  publisher.publish({ ...folder, revision: 103, diagnostics: new Map() } as UnitResult);
  assert.deepEqual(held.get(uri), []);
});
