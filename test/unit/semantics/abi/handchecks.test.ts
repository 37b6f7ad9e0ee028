// The "Hand checks" of ../shared/abi/README.md, worked out from CanonicalABI.md, written as WIT
// and checked through the resolver; then the edge cases: huge fixed-size lists (never
// materialized), cyclic types, very deep chains of named types, exponentially large spellings,
// methods and constructors, the text renderings and the `type-too-large` diagnostic.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import {
  FLAT_KEEP, type FuncAbi, type Layout, checkTypeSizes, defLayout, funcSignatures, structuralType,
} from '../../../../server/src/semantics/abi';
import { defAbiMarkdown, defInlayText, fieldInlayTexts, funcAbiMarkdown, funcInlayText, layoutText } from '../../../../server/src/semantics/abiText';
import { checkUnit } from '../../../../server/src/semantics/check';
import { memoryFileSystem } from '../../../../server/src/semantics/fileSystem';
import { loadUnit } from '../../../../server/src/semantics/load';
import type { Func, Interface, TypeDef } from '../../../../server/src/semantics/model';
import { alias, mkDef, prim, record, ref } from './support';

async function resolveWit(body: string) {
  const fs = memoryFileSystem({ '/p/t.wit': `package t:t;\ninterface i {\n${body}\n}\n` });
  const { input } = await loadUnit('/p', { fs });
  const checked = checkUnit(input, { features: new Set(), allFeatures: false });
  const iface = checked.resolution.rootPackages[0].interfaces.get('i') as Interface;
  const diagnostics = [...checked.diagnostics.values()].flat();
  return { iface, diagnostics, def: (name: string) => iface.types.get(name) as TypeDef, func: (name: string) => iface.funcs.get(name) as Func };
}

function valid(l: ReturnType<typeof defLayout>): Layout {
  assert.ok(l.valid, !l.valid ? l.problem.message : '');
  return l;
}

function sigs(f: Func, ptr: 4 | 8 = 4): FuncAbi {
  const a = funcSignatures(f, ptr);
  assert.ok(a.valid, !a.valid ? a.problem.message : '');
  return a;
}

test('hand checks from the README', async () => {
  const w = await resolveWit(`
  record padded-d { a: u8, b: u32, c: u8, d: u64, e: u16 }
  variant v-string-u64 { a(string), b(u64) }
  variant v-tuple-mix2 { a(tuple<f32, f64>), b(tuple<u64>) }
  type result-f32-f64 = result<f32, f64>;
  type option-option-u8 = option<option<u8>>;
  record padded-b { a: u8, b: u16, c: u8 }
  type fixed-record = list<padded-b, 2>;
  params-17: func(p0: u32, p1: u32, p2: u32, p3: u32, p4: u32, p5: u32, p6: u32, p7: u32,
                  p8: u32, p9: u32, p10: u32, p11: u32, p12: u32, p13: u32, p14: u32, p15: u32, p16: u32);
  ret-tuple2: func() -> tuple<u32, u32>;
  async-5: async func(a: u32, b: u32, c: u32, d: u32, e: u32) -> u32;`);
  assert.deepEqual(w.diagnostics, []);

  const d = valid(defLayout(w.def('padded-d'), 4));
  assert.deepEqual(d.fields!.map((f) => f.offset), [0, 4, 8, 16, 24]);
  assert.equal(d.size, 32);
  assert.deepEqual(d.flat, ['i32', 'i32', 'i32', 'i64', 'i32']);

  const v = valid(defLayout(w.def('v-string-u64'), 4));
  assert.deepEqual([v.discriminant, v.payloadOffset, v.size, v.flat], ['u8', 8, 16, ['i32', 'i64', 'i32']]);

  const v2 = valid(defLayout(w.def('v-tuple-mix2'), 4));
  assert.deepEqual([v2.flat, v2.size], [['i32', 'i64', 'f64'], 24]);

  const r = valid(defLayout(w.def('result-f32-f64'), 4));
  assert.deepEqual([r.flat, r.size], [['i32', 'i64'], 16]);

  const oo = valid(defLayout(w.def('option-option-u8'), 4));
  assert.deepEqual([oo.size, oo.align, oo.flat], [3, 1, ['i32', 'i32', 'i32']]);

  const fr = valid(defLayout(w.def('fixed-record'), 4));
  assert.deepEqual([fr.size, fr.align, fr.flatCount, fr.length, fr.element!.size], [12, 2, 6, 2, 6]);

  const p17 = sigs(w.func('params-17'));
  assert.equal(p17.flatParamCount, 17);
  assert.ok(p17.paramsSpill);
  assert.deepEqual([p17.lift.params, p17.lower.params, p17.paramsTuple!.size], [['i32'], ['i32'], 68]);
  assert.deepEqual(sigs(w.func('params-17'), 8).lift.params, ['i64']);

  const t2 = sigs(w.func('ret-tuple2'));
  assert.deepEqual([t2.lift, t2.lower], [{ params: [], results: ['i32'] }, { params: ['i32'], results: [] }]);

  const a5 = sigs(w.func('async-5'));
  assert.deepEqual(a5.async!.lower, { params: ['i32', 'i32'], results: ['i32'] });
  assert.deepEqual(a5.async!.liftCallback, { params: ['i32', 'i32', 'i32', 'i32', 'i32'], results: ['i32'] });
  assert.deepEqual(a5.async!.taskReturn, { params: ['i32'], results: [] });
});

