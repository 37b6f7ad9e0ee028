// Test helpers for the ABI tests: resolved-model objects built by hand (so random types need no
// parsing), random type generation over them, their WIT spelling for a round trip through the
// checker, and a deliberately naive transcription of the spec's `despecialize`, `alignment`,
// `elem_size` and `flatten_type` (no memo, no truncation, lists materialized) to compare with.

import type { PrimName } from '../../../../server/src/semantics/hir';
import type { Interface, Ty, TypeBody, TypeDef } from '../../../../server/src/semantics/model';
import type { Rng } from '../../../support/random';

// ------------------------------------------------------------------ model objects

const RANGE = { start: 0, end: 0 };

const OWNER = { kind: 'interface', name: 'gen', types: new Map(), funcs: new Map() } as unknown as Interface;

export function mkDef(name: string, body: TypeBody): TypeDef {
  return {
    kind: 'typedef', name, owner: OWNER, loc: { file: '/gen/gen.wit', nameRange: RANGE, range: RANGE },
    hir: { name, nameRange: RANGE } as unknown as TypeDef['hir'], stability: { kind: 'unknown' }, active: true, body,
  };
}

export const prim = (name: PrimName): Ty => ({ kind: 'prim', name });
export const ref = (def: TypeDef): Ty => ({ kind: 'def', def });
export const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ name: `${prefix}${i}`, nameRange: RANGE }));
export const record = (name: string, tys: Ty[]) => mkDef(name, { kind: 'record', fields: tys.map((ty, i) => ({ name: `f${i}`, ty, nameRange: RANGE })) });
export const variant = (name: string, tys: (Ty | undefined)[]) => mkDef(name, { kind: 'variant', cases: tys.map((ty, i) => ({ name: `c${i}`, ty, nameRange: RANGE })) });
const enumDef = (name: string, n: number) => mkDef(name, { kind: 'enum', cases: names('c', n) });
const flagsDef = (name: string, n: number) => mkDef(name, { kind: 'flags', flags: names('f', n) });
export const alias = (name: string, target: Ty) => mkDef(name, { kind: 'alias', target });
export const resource = (name: string) => mkDef(name, { kind: 'resource', funcs: [] });

// ------------------------------------------------------------------ random types

const PRIMS: PrimName[] = ['bool', 's8', 'u8', 's16', 'u16', 's32', 'u32', 's64', 'u64', 'f32', 'f64', 'char', 'string', 'error-context'];
const MAP_KEYS: PrimName[] = ['bool', 'u8', 'u16', 'u32', 'u64', 's8', 's16', 's32', 's64', 'char', 'string'];

/** Generates random nested types; named definitions are kept in `defs` (in dependency order) and reused. */
export class TypeGen {
  readonly defs: TypeDef[] = [];
  private readonly resources: TypeDef[] = [];
  private named = 0;

  constructor(readonly r: Rng, readonly maxFlags = 32) {}

  private name(): string {
    return `d${this.named++}`;
  }

  private define(def: TypeDef): Ty {
    this.defs.push(def);
    return ref(def);
  }

  private resourceDef(): TypeDef {
    if (this.resources.length === 0 || this.r.int(4) === 0) {
      const d = resource(this.name());
      this.defs.push(d);
      this.resources.push(d);
    }
    return this.r.pick(this.resources);
  }

  private many(depth: number, min: number, max: number): Ty[] {
    return Array.from({ length: min + this.r.int(max - min + 1) }, () => this.ty(depth - 1));
  }

