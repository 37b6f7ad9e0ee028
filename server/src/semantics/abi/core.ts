// The Canonical ABI's `elem_size`, `alignment` and `flatten_type` for resolved WIT types, with the
// spec's validity bounds, memoized per TypeDef and pointer size (4 for wasm32, 8 for memory64).

import { type Ty, type TypeDef, chainEnd, nextUnderlying } from '../model';

export type PtrSize = 4 | 8;
export type CoreType = 'i32' | 'i64' | 'f32' | 'f64';
export type IntRepr = 'u8' | 'u16' | 'u32';

export const MAX_FLAT_PARAMS = 16;
export const MAX_FLAT_ASYNC_PARAMS = 4;
export const MAX_FLAT_RESULTS = 1;
/** Component validation requires `elem_size(t, 'i64') < 2^28` for every value type. */
export const MAX_TYPE_SIZE = 2 ** 28;
export const MAX_FLAGS = 32;
/**
 * How many flat core types are kept per type. `list<u8, 268435455>` is valid and flattens to
 * 268M values, so beyond this only the count is exact; anything this long spills anyway.
 */
export const FLAT_KEEP = 4096;

/**
 * A flattening: the exact count, and its core types coded one character each (CODE_OF), at least
 * the first `min(count, FLAT_KEEP)` of them (coreTypesOf decodes them).
 *
 * Codes are kept in strings rather than arrays because every named type keeps its flattening, and
 * a chain of types that each add a value (`type h2 = option<h1>`, ...) would otherwise hold a
 * quadratic number of them: 100k such types took 4 GB and crashed. Appending to a string shares
 * the string appended to, so the chain holds a few bytes per type; the codes are cut back to
 * FLAT_KEEP only once they pass twice that, so that cutting (which copies) happens rarely.
 */
export interface Flat {
  count: number;
  codes: string;
}

const CODE_OF: Record<CoreType, string> = { i32: 'i', i64: 'I', f32: 'f', f64: 'F' };
const TYPE_OF: Record<string, CoreType> = { i: 'i32', I: 'i64', f: 'f32', F: 'f64' };

