// Seeded random nested types (records, variants, tuples, options, results, lists, fixed lists,
// flags, enums, maps, handles, futures, aliases), built as resolved-model objects: each layout
// must satisfy the spec's invariants, equal a naive transcription of the spec, and agree with
// what the checker resolves from the same types written as WIT. SEED=<n> replays a run.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Layout, type PtrSize, FLAT_KEEP, typeLayout, writtenType } from '../../../../server/src/semantics/abi';
import { checkUnit } from '../../../../server/src/semantics/check';
import { memoryFileSystem } from '../../../../server/src/semantics/fileSystem';
import { loadUnit } from '../../../../server/src/semantics/load';
import type { Ty } from '../../../../server/src/semantics/model';
import { rng } from '../../../support/random';
import { TypeGen, declaration, despecialize, hasPointers, specAlignment, specFlatten, specSize } from './support';

const COUNT = 2500;

function layoutOf(ty: Ty, ptr: PtrSize): Layout {
  const l = typeLayout(ty, ptr);
  assert.ok(l.valid, `valid: ${!l.valid && l.problem.message}`);
  return l;
}

function flatCountOf(ty: Ty): number {
  return layoutOf(ty, 4).flatCount;
}

/** The structural invariants of one layout. */
function checkInvariants(l: Layout, where: string): void {
  assert.ok([1, 2, 4, 8].includes(l.align), `${where}: alignment ${l.align} is a power of two <= 8`);
  assert.equal(l.size % l.align, 0, `${where}: size ${l.size} is a multiple of alignment ${l.align}`);
  assert.ok(l.size > 0, `${where}: size is positive`);
  assert.equal(l.flat.length, Math.min(l.flatCount, FLAT_KEEP), `${where}: flat list length`);
  if (l.fields) {
    let end = 0;
    let sum = 0;
    for (const f of l.fields) {
      assert.ok(f.offset >= end, `${where}: field ${f.name} at ${f.offset} does not overlap the previous one (ends at ${end})`);
      assert.equal(f.offset % f.align, 0, `${where}: field ${f.name} is aligned`);
      assert.ok(f.align <= l.align, `${where}: field alignment within the record's`);
      end = f.offset + f.size;
      sum += flatCountOf(f.ty);
    }
    assert.ok(end <= l.size, `${where}: fields fit in the size`);
    assert.equal(l.flatCount, sum, `${where}: a record's flat length is the sum of its fields'`);
  }
  if (l.discriminant) {
    const d = l.discriminant === 'u8' ? 1 : l.discriminant === 'u16' ? 2 : 4;
    assert.ok(l.payloadOffset! >= d, `${where}: payload after the discriminant`);
    assert.ok(l.caseCount! > 0);
    if (l.cases) {
      let max = 0;
      for (const c of l.cases) {
        if (!c.ty) continue;
        assert.equal(l.payloadOffset! % c.align!, 0, `${where}: payload offset aligned for case ${c.name}`);
        assert.ok(l.payloadOffset! + c.size! <= l.size, `${where}: case ${c.name} fits`);
        max = Math.max(max, flatCountOf(c.ty));
      }
      assert.equal(l.flatCount, 1 + max, `${where}: a variant's flat length is 1 + the longest case's`);
    } else assert.equal(l.flatCount, 1, `${where}: an enum is one i32`);
  }
  if (l.shape === 'fixed-list') {
    assert.equal(l.size, l.length! * l.element!.size, `${where}: fixed list size`);
    assert.equal(l.align, l.element!.align, `${where}: fixed list alignment`);
  }
  if (l.shape === 'list' || l.shape === 'map' || l.shape === 'string') assert.equal(l.flatCount, 2, `${where}: pointer and length`);
  if (l.shape === 'flags' || l.shape === 'own' || l.shape === 'borrow' || l.shape === 'future' || l.shape === 'stream') {
    assert.deepEqual(l.flat, ['i32'], `${where}: one i32`);
  }
}

