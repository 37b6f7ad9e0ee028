// Incremental reparsing must give exactly the tree and errors of a full parse: random edits
// (typing, deleting, pasting, comment markers, braces) on corpus files, compared after each one.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SyntaxTree, TextEdit, debugDump, parse, reparse, reparseStats } from '../../../server/src/syntax';
import { rng } from '../../support/random';
import { SHARED, SHARED_MISSING, filesUnder, sharedAvailable } from '../../support/shared';

const TYPED = [
  'a', 'b-c', ' ', '\n', '{', '}', '(', ')', '<', '>', ';', ':', ',', '/*', '*/', '//', '///', '"',
  'interface x {', 'world w {', 'package a:b;', 'package q:r {', 'record r { a: u32 }', 'use a.{b};',
  'f: func();', '@since(version = 1.0.0)', '%', '\r\n', 'type t = u8;',
];

function sameTree(actual: SyntaxTree, expected: SyntaxTree, context: string): void {
  assert.equal(actual.text, expected.text, context);
  if (actual.green !== expected.green) assert.equal(debugDump(actual.green), debugDump(expected.green), context);
  assert.deepEqual(actual.errors, expected.errors, context);
}

test('random edits: incremental reparse equals a full parse', { skip: !sharedAvailable() && SHARED_MISSING }, () => {
  const r = rng();
  const files = filesUnder(join(SHARED, 'conformance', 'wasi', 'packages')).concat(
    filesUnder(join(SHARED, 'conformance', 'wit-parser', 'tests', 'ui')),
  ).map((f) => readFileSync(f, 'utf8')).filter((t) => t.length < 30_000);
  const before = { ...reparseStats };
  let edits = 0;
  for (let session = 0; session < 300; session++) {
    let tree = parse(r.pick(files));
    for (let step = 0; step < 20; step++) {
      const len = tree.text.length;
      const start = r.int(len + 1);
      const kind = r.int(3);
      const end = kind === 0 ? start : Math.min(len, start + r.int(kind === 1 ? 3 : 60));
      const newText = kind === 1 && r.next() < 0.5 ? '' : r.pick(TYPED);
      const edit: TextEdit = { start, end, newText };
      const next = reparse(tree, edit);
      const full = parse(next.text);
      sameTree(next, full, `session ${session}, step ${step} (seed ${r.seed}): edit ${JSON.stringify(edit)}`);
      tree = next;
      edits++;
    }
  }
  const incremental = reparseStats.incremental - before.incremental;
  console.log(`# incremental: ${edits} random edits (seed ${r.seed}) equal a full parse; ${incremental} reparsed item-wise, ${reparseStats.full - before.full} fell back to a full parse`);
  assert.ok(incremental > edits * 0.6, 'most edits should be reparsed incrementally');
});

test('typing inside one item reuses every other item node', () => {
  const items = Array.from({ length: 50 }, (_, i) => `interface i${i} {\n  f: func(a: u32) -> u32;\n}\n`);
  const text = 'package a:b;\n\n' + items.join('\n');
  const tree = parse(text);
  const at = text.indexOf('f: func', text.indexOf('interface i25')) + 'f: func(a'.length;
  const next = reparse(tree, { start: at, end: at, newText: 'bc' });
  const oldNodes = new Set(tree.green.children);
  const reused = next.green.children.filter((c) => oldNodes.has(c)).length;
  assert.equal(next.text, text.slice(0, at) + 'bc' + text.slice(at));
  assert.ok(reused >= next.green.children.length - 3, `only ${reused} of ${next.green.children.length} children reused`);
  sameTree(next, parse(next.text), 'typing in i25');
});

test('an unterminated comment or a removed brace falls back to an equivalent parse', () => {
  const text = 'package a:b;\ninterface a {}\ninterface b {}\ninterface c {}\n';
  const tree = parse(text);
  const comment = reparse(tree, { start: text.indexOf('interface b'), end: text.indexOf('interface b'), newText: '/*' });
  sameTree(comment, parse(comment.text), 'open comment');
  const brace = text.indexOf('{}', text.indexOf('interface b')) + 1;
  const unclosed = reparse(tree, { start: brace, end: brace + 1, newText: '' });
  sameTree(unclosed, parse(unclosed.text), 'removed brace');
});