/** The kept core types of a flattening: its first `min(count, FLAT_KEEP)`. */
export function coreTypesOf(flat: Flat): CoreType[] {
  const n = Math.min(flat.codes.length, FLAT_KEEP);
  const out: CoreType[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = TYPE_OF[flat.codes[i]];
  return out;
}

function flatOf(...types: CoreType[]): Flat {
  return { count: types.length, codes: types.map((t) => CODE_OF[t]).join('') };
}

/** Codes cut back to FLAT_KEEP once they are more than twice as long (see Flat). */
function kept(codes: string): string {
  return codes.length > 2 * FLAT_KEEP ? codes.slice(0, FLAT_KEEP) : codes;
}

export type ProblemKind = 'too-many-flags' | 'too-large' | 'cyclic' | 'unresolved' | 'empty' | 'zero-length';

/** Why the spec gives a type no layout. */
export interface AbiProblem {
  kind: ProblemKind;
  message: string;
}

/** What every type has: its size, alignment and flattening, or the first problem found in it. */
export interface Sized {
  size: number;
  align: number;
  flat: Flat;
  problem?: AbiProblem;
}

export const ptrCore = (ptr: PtrSize): CoreType => (ptr === 4 ? 'i32' : 'i64');

export function alignTo(n: number, align: number): number {
  return Math.ceil(n / align) * align;
}

/** `discriminant_type`: the smallest unsigned integer that numbers `n` cases. */
export function discriminantOf(n: number): IntRepr {
  // ceil(log2(n) / 8) bytes, with 0 bytes meaning u8.
  if (n <= 256) return 'u8';
  if (n <= 65536) return 'u16';
  return 'u32';
}

export const intSize = (r: IntRepr): number => (r === 'u8' ? 1 : r === 'u16' ? 2 : 4);

/** The representation of `flags` with n labels (valid for 1..32). */
export function flagsReprOf(n: number): IntRepr {
  return n <= 8 ? 'u8' : n <= 16 ? 'u16' : 'u32';
}

export function join(a: CoreType, b: CoreType): CoreType {
  if (a === b) return a;
  if ((a === 'i32' && b === 'f32') || (a === 'f32' && b === 'i32')) return 'i32';
  return 'i64';
}

/** `join` on codes. */
function joinCodes(a: string, b: string): string {
  return CODE_OF[join(TYPE_OF[a], TYPE_OF[b])];
}

// ------------------------------------------------------------------ flat sequences

export function flatConcat(parts: readonly Flat[]): Flat {
  let count = 0;
  let codes = '';
  for (const p of parts) {
    count += p.count;
    // Once the kept prefix is full, later parts only add to the count.
    if (codes.length < FLAT_KEEP) codes += p.codes;
  }
  return { count, codes: kept(codes) };
}

/** `flatten_type(t) * n` without materializing n copies. */
export function flatRepeat(f: Flat, n: number): Flat {
  const copies = f.codes.length === 0 ? 0 : Math.min(n, Math.ceil(FLAT_KEEP / f.codes.length));
  return { count: f.count * n, codes: kept(f.codes.repeat(copies)) };
}

/** The payload part of `flatten_variant`: position-wise join of the cases' flattenings. */
export function flatJoinCases(cases: readonly (Flat | undefined)[]): Flat {
  const present = cases.filter((c): c is Flat => c !== undefined);
  // One payload (every option, most results) is its own join: share its codes.
  if (present.length === 1) return present[0];
  let count = 0;
  let codes = '';
  for (const c of present) {
    count = Math.max(count, c.count);
    let joined = '';
    const n = Math.max(codes.length, c.codes.length);
    for (let i = 0; i < n; i++) {
      joined += i >= codes.length ? c.codes[i] : i >= c.codes.length ? codes[i] : joinCodes(codes[i], c.codes[i]);
    }
    codes = joined;
  }
  return { count, codes };
}

// ------------------------------------------------------------------ problems

export function problem(kind: ProblemKind, message: string): AbiProblem {
  return { kind, message };
}

export function flagsProblem(n: number): AbiProblem {
  return n === 0
    ? problem('empty', 'flags type with no labels: the spec requires at least one (definitions.py alignment_flags asserts `0 < n`)')
    : problem('too-many-flags', `flags type with ${n} labels: the current spec allows at most ${MAX_FLAGS} (Binary.md \`0 < |l*| <= 32\`; definitions.py alignment_flags asserts)`);
}

export function tooLargeProblem(size: number): AbiProblem {
  return problem('too-large', `elem_size under the i64 ABI is ${size} >= 2^28 (Explainer.md: defvaltype size bound)`);
}

const UNRESOLVED = problem('unresolved', 'the type did not resolve (see the error reported where it is written)');

// ------------------------------------------------------------------ sizes of type shapes

const i32Flat: Flat = flatOf('i32');

const scalar = (size: number, core: CoreType): Sized => ({ size, align: size, flat: flatOf(core) });

const PRIMS: Record<string, Sized> = {
  bool: scalar(1, 'i32'), s8: scalar(1, 'i32'), u8: scalar(1, 'i32'),
  s16: scalar(2, 'i32'), u16: scalar(2, 'i32'), s32: scalar(4, 'i32'), u32: scalar(4, 'i32'),
  s64: scalar(8, 'i64'), u64: scalar(8, 'i64'), f32: scalar(4, 'f32'), f64: scalar(8, 'f64'),
  char: scalar(4, 'i32'), 'error-context': scalar(4, 'i32'),
};

/** own, borrow, future, stream and error-context values are all i32 table indices. */
export const HANDLE: Sized = { size: 4, align: 4, flat: i32Flat };

/** A string or an unbounded list: a pointer and a length. */
export function pointerPair(ptr: PtrSize): Sized {
  const t = ptrCore(ptr);
  return { size: 2 * ptr, align: ptr, flat: flatOf(t, t) };
}

function firstProblem(parts: readonly (Sized | undefined)[]): AbiProblem | undefined {
  for (const p of parts) if (p?.problem) return p.problem;
  return undefined;
}

/** Record and tuple layout (`elem_size_record`, `alignment_record`, `flatten_record`). */
export function recordSized(fields: readonly Sized[], what: 'record' | 'tuple' = 'record'): Sized {
  let s = 0;
  let align = 1;
  for (const f of fields) {
    s = alignTo(s, f.align) + f.size;
    align = Math.max(align, f.align);
  }
  const problem_ = firstProblem(fields)
    ?? (fields.length === 0 ? problem('empty', `${what} with no fields: the spec requires at least one (elem_size_record asserts \`s > 0\`)`) : undefined);
  return withProblem({ size: alignTo(s, align), align, flat: flatConcat(fields.map((f) => f.flat)) }, problem_);
}

/** Where a variant's parts go: the discriminant, then every payload at one aligned offset. */
export interface VariantShape {
  discriminant: IntRepr;
  payloadOffset: number;
  maxCaseAlign: number;
  maxCaseSize: number;
}

export function variantShape(cases: readonly (Sized | undefined)[]): VariantShape {
  const discriminant = discriminantOf(cases.length);
  let maxCaseAlign = 1;
  let maxCaseSize = 0;
  for (const c of cases) {
    if (!c) continue;
    maxCaseAlign = Math.max(maxCaseAlign, c.align);
    maxCaseSize = Math.max(maxCaseSize, c.size);
  }
  return { discriminant, payloadOffset: alignTo(intSize(discriminant), maxCaseAlign), maxCaseAlign, maxCaseSize };
}

/** Variant layout (`elem_size_variant`, `alignment_variant`, `flatten_variant`); undefined = no payload. */
export function variantSized(cases: readonly (Sized | undefined)[]): Sized {
  const v = variantShape(cases);
  const align = Math.max(intSize(v.discriminant), v.maxCaseAlign);
  const flat = flatConcat([i32Flat, flatJoinCases(cases.map((c) => c?.flat))]);
  const problem_ = firstProblem(cases)
    ?? (cases.length === 0 ? problem('empty', 'variant with no cases: the spec requires at least one (discriminant_type asserts `0 < n`)') : undefined);
  return withProblem({ size: alignTo(v.payloadOffset + v.maxCaseSize, align), align, flat }, problem_);
}

/** An enum is a variant without payloads; no need to build n empty cases. */
export function enumSized(n: number): Sized {
  const d = intSize(discriminantOf(n));
  const base: Sized = { size: d, align: d, flat: i32Flat };
  return n === 0 ? withProblem(base, problem('empty', 'enum with no cases: the spec requires at least one (discriminant_type asserts `0 < n`)')) : base;
}

export function flagsSized(n: number): Sized {
  if (n >= 1 && n <= MAX_FLAGS) return scalar(intSize(flagsReprOf(n)), 'i32');
  return withProblem(legacyFlagsSized(n), flagsProblem(n));
}

/** What wit-parser (FlagsRepr::U32(ceil(n/32))) still computes for more than 32 flags. */
export function legacyFlagsSized(n: number): Sized {
  if (n <= MAX_FLAGS) return scalar(intSize(flagsReprOf(Math.max(n, 1))), 'i32');
  const words = Math.ceil(n / 32);
  return { size: 4 * words, align: 4, flat: flatRepeat(i32Flat, words) };
}

export function fixedListSized(elem: Sized, length: number): Sized {
  const base: Sized = { size: length * elem.size, align: elem.align, flat: flatRepeat(elem.flat, length) };
  const p = elem.problem ?? (length === 0 ? problem('zero-length', 'fixed-size list of length 0: the spec requires a length of at least 1') : undefined);
  return withProblem(base, p);
}

function withProblem(s: Sized, p: AbiProblem | undefined): Sized {
  return p ? { ...s, problem: p } : s;
}

// ------------------------------------------------------------------ memoized computation

const memo: Record<PtrSize, WeakMap<TypeDef, Sized>> = { 4: new WeakMap(), 8: new WeakMap() };
const underlyingMemo = new WeakMap<TypeDef, TypeDef>();
const useTargetMemo = new WeakMap<TypeDef, TypeDef>();

/**
 * underlyingDef, remembered per definition as the layouts are: a report over a chain of 100k
 * aliases would otherwise walk the rest of the chain from each of them.
 */
export function abiUnderlying(def: TypeDef): TypeDef {
  return chainEnd(def, nextUnderlying, underlyingMemo);
}

/** Where a chain of `use`s (only) ends, remembered the same way. */
export function abiUseTarget(def: TypeDef): TypeDef {
  return chainEnd(def, (d) => (d.body.kind === 'use' ? d.body.target : undefined), useTargetMemo);
}

/** Size, alignment, flattening and first problem of a type. Under ptr 8, sizes of 2^28 or more are problems. */
export function sized(ty: Ty, ptr: PtrSize): Sized {
  const r = sizedShallow(ty, ptr);
  return ptr === 8 && !r.problem && r.size >= MAX_TYPE_SIZE ? { ...r, problem: tooLargeProblem(r.size) } : r;
}

function sizedShallow(ty: Ty, ptr: PtrSize): Sized {
  switch (ty.kind) {
    case 'prim':
      return ty.name === 'string' ? pointerPair(ptr) : PRIMS[ty.name];
    case 'def':
      return defSized(ty.def, ptr);
    case 'handle':
      return HANDLE;
    case 'future':
    case 'stream':
      // The payload is not stored in the handle, but an invalid payload still makes the type invalid.
      return ty.inner ? withProblem(HANDLE, sized(ty.inner, ptr).problem) : HANDLE;
    case 'list': {
      const elem = sized(ty.elem, ptr);
      if (ty.length === undefined) return withProblem(pointerPair(ptr), elem.problem);
      return fixedListSized(elem, ty.length);
    }
    case 'map': {
      const entry = recordSized([sized(ty.key, ptr), sized(ty.value, ptr)], 'tuple');
      return withProblem(pointerPair(ptr), entry.problem);
    }
    case 'option':
      return variantSized([undefined, sized(ty.inner, ptr)]);
    case 'result':
      return variantSized([ty.ok && sized(ty.ok, ptr), ty.err && sized(ty.err, ptr)]);
    case 'tuple':
      return recordSized(ty.items.map((t) => sized(t, ptr)), 'tuple');
    case 'error':
      return withProblem(HANDLE, UNRESOLVED);
  }
}

/** The memoized layout of a named type; a resource stands for `own<resource>`. */
export function defSized(def: TypeDef, ptr: PtrSize): Sized {
  const known = memo[ptr].get(def);
  if (known) return known;
  computeInOrder(def, ptr);
  return memo[ptr].get(def)!;
}

/** The named types a definition's layout depends on (handles need no layout of their resource). */
export function defDeps(def: TypeDef): TypeDef[] {
  const out: TypeDef[] = [];
  const walk = (t: Ty | undefined): void => {
    if (!t) return;
    switch (t.kind) {
      case 'def': out.push(t.def); break;
      case 'list': walk(t.elem); break;
      case 'map': walk(t.key); walk(t.value); break;
      case 'option': walk(t.inner); break;
      case 'result': walk(t.ok); walk(t.err); break;
      case 'tuple': t.items.forEach(walk); break;
      case 'future':
      case 'stream': walk(t.inner); break;
      default: break;
    }
  };
  const b = def.body;
  switch (b.kind) {
    case 'alias': walk(b.target); break;
    case 'use': if (b.target) out.push(b.target); break;
    case 'record': for (const f of b.fields) walk(f.ty); break;
    case 'variant': for (const c of b.cases) walk(c.ty); break;
    default: break;
  }
  return out;
}

/**
 * Computes `def` and every definition it depends on, dependencies first, with an explicit stack:
 * a chain of thousands of named types must not overflow the call stack, and a cycle (which the
 * resolver reports) must end as a `cyclic` problem instead of looping.
 */
function computeInOrder(root: TypeDef, ptr: PtrSize): void {
  const done = memo[ptr];
  const stack: { def: TypeDef; deps: TypeDef[]; next: number }[] = [];
  const onStack = new Set<TypeDef>();
  const cyclic = new Set<TypeDef>();
  const push = (def: TypeDef) => {
    stack.push({ def, deps: defDeps(def), next: 0 });
    onStack.add(def);
  };
  push(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next < top.deps.length) {
      const dep = top.deps[top.next++];
      if (done.has(dep)) continue;
      if (onStack.has(dep)) {
        // Every definition from `dep` up to here is on the cycle.
        for (let k = stack.length - 1; k >= 0; k--) {
          cyclic.add(stack[k].def);
          if (stack[k].def === dep) break;
        }
        continue;
      }
      push(dep);
      continue;
    }
    stack.pop();
    onStack.delete(top.def);
    done.set(top.def, cyclic.has(top.def) ? cyclicSized(top.def) : computeDef(top.def, ptr));
  }
}

