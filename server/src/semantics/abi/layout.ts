// The detailed Canonical ABI layout of one type, as a hover or the `abi` command shows it: size,
// alignment and flattening plus field offsets, discriminant and payload offset, flags
// representation, list element or map entry layout, for wasm32 or memory64 pointers.

import type { Ty, TypeDef } from '../model';
import {
  type AbiProblem, type CoreType, type IntRepr, type PtrSize, type Sized, abiUnderlying, abiUseTarget, alignTo, defSized, defValidity,
  coreTypesOf, discriminantOf, flagsReprOf, intSize, sized, validity, variantShape,
} from './core';

/** What a type is at the ABI level, after following names and aliases. */
export type LayoutShape =
  | 'prim' | 'string' | 'record' | 'tuple' | 'variant' | 'enum' | 'option' | 'result' | 'flags'
  | 'list' | 'fixed-list' | 'map' | 'own' | 'borrow' | 'resource' | 'future' | 'stream' | 'error-context';

export interface FieldLayout {
  /** The field name; tuple items are named "0", "1", ... as `despecialize` names them. */
  name: string;
  ty: Ty;
  offset: number;
  size: number;
  align: number;
}

export interface CaseLayout {
  name: string;
  index: number;
  /** Undefined for a case without payload. */
  ty?: Ty;
  size?: number;
  align?: number;
  flat?: CoreType[];
}

export interface ElementLayout {
  ty: Ty;
  size: number;
  align: number;
}

export interface Layout {
  valid: true;
  ptr: PtrSize;
  shape: LayoutShape;
  size: number;
  align: number;
  /** `flatten_type`, cut after FLAT_KEEP entries; `flatCount` is always exact. */
  flat: CoreType[];
  flatCount: number;
  /** Records and tuples (aliases included), in memory order. */
  fields?: FieldLayout[];
  /** Variants, enums, options and results. */
  discriminant?: IntRepr;
  payloadOffset?: number;
  caseCount?: number;
  /** Variants, options and results (not enums: they have no payloads). */
  cases?: CaseLayout[];
  flagCount?: number;
  flagsRepr?: IntRepr;
  /** Lists, fixed-size lists and maps (whose element is `tuple<K, V>`). */
  element?: ElementLayout;
  length?: number;
  /** Maps: the key and value offsets inside an entry. */
  entryFields?: FieldLayout[];
}

export interface Invalid {
  valid: false;
  problem: AbiProblem;
}

const MAX_ALIAS_STEPS = 10_000;

/** Follows names and aliases to the structural type, or the definition that gives the shape. */
export function shapeOf(ty: Ty): Ty | TypeDef {
  let cur: Ty = ty;
  for (let i = 0; i < MAX_ALIAS_STEPS && cur.kind === 'def'; i++) {
    const d = abiUnderlying(cur.def);
    if (d.body.kind === 'alias' && d.body.target.kind !== 'def') cur = d.body.target;
    else return d; // a record, variant, ...; or, for a cycle or an unresolved `use`, where it stops
  }
  return cur;
}

/** The layout of a type with 4-byte (wasm32) or 8-byte (memory64) pointers. */
export function typeLayout(ty: Ty, ptr: PtrSize): Layout | Invalid {
  const problem = validity(ty);
  if (problem) return { valid: false, problem };
  return detail(ty, sized(ty, ptr), ptr);
}

/** The layout of a named type; a resource is described by its handle, `own<R>`. */
export function defLayout(def: TypeDef, ptr: PtrSize): Layout | Invalid {
  const problem = defValidity(def);
  if (problem) return { valid: false, problem };
  const named = abiUseTarget(def);
  const l = detail({ kind: 'def', def }, defSized(def, ptr), ptr);
  // The resource declaration itself (not a type naming it, which means `own<R>`).
  return named.body.kind === 'resource' ? { ...l, shape: 'resource' } : l;
}