test('discriminants: 256 cases fit a u8, 257 need a u16; flags take 1, 2 or 4 bytes', async () => {
  const cases = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`).join(', ');
  const labels = (n: number) => Array.from({ length: n }, (_, i) => `f${i}`).join(', ');
  const w = await resolveWit(`enum e256 { ${cases(256)} }\nenum e257 { ${cases(257)} }\n` +
    [1, 8, 9, 16, 17, 32].map((n) => `flags f${n} { ${labels(n)} }`).join('\n'));
  assert.deepEqual([valid(defLayout(w.def('e256'), 4)).discriminant, valid(defLayout(w.def('e257'), 4)).discriminant], ['u8', 'u16']);
  assert.deepEqual([1, 8, 9, 16, 17, 32].map((n) => valid(defLayout(w.def(`f${n}`), 4)).size), [1, 1, 2, 2, 4, 4]);
  assert.deepEqual([1, 8, 9, 16, 17, 32].map((n) => valid(defLayout(w.def(`f${n}`), 4)).flat), Array(6).fill(['i32']));
});

test('huge fixed-size lists are computed arithmetically, never materialized', async () => {
  const w = await resolveWit(`
  type just-fits = list<u8, 268435455>;
  type too-big = list<u8, 268435456>;
  type wide = list<list<string, 1000>, 1000>;
  take: func(a: just-fits);`);
  const fits = valid(defLayout(w.def('just-fits'), 8));
  assert.equal(fits.size, 268435455);
  assert.equal(fits.flatCount, 268435455);
  assert.equal(fits.flat.length, FLAT_KEEP);
  const big = defLayout(w.def('too-big'), 4);
  assert.ok(!big.valid && big.problem.kind === 'too-large');
  assert.match(!big.valid ? big.problem.message : '', /268435456 >= 2\^28/);
  const wide = valid(defLayout(w.def('wide'), 8));
  assert.deepEqual([wide.size, wide.flatCount, wide.flat.length, wide.flat[1]], [16_000_000, 2_000_000, FLAT_KEEP, 'i64']);
  const take = sigs(w.func('take'));
  assert.deepEqual([take.flatParamCount, take.paramsSpill, take.lift.params], [268435455, true, ['i32']]);
  assert.match(layoutText(fits), /flat \(i32, i32, i32, i32, i32, i32, i32, i32, … 268435455 values\)/);
});

test('cyclic types are invalid ("cyclic"), and nothing loops or overflows', async () => {
  const w = await resolveWit(`
  type a = list<a>;
  record r { x: option<r> }
  type b = c;
  type c = b;
  variant v { x(w), y }
  record w { v: v }
  type uses-cycle = tuple<u8, r>;
  f: func(x: r) -> a;`);
  assert.ok(w.diagnostics.some((d) => d.code === 'type-cycle'), 'the resolver reports the cycles');
  for (const name of ['a', 'r', 'b', 'c', 'v', 'w', 'uses-cycle']) {
    const l = defLayout(w.def(name), 4);
    assert.ok(!l.valid, name);
    assert.equal(l.problem.kind, 'cyclic', name);
    assert.ok(structuralType({ kind: 'def', def: w.def(name) }).length < 200);
  }
  const f = funcSignatures(w.func('f'), 4);
  assert.ok(!f.valid && f.problem.kind === 'cyclic' && f.where === 'x');
  assert.match(defAbiMarkdown(w.def('r')), /invalid: type `r` refers to itself/);

  // Built by hand, without the resolver's help: a record whose field is a list of itself.
  const self = record('self', []);
  (self.body as { kind: 'record'; fields: { name: string; ty: unknown }[] }).fields.push({ name: 'x', ty: { kind: 'list', elem: ref(self) } });
  const l = defLayout(self, 8);
  assert.ok(!l.valid && l.problem.kind === 'cyclic');
});

test('a chain of 50,000 named types does not overflow the stack', () => {
  let prev = record('r0', [prim('u8')]);
  const first = prev;
  for (let i = 1; i < 50_000; i++) prev = i % 2 ? alias(`a${i}`, ref(prev)) : record(`r${i}`, [ref(prev)]);
  const l = valid(defLayout(prev, 4));
  assert.deepEqual([l.size, l.align, l.flat], [1, 1, ['i32']]);
  assert.deepEqual(valid(defLayout(first, 8)).flat, ['i32']);
  assert.ok(structuralType(ref(prev)).length < 10_000);
});

test('a chain of 100,000 options, each flattening one value longer, takes little memory', () => {
  // Each type keeps its flattening (up to FLAT_KEEP values): as arrays, the chain held billions
  // of them and a hover on its last type crashed the language server. In a child process with a
  // small heap, so that a regression fails here instead of taking the test run down.
  const script = `
    const { defLayout } = require(${JSON.stringify(require.resolve('../../../../server/src/semantics/abi'))});
    const { alias, ref, resource } = require(${JSON.stringify(require.resolve('./support'))});
    let prev = alias('h0', { kind: 'handle', own: true, resource: resource('r') });
    for (let i = 1; i <= 100000; i++) prev = alias('h' + i, { kind: 'option', inner: ref(prev) });
    const l = defLayout(prev, 4);
    console.log(JSON.stringify([l.size, l.flatCount, l.flat.length, l.flat[0], l.flat[4095]]));`;
  const r = spawnSync(process.execPath, ['--max-old-space-size=200', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr.slice(0, 500));
  assert.deepEqual(JSON.parse(r.stdout), [400004, 100001, FLAT_KEEP, 'i32', 'i32']);
});

test('types that double at each level: sizes stay exact, spellings stay short, too-large is caught', () => {
  let t = mkDef('t0', { kind: 'alias', target: prim('u64') });
  for (let i = 1; i <= 40; i++) t = alias(`t${i}`, { kind: 'tuple', items: [ref(t), ref(t)] });
  const l = defLayout(t, 4);
  assert.ok(!l.valid && l.problem.kind === 'too-large');
  // The problem is the first (innermost) named type over the bound: t25, 2^25 u64s.
  assert.match(!l.valid ? l.problem.message : '', /^elem_size under the i64 ABI is 268435456 >= 2\^28/);
  const spelled = structuralType(ref(t));
  assert.ok(spelled.length < 9000 && spelled.endsWith('…'), `${spelled.length} characters`);
});

test('methods take an implicit self: borrow<R>; constructors return own<R>', async () => {
  const w = await resolveWit(`
  resource blob {
    constructor(init: list<u8>);
    read: func(n: u32) -> list<u8>;
    merge: static func(a: borrow<blob>, b: borrow<blob>) -> blob;
  }`);
  const read = sigs(w.func('[method]blob.read'));
  assert.deepEqual(read.params.map((p) => p.name), ['self', 'n']);
  assert.deepEqual(read.flatParams, ['i32', 'i32']);
  assert.deepEqual(read.lower, { params: ['i32', 'i32', 'i32'], results: [] });
  const ctor = sigs(w.func('[constructor]blob'), 8);
  assert.deepEqual(ctor.lift, { params: ['i64', 'i64'], results: ['i32'] });
  assert.equal(valid(defLayout(w.def('blob'), 4)).shape, 'resource');
  assert.match(funcAbiMarkdown(w.func('[method]blob.read')), /lift `\(i32, i32\) -> i32` · lower `\(i32, i32, i32\) -> \(\)`/);
  assert.equal(funcInlayText(w.func('[static]blob.merge')), '(i32, i32) -> i32');
});

test('hover and inlay texts', async () => {
  const w = await resolveWit(`
  record padded-d { a: u8, b: u32, c: u8, d: u64, e: u16 }
  record named { s: string, n: u32 }
  variant v { a(string), b(u64) }`);
  const d = w.def('padded-d');
  assert.equal(layoutText(defLayout(d, 4)), 'size 32, align 8; offsets a@0 b@4 c@8 d@16 e@24; flat (i32, i32, i32, i64, i32); spills to memory: when returned (5 flat values > 1)');
  assert.equal(defInlayText(d), '32 B, align 8');
  assert.deepEqual(fieldInlayTexts(d).map((f) => f.text), ['@0', '@4', '@8', '@16', '@24']);
  assert.equal(defAbiMarkdown(d), '**Canonical ABI**: size 32, align 8 · flat `(i32, i32, i32, i64, i32)`  \noffsets a@0 b@4 c@8 d@16 e@24  \nspills to memory: when returned (5 flat values > 1)');
  assert.match(defAbiMarkdown(w.def('named')), /memory64: size 24, align 8 · flat `\(i64, i64, i32\)`$/);
  assert.match(layoutText(defLayout(w.def('v'), 4)), /^size 16, align 8; discriminant u8, payload @8; flat \(i32, i64, i32\)/);
});

test('type-too-large: reported once at the type that is too large, and at anonymous types in signatures', async () => {
  const body = `
  type too-big = list<list<u64, 65536>, 65536>;
  record holds { x: too-big }
  type in-list = list<too-big>;
  record anon { x: list<list<u64, 65536>, 65536>, y: u8 }
  type fine = list<u8, 268435455>;
  f: func(a: list<list<u64, 65536>, 65536>, b: too-big) -> option<list<u8, 268435456>>;
  g: func(a: fine) -> list<list<u64, 65536>>;`;
  const w = await resolveWit(body);
  const source = `package t:t;\ninterface i {\n${body}\n}\n`;
  const found: { at: string; message: string }[] = [];
  checkTypeSizes(w.iface.types.values(), w.iface.funcs.values(), (_file, code, range, message) => {
    assert.equal(code, 'type-too-large');
    found.push({ at: source.slice(range.start, range.end), message });
  });
  assert.deepEqual(found.map((f) => f.at), ['too-big', 'anon', 'list<list<u64, 65536>, 65536>', 'option<list<u8, 268435456>>']);
  assert.match(found[0].message, /^type `too-big` takes 34359738368 bytes \(2\^35\) in memory with 64-bit pointers; component validation requires less than 2\^28 \(268435456\)$/);
  assert.match(found[1].message, /^type `anon` takes/);
  assert.match(found[2].message, /^the type of parameter `a` takes 34359738368 bytes/);
  assert.match(found[3].message, /^the result type of `f` takes 268435457 bytes/);
});