test(`${COUNT} random types: invariants, the spec transcribed naively, wasm32 against wasm64`, () => {
  const r = rng();
  const gen = new TypeGen(r);
  const shapes = new Map<string, number>();
  let withPointers = 0;
  for (let i = 0; i < COUNT; i++) {
    const ty = gen.ty(1 + r.int(5));
    const where = `#${i} ${writtenType(ty)} (seed ${r.seed})`;
    const l32 = layoutOf(ty, 4);
    const l64 = layoutOf(ty, 8);
    shapes.set(l32.shape, (shapes.get(l32.shape) ?? 0) + 1);
    checkInvariants(l32, where);
    checkInvariants(l64, `${where} (wasm64)`);

    const spec = despecialize(ty);
    for (const [l, p] of [[l32, 4], [l64, 8]] as const) {
      assert.equal(l.size, specSize(spec, p), `${where}: size (ptr ${p})`);
      assert.equal(l.align, specAlignment(spec, p), `${where}: alignment (ptr ${p})`);
      const flat = specFlatten(spec, p);
      assert.equal(l.flatCount, flat.length, `${where}: flat count (ptr ${p})`);
      assert.deepEqual(l.flat, flat.slice(0, FLAT_KEEP), `${where}: flat (ptr ${p})`);
    }

    // Only pointers differ: without them the layouts are the same; with them, the flat count is
    // the same and each core type is either unchanged or widened to i64.
    assert.equal(l64.flatCount, l32.flatCount, `${where}: flat count does not depend on pointer size`);
    if (hasPointers(spec)) {
      withPointers++;
      assert.ok(l64.size >= l32.size && l64.align >= l32.align, `${where}: wasm64 is not smaller`);
      l64.flat.forEach((t, k) => assert.ok(t === l32.flat[k] || t === 'i64', `${where}: flat[${k}] ${l32.flat[k]} -> ${t}`));
    } else {
      assert.deepEqual({ size: l64.size, align: l64.align, flat: l64.flat, fields: l64.fields?.map((f) => f.offset), payload: l64.payloadOffset },
        { size: l32.size, align: l32.align, flat: l32.flat, fields: l32.fields?.map((f) => f.offset), payload: l32.payloadOffset },
        `${where}: no pointers, same layout`);
    }
  }
  console.log(`# abi properties: seed ${r.seed}, ${COUNT} random types (${withPointers} with pointers), ${gen.defs.length} named definitions; shapes ${[...shapes].sort().map(([k, v]) => `${k} ${v}`).join(', ')}`);
});

test('flags with more than 32 labels make every type containing them invalid, and nothing else does', () => {
  const r = rng();
  const gen = new TypeGen(r, 40);
  let invalid = 0;
  for (let i = 0; i < 1000; i++) {
    const ty = gen.ty(1 + r.int(4));
    const l = typeLayout(ty, 4);
    const spec = despecialize(ty);
    const big = (t: ReturnType<typeof despecialize>): boolean =>
      t.k === 'flags' ? t.n > 32 : t.k === 'list' ? big(t.t) : t.k === 'record' ? t.fields.some(big) : t.k === 'variant' ? t.cases.some((c) => c !== null && big(c)) : false;
    // future<T> payloads are not in `despecialize` (a handle), but an invalid payload still invalidates.
    if (big(spec)) assert.equal(l.valid, false, `#${i} ${writtenType(ty)} is invalid`);
    if (!l.valid) {
      invalid++;
      assert.match(l.problem.message, /^flags type with (3[3-9]|40) labels/);
    }
  }
  console.log(`# abi properties: seed ${r.seed}, ${invalid} of 1000 random types invalid through flags > 32`);
});

test('random types written as WIT and resolved by the checker have the same layouts', async () => {
  const r = rng((Number(process.env.SEED ?? 0x5eed) + 1) >>> 0);
  const gen = new TypeGen(r);
  const tops: Ty[] = [];
  for (let i = 0; i < 300; i++) tops.push(gen.ty(1 + r.int(4)));
  const lines = ['package gen:rand;', 'interface gen {', ...gen.defs.map((d) => `  ${declaration(d, writtenType)}`),
    ...tops.map((t, i) => `  type t${i} = ${writtenType(t)};`), '}', ''];
  const fs = memoryFileSystem({ '/p/gen.wit': lines.join('\n') });
  const { input } = await loadUnit('/p', { fs });
  const { resolution, diagnostics } = checkUnit(input, { features: new Set(), allFeatures: false });
  const problems = [...diagnostics.values()].flat().filter((d) => d.code !== 'case-insensitive-duplicate');
  assert.deepEqual(problems.map((d) => `${d.code}: ${d.message}`), [], 'the generated WIT checks cleanly');
  const iface = resolution.rootPackages[0].interfaces.get('gen')!;
  tops.forEach((t, i) => {
    const def = iface.types.get(`t${i}`)!;
    for (const p of [4, 8] as const) {
      const want = layoutOf(t, p);
      const got = layoutOf({ kind: 'def', def }, p);
      assert.deepEqual({ size: got.size, align: got.align, flat: got.flat, shape: got.shape, fields: got.fields?.map((f) => f.offset), payload: got.payloadOffset },
        { size: want.size, align: want.align, flat: want.flat, shape: want.shape, fields: want.fields?.map((f) => f.offset), payload: want.payloadOffset },
        `t${i} = ${writtenType(t)} (ptr ${p}, seed ${r.seed})`);
    }
  });
  console.log(`# abi properties: seed ${r.seed}, 300 random types round-tripped through WIT (${gen.defs.length} definitions)`);
});