  ty(depth: number): Ty {
    const r = this.r;
    const leaf = depth <= 0 || r.int(10) < 3;
    if (leaf) {
      const k = r.int(20);
      if (k < 14) return prim(r.pick(PRIMS));
      if (k === 14 && this.defs.length > 0) return ref(r.pick(this.defs));
      if (k === 15) return this.define(enumDef(this.name(), r.pick([1, 2, 3, 255, 256, 257, 300])));
      if (k === 16) return this.define(flagsDef(this.name(), 1 + r.int(this.maxFlags)));
      if (k === 17) return { kind: 'handle', own: r.int(2) === 0, resource: this.resourceDef() };
      if (k === 18) return ref(this.resourceDef());
      return r.int(2) ? { kind: 'future' } : { kind: 'stream', inner: prim(r.pick(PRIMS.filter((p) => p !== 'char'))) };
    }
    switch (r.int(12)) {
      case 0: return this.define(record(this.name(), this.many(depth, 1, 5)));
      case 1: return this.define(variant(this.name(), this.many(depth, 1, 5).map((t) => (r.int(3) === 0 ? undefined : t))));
      case 2: return { kind: 'tuple', items: this.many(depth, 1, 4) };
      case 3: return { kind: 'option', inner: this.ty(depth - 1) };
      case 4: {
        const form = r.int(4);
        return { kind: 'result', ok: form & 1 ? this.ty(depth - 1) : undefined, err: form & 2 ? this.ty(depth - 1) : undefined };
      }
      case 5: return { kind: 'list', elem: this.ty(depth - 1) };
      case 6: return { kind: 'list', elem: this.ty(depth - 1), length: 1 + r.int(r.int(4) === 0 ? 40 : 5) };
      case 7: return { kind: 'map', key: prim(r.pick(MAP_KEYS)), value: this.ty(depth - 1) };
      case 8: return this.define(alias(this.name(), this.ty(depth - 1)));
      case 9: return { kind: 'future', inner: this.ty(depth - 1) };
      case 10: return this.define(variant(this.name(), [this.ty(depth - 1), this.ty(depth - 1)]));
      default: return this.define(record(this.name(), this.many(depth, 1, 3)));
    }
  }
}

// ------------------------------------------------------------------ WIT spelling of generated types

/** The WIT declaration of a generated definition. */
export function declaration(def: TypeDef, spell: (t: Ty) => string): string {
  const b = def.body;
  switch (b.kind) {
    case 'record': return `record ${def.name} { ${b.fields.map((f) => `${f.name}: ${spell(f.ty)}`).join(', ')} }`;
    case 'variant': return `variant ${def.name} { ${b.cases.map((c) => (c.ty ? `${c.name}(${spell(c.ty)})` : c.name)).join(', ')} }`;
    case 'enum': return `enum ${def.name} { ${b.cases.map((c) => c.name).join(', ')} }`;
    case 'flags': return `flags ${def.name} { ${b.flags.map((c) => c.name).join(', ')} }`;
    case 'alias': return `type ${def.name} = ${spell(b.target)};`;
    case 'resource': return `resource ${def.name};`;
    default: throw new Error(`cannot declare ${b.kind}`);
  }
}

// ------------------------------------------------------------------ the spec, transcribed naively

export type SpecType =
  | { k: 'prim'; name: PrimName }
  | { k: 'list'; t: SpecType; len?: number }
  | { k: 'record'; fields: SpecType[] }
  | { k: 'variant'; cases: (SpecType | null)[] }
  | { k: 'flags'; n: number }
  | { k: 'handle' };

/** `despecialize` applied all the way down, with named types expanded. */
export function despecialize(ty: Ty): SpecType {
  switch (ty.kind) {
    case 'prim': return { k: 'prim', name: ty.name };
    case 'def': {
      const b = ty.def.body;
      switch (b.kind) {
        case 'alias': return despecialize(b.target);
        case 'use': return despecialize(ref(b.target!));
        case 'record': return { k: 'record', fields: b.fields.map((f) => despecialize(f.ty)) };
        case 'variant': return { k: 'variant', cases: b.cases.map((c) => (c.ty ? despecialize(c.ty) : null)) };
        case 'enum': return { k: 'variant', cases: b.cases.map(() => null) };
        case 'flags': return { k: 'flags', n: b.flags.length };
        case 'resource': return { k: 'handle' };
      }
      throw new Error('unreachable');
    }
    case 'tuple': return { k: 'record', fields: ty.items.map(despecialize) };
    case 'option': return { k: 'variant', cases: [null, despecialize(ty.inner)] };
    case 'result': return { k: 'variant', cases: [ty.ok ? despecialize(ty.ok) : null, ty.err ? despecialize(ty.err) : null] };
    case 'map': return { k: 'list', t: { k: 'record', fields: [despecialize(ty.key), despecialize(ty.value)] } };
    case 'list': return { k: 'list', t: despecialize(ty.elem), len: ty.length };
    case 'handle':
    case 'future':
    case 'stream': return { k: 'handle' };
    case 'error': throw new Error('error type');
  }
}