function cyclicSized(def: TypeDef): Sized {
  return withProblem({ size: 0, align: 1, flat: flatOf() },
    problem('cyclic', `type \`${def.name}\` refers to itself, so it has no Canonical ABI layout`));
}

/** One definition, its dependencies already memoized. */
function computeDef(def: TypeDef, ptr: PtrSize): Sized {
  const b = def.body;
  let r: Sized;
  switch (b.kind) {
    case 'alias': r = sized(b.target, ptr); break;
    case 'use': r = b.target ? defSized(b.target, ptr) : withProblem(HANDLE, UNRESOLVED); break;
    case 'record': r = recordSized(b.fields.map((f) => sized(f.ty, ptr))); break;
    case 'variant': r = variantSized(b.cases.map((c) => c.ty && sized(c.ty, ptr))); break;
    case 'enum': r = enumSized(b.cases.length); break;
    case 'flags': r = flagsSized(b.flags.length); break;
    case 'resource': r = HANDLE; break;
  }
  return ptr === 8 && !r.problem && r.size >= MAX_TYPE_SIZE ? { ...r, problem: tooLargeProblem(r.size) } : r;
}

/** Why the spec rejects a type (checked with 64-bit pointers, where sizes are largest), if it does. */
export function validity(ty: Ty): AbiProblem | undefined {
  return sized(ty, 8).problem;
}

export function defValidity(def: TypeDef): AbiProblem | undefined {
  return defSized(def, 8).problem;
}
