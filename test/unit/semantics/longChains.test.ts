// Long chains that recursion would not survive: packages that each use the next (nested in one
// file), interfaces that each use the next, worlds that each include the next. Each must check
// without overflowing the call stack, and a chain closed into a circle must give one cycle error;
// handles to the end of a long chain of aliases must not each walk the chain afresh; a type nested
// past the limit gives one nesting error and nothing besides.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from '../../../server/src/base/diagnostic';
import { checkUnit } from '../../../server/src/semantics/check';
import { memoryFileSystem } from '../../../server/src/semantics/fileSystem';
import { loadUnit } from '../../../server/src/semantics/load';

async function diagnosticsOf(text: string): Promise<Diagnostic[]> {
  const { input } = await loadUnit('/p/a.wit', { fs: memoryFileSystem({ '/p/a.wit': text }) });
  return [...checkUnit(input, { features: new Set(), allFeatures: false }, false).diagnostics.values()].flat();
}

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

test('5,000 nested packages, each using the next: no stack overflow; closed into a circle, one cycle error', async () => {
  const n = 5000;
  const chain = Array.from({ length: n }, (_, k) => `package a:b${k} { interface i { use a:b${k + 1}/i.{t}; } }\n`).join('');
  const open = `package r:oot;\ninterface x { use a:b0/i.{t}; }\n${chain}package a:b${n} { interface i { type t = u8; } }\n`;
  assert.deepEqual(await diagnosticsOf(open), []);
  const closed = `package r:oot;\ninterface x { use a:b0/i.{t}; }\n${chain}package a:b${n} { interface i { use a:b0/i.{t}; } }\n`;
  const ds = await diagnosticsOf(closed);
  assert.deepEqual(ds.map((d) => d.code), ['package-cycle']);
  // Packages are visited in name order from a:b0, so the circle closes at a:b0's use of a:b1.
  assert.deepEqual([lineOf(closed, ds[0].start), closed.slice(ds[0].start, ds[0].end)], [3, 'a:b1']);
});

test('20,000 interfaces each using the next, and 20,000 worlds each including the next', async () => {
  const n = 20000;
  const ifaces = Array.from({ length: n }, (_, k) => `interface i${k + 1} { use i${k}.{t}; }\n`).join('');
  assert.deepEqual(await diagnosticsOf(`package a:b;\n${ifaces}interface i0 { type t = u8; }\n`), []);
  const worlds = Array.from({ length: n }, (_, k) => `world w${k + 1} { include w${k}; }\n`).join('');
  assert.deepEqual(await diagnosticsOf(`package a:b;\n${worlds}world w0 { import f: func(); }\n`), []);
});

test('20,000 handles to the end of a chain of 20,000 aliases: each checked, a non-resource one reported', async () => {
  const n = 20000;
  const chain = (base: string) => Array.from({ length: n }, (_, k) => `  type ${base}${k + 1} = ${base}${k};\n`).join('');
  const funcs = Array.from({ length: n }, (_, k) => `  fn${k}: func(x: borrow<r${n}>) -> own<r${n}>;\n`).join('');
  const text = `package a:b;\ninterface i {\n  resource r0;\n${chain('r')}  type n0 = u32;\n${chain('n')}${funcs}  g: func(x: borrow<n${n}>);\n}\n`;
  const ds = await diagnosticsOf(text);
  assert.deepEqual(ds.map((d) => `${d.code} ${text.slice(d.start, d.end)}`), [`handle-not-resource n${n}`]);
});

test('types nested 99 deep check clean; 100 deep give one nesting error per type and nothing besides', async () => {
  const deep = (depth: number, open: string) => `${open.repeat(depth)}u8${'>'.repeat(depth)}`;
  const nested = (depth: number, open: string) => `package a:b;\ninterface i {\n  type t = ${deep(depth, open)};\n}\n`;
  for (const open of ['option<', 'list<', 'tuple<u8, ', 'result<u8, ']) {
    // wit-parser accepts 99 levels and rejects 100 ("type nesting too deep").
    assert.deepEqual(await diagnosticsOf(nested(99, open)), [], open);
    // The innermost tuple and result have two elements too deep: still one error.
    assert.deepEqual((await diagnosticsOf(nested(100, open))).map((d) => d.code), ['nesting-too-deep'], open);
  }
  // Two types too deep are two errors.
  const two = `package a:b;\ninterface i {\n  type t = ${deep(100, 'tuple<u8, ')};\n  f: func(x: ${deep(100, 'list<')});\n}\n`;
  assert.deepEqual((await diagnosticsOf(two)).map((d) => d.code), ['nesting-too-deep', 'nesting-too-deep']);
});