const PRIM_SIZE: Record<string, number> = { bool: 1, s8: 1, u8: 1, s16: 2, u16: 2, s32: 4, u32: 4, s64: 8, u64: 8, f32: 4, f64: 8, char: 4, 'error-context': 4 };

function discriminantType(n: number): number {
  switch (Math.ceil(Math.log2(n) / 8)) {
    case 0: return 1;
    case 1: return 1;
    case 2: return 2;
    default: return 4;
  }
}

function maxCaseAlignment(cases: (SpecType | null)[], p: number): number {
  let a = 1;
  for (const c of cases) if (c) a = Math.max(a, specAlignment(c, p));
  return a;
}

export function specAlignment(t: SpecType, p: number): number {
  switch (t.k) {
    case 'prim': return t.name === 'string' ? p : PRIM_SIZE[t.name];
    case 'list': return t.len !== undefined ? specAlignment(t.t, p) : p;
    case 'record': return t.fields.reduce((a, f) => Math.max(a, specAlignment(f, p)), 1);
    case 'variant': return Math.max(discriminantType(t.cases.length), maxCaseAlignment(t.cases, p));
    case 'flags': return t.n <= 8 ? 1 : t.n <= 16 ? 2 : 4;
    case 'handle': return 4;
  }
}

const alignUp = (ptr: number, a: number) => Math.ceil(ptr / a) * a;

export function specSize(t: SpecType, p: number): number {
  switch (t.k) {
    case 'prim': return t.name === 'string' ? 2 * p : PRIM_SIZE[t.name];
    case 'list': return t.len !== undefined ? t.len * specSize(t.t, p) : 2 * p;
    case 'record': {
      let s = 0;
      for (const f of t.fields) {
        s = alignUp(s, specAlignment(f, p));
        s += specSize(f, p);
      }
      return alignUp(s, specAlignment(t, p));
    }
    case 'variant': {
      let s = discriminantType(t.cases.length);
      s = alignUp(s, maxCaseAlignment(t.cases, p));
      let cs = 0;
      for (const c of t.cases) if (c) cs = Math.max(cs, specSize(c, p));
      return alignUp(s + cs, specAlignment(t, p));
    }
    case 'flags': return t.n <= 8 ? 1 : t.n <= 16 ? 2 : 4;
    case 'handle': return 4;
  }
}

const specJoin = (a: string, b: string) => (a === b ? a : (a === 'i32' && b === 'f32') || (a === 'f32' && b === 'i32') ? 'i32' : 'i64');

export function specFlatten(t: SpecType, p: number): string[] {
  const pt = p === 4 ? 'i32' : 'i64';
  switch (t.k) {
    case 'prim':
      if (t.name === 'string') return [pt, pt];
      if (t.name === 's64' || t.name === 'u64') return ['i64'];
      if (t.name === 'f32' || t.name === 'f64') return [t.name];
      return ['i32'];
    case 'list': {
      if (t.len === undefined) return [pt, pt];
      const one = specFlatten(t.t, p);
      const out: string[] = [];
      for (let i = 0; i < t.len; i++) out.push(...one);
      return out;
    }
    case 'record': return t.fields.flatMap((f) => specFlatten(f, p));
    case 'variant': {
      const flat: string[] = [];
      for (const c of t.cases) {
        if (!c) continue;
        specFlatten(c, p).forEach((ft, i) => {
          if (i < flat.length) flat[i] = specJoin(flat[i], ft);
          else flat.push(ft);
        });
      }
      return ['i32', ...flat];
    }
    case 'flags':
    case 'handle': return ['i32'];
  }
}

/** Whether pointer-sized values occur anywhere in the type (strings, unbounded lists, maps). */
export function hasPointers(t: SpecType): boolean {
  switch (t.k) {
    case 'prim': return t.name === 'string';
    case 'list': return t.len === undefined || hasPointers(t.t);
    case 'record': return t.fields.some(hasPointers);
    case 'variant': return t.cases.some((c) => c !== null && hasPointers(c));
    default: return false;
  }
}
