// An edited file's old texts must not stay alive: every name of 13 or more characters that V8
// slices from a text is a view that keeps the whole text, so nothing that outlives a version (the
// token intern table above all) may hold such a slice. This types a fresh long name into a 60 KB
// file 400 times, keeping only the newest tree, and measures what the heap keeps afterwards.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parse, reparse } from '../../../server/src/syntax';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

test('edits do not keep old versions of the text alive', () => {
  let text = 'package a:b;\n';
  for (let i = 0; text.length < 60_000; i++) {
    text += `\ninterface api-${i} {\n  record entry {\n    key: string,\n    value: list<u8>,\n  }\n  get: func(key: string) -> option<entry>;\n}\n`;
  }
  let tree = parse(text);
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let v = 0; v < 400; v++) {
    // Rename one field to a new 14-character name, in another interface each time.
    const fields = [...tree.text.matchAll(/(key|k\d{13}): string,/g)];
    const m = fields[(v * 37) % fields.length];
    tree = reparse(tree, { start: m.index!, end: m.index! + m[1].length, newText: `k${String(v).padStart(13, '0')}` });
  }
  gc();
  gc();
  const grownMB = (process.memoryUsage().heapUsed - before) / 1048576;
  // 400 retained versions would be 24 MB; one live tree and its text are well under 5.
  assert.ok(grownMB < 5, `the heap grew by ${grownMB.toFixed(1)} MB`);
});
