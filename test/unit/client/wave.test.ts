// WAVE call templates for `wasmtime run --invoke`, prefilled from a function's decoded type.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Entity, FuncType } from '../../../client/src/wasm/componentTypes';
import { firstArgumentSelection, invokeObstacle, waveCall, waveValue } from '../../../client/src/wave';

const prim = (name: string): Entity => ({ kind: 'prim', name } as Entity);
const person: Entity = { kind: 'named', name: 'person', target: { kind: 'record', fields: [{ name: 'name', type: prim('string') }, { name: 'title', type: { kind: 'option', inner: prim('string') } }] } };
const tone: Entity = { kind: 'named', name: 'tone', target: { kind: 'enum', names: ['casual', 'formal'] } };

test('placeholder values per type', () => {
  assert.equal(waveValue(prim('u32')), '0');
  assert.equal(waveValue(prim('f64')), '0.0');
  assert.equal(waveValue(prim('bool')), 'false');
  assert.equal(waveValue(prim('char')), "'a'");
  assert.equal(waveValue(prim('string')), '""');
  assert.equal(waveValue(person), '{name: "", title: none}');
  assert.equal(waveValue(tone), 'casual');
  assert.equal(waveValue({ kind: 'list', elem: prim('u8') }), '[]');
  assert.equal(waveValue({ kind: 'list', elem: prim('u8'), length: 3 }), '[0, 0, 0]');
  assert.equal(waveValue({ kind: 'tuple', items: [prim('s32'), prim('string')] }), '(0, "")');
  assert.equal(waveValue({ kind: 'result', ok: prim('u8') }), 'ok(0)');
  assert.equal(waveValue({ kind: 'variant', cases: [{ name: 'none-yet' }, { name: 'some', type: prim('u8') }] }), 'none-yet');
  assert.equal(waveValue({ kind: 'variant', cases: [{ name: 'ok', type: prim('u8') }] }), '%ok(0)');
  assert.equal(waveValue({ kind: 'flags', names: ['a'] }), '{}');
});

test('call templates and the first argument preselected', () => {
  const greet: FuncType = { kind: 'func', params: [{ name: 'who', type: person }, { name: 'tone', type: tone }], result: prim('string'), async: false };
  const call = waveCall('greet', greet);
  assert.equal(call, 'greet({name: "", title: none}, casual)');
  assert.deepEqual(firstArgumentSelection(call), [6, 29]);
  assert.equal(call.slice(6, 29), '{name: "", title: none}');
  assert.equal(firstArgumentSelection('version()'), undefined);
  assert.deepEqual(firstArgumentSelection('f("a,b", 2)'), [2, 7]);
});

test('resource handles cannot be written on a command line', () => {
  const f: FuncType = { kind: 'func', params: [{ name: 'g', type: { kind: 'borrow', resource: { kind: 'resource' } } }], async: false };
  assert.match(invokeObstacle(f)!, /parameter `g` is a resource handle/);
  assert.equal(invokeObstacle({ kind: 'func', params: [{ name: 'p', type: person }], async: false }), undefined);
});
