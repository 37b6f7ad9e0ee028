// The editor (trees kept) and the command line (no trees) check a file with the same syntax
// errors, including those that depend on an item's place in the file, and so report the same.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkUnit } from '../../../server/src/semantics/check';
import { memoryFileSystem } from '../../../server/src/semantics/fileSystem';
import { NO_FEATURES } from '../../../server/src/semantics/gates';
import { loadUnit } from '../../../server/src/semantics/load';
import { SourceCache } from '../../../server/src/semantics/sources';

async function codes(retainTrees: boolean, text: string): Promise<string[]> {
  const { input } = await loadUnit('/p', { fs: memoryFileSystem({ '/p/a.wit': text }), cache: new SourceCache({ retainTrees }) });
  return (checkUnit(input, NO_FEATURES).diagnostics.get('/p/a.wit') ?? []).map((d) => d.code);
}

test('a misplaced package header is one syntax error in both paths, without a missing-header error', async () => {
  const text = 'interface x {}\npackage a:b;\n';
  const editor = await codes(true, text);
  assert.deepEqual(editor, ['misplaced-package']);
  assert.deepEqual(await codes(false, text), editor);
});
