// The Canonical ABI layout view's data and the ABI inlay hints, over fixtures.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { abiInlayHints } from '../../../../server/src/ide/abiInlayHints';
import { layoutViewAt } from '../../../../server/src/ide/abiLayoutView';
import { analyzeFixture } from '../../../support/fixture';

const RECORD = `package demo:abi;
interface t {
  record pad$0ded { a: u8, b: u32, c: u8, d: u64, e: u16 }
  variant shape { circle(f64), square(u32), none }
  f: func(p: padded) -> shape;
}`;

test('a record shows every field and every padding gap, covering its size', async () => {
  const fx = await analyzeFixture(RECORD);
  const v = layoutViewAt(fx.analysis, fx.offset);
  assert.ok(v && v.kind === 'type');
  assert.equal(v.size, 32);
  assert.equal(v.align, 8);
  assert.deepEqual(v.spans.map((s) => `${s.label}@${s.offset}+${s.size}`), [
    'a@0+1', 'padding@1+3', 'b@4+4', 'c@8+1', 'padding@9+7', 'd@16+8', 'e@24+2', 'padding@26+6',
  ]);
  assert.equal(v.spans.reduce((n, s) => n + s.size, 0), v.size);
});

test('a variant shows its discriminant and payload; a field of it leads to the variant', async () => {
  const fx = await analyzeFixture(RECORD.replace('pad$0ded', 'padded').replace('shape {', 'sh$0ape {'));
  const v = layoutViewAt(fx.analysis, fx.offset);
  assert.ok(v && v.kind === 'type');
  assert.deepEqual(v.spans.map((s) => `${s.kind}@${s.offset}+${s.size}`), ['discriminant@0+1', 'padding@1+7', 'payload@8+8']);
  assert.equal(v.notes.length, 3);
});

test('a function shows its lift and lower signatures', async () => {
  const fx = await analyzeFixture(RECORD.replace('pad$0ded', 'padded').replace('  f: func', '  $0f: func'));
  const v = layoutViewAt(fx.analysis, fx.offset);
  assert.ok(v && v.kind === 'function');
  assert.equal(v.lift, '(i32, i32, i32, i64, i32) -> i32');
  assert.equal(v.lower, '(i32, i32, i32, i64, i32, i32) -> ()');
});

test('ABI inlay hints: sizes after type names, offsets after fields', async () => {
  const fx = await analyzeFixture(RECORD);
  const hints = abiInlayHints(fx.analysis, { start: 0, end: fx.files['/wit/main.wit'].length });
  const labels = hints.map((h) => h.label);
  assert.ok(labels.includes('32 B, align 8'), labels.join(' | '));
  assert.ok(labels.includes('@16'), labels.join(' | '));
});