function detail(ty: Ty, s: Sized, ptr: PtrSize): Layout {
  const base = { valid: true as const, ptr, size: s.size, align: s.align, flat: coreTypesOf(s.flat), flatCount: s.flat.count };
  const shape = shapeOf(ty);
  if ('body' in shape) {
    const b = shape.body;
    switch (b.kind) {
      case 'record':
        return { ...base, shape: 'record', fields: fieldsOf(b.fields.map((f) => ({ name: f.name, ty: f.ty })), ptr) };
      case 'variant':
        return { ...base, shape: 'variant', ...casesOf(b.cases.map((c) => ({ name: c.name, ty: c.ty })), ptr) };
      case 'enum': {
        const discriminant = discriminantOf(b.cases.length);
        return { ...base, shape: 'enum', discriminant, payloadOffset: intSize(discriminant), caseCount: b.cases.length };
      }
      case 'flags':
        return { ...base, shape: 'flags', flagCount: b.flags.length, flagsRepr: flagsReprOf(b.flags.length) };
      case 'resource':
        return { ...base, shape: 'own' };
      default:
        return { ...base, shape: 'prim' }; // not reached: problems are returned before
    }
  }
  switch (shape.kind) {
    case 'prim':
      return { ...base, shape: shape.name === 'string' ? 'string' : shape.name === 'error-context' ? 'error-context' : 'prim' };
    case 'tuple':
      return { ...base, shape: 'tuple', fields: fieldsOf(shape.items.map((t, i) => ({ name: String(i), ty: t })), ptr) };
    case 'option':
      return { ...base, shape: 'option', ...casesOf([{ name: 'none' }, { name: 'some', ty: shape.inner }], ptr) };
    case 'result':
      return { ...base, shape: 'result', ...casesOf([{ name: 'ok', ty: shape.ok }, { name: 'error', ty: shape.err }], ptr) };
    case 'list': {
      const e = sized(shape.elem, ptr);
      const element = { ty: shape.elem, size: e.size, align: e.align };
      return shape.length === undefined
        ? { ...base, shape: 'list', element }
        : { ...base, shape: 'fixed-list', element, length: shape.length };
    }
    case 'map': {
      const entry: Ty = { kind: 'tuple', items: [shape.key, shape.value] };
      const e = sized(entry, ptr);
      return {
        ...base, shape: 'map', element: { ty: entry, size: e.size, align: e.align },
        entryFields: fieldsOf([{ name: '0', ty: shape.key }, { name: '1', ty: shape.value }], ptr),
      };
    }
    case 'handle':
      return { ...base, shape: shape.own ? 'own' : 'borrow' };
    case 'future':
    case 'stream':
      return { ...base, shape: shape.kind };
    default:
      return { ...base, shape: 'prim' };
  }
}

/** Offsets the way `store_record` walks: align up to each field, then step over it. */
export function fieldsOf(fields: readonly { name: string; ty: Ty }[], ptr: PtrSize): FieldLayout[] {
  let at = 0;
  return fields.map((f) => {
    const s = sized(f.ty, ptr);
    const offset = alignTo(at, s.align);
    at = offset + s.size;
    return { name: f.name, ty: f.ty, offset, size: s.size, align: s.align };
  });
}

function casesOf(cases: readonly { name: string; ty?: Ty }[], ptr: PtrSize) {
  const sizes = cases.map((c) => c.ty && sized(c.ty, ptr));
  const v = variantShape(sizes);
  return {
    discriminant: v.discriminant,
    payloadOffset: v.payloadOffset,
    caseCount: cases.length,
    cases: cases.map((c, index): CaseLayout => {
      const s = sizes[index];
      return s && c.ty
        ? { name: c.name, index, ty: c.ty, size: s.size, align: s.align, flat: coreTypesOf(s.flat) }
        : { name: c.name, index };
    }),
  };
}

/** Field offsets of a record (or a tuple alias), for inlay hints; undefined when it has none or is invalid. */
export function fieldOffsets(def: TypeDef, ptr: PtrSize): FieldLayout[] | undefined {
  const l = defLayout(def, ptr);
  return l.valid ? l.fields : undefined;
}
