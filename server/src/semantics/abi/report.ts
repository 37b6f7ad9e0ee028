// The table that `wit-ls abi --json` prints: one entry per named type and per function of the
// given packages, in the format of the reference table (`wit-abi-oracle/1`, see
// ../shared/abi/README.md), keyed `<package>/<interface-or-world>/<name>`.

import { basename } from '../../base/paths';
import type { Func, Interface, Package, Ty, TypeDef, World } from '../model';
import { type CoreType, coreTypesOf, legacyFlagsSized } from './core';
import { type CoreSignature, funcSignatures } from './funcs';
import { type FieldLayout, type Layout, defLayout } from './layout';
import { defSpelling, funcSpelling, structuralType } from './spelling';

/** Variants with more cases than this list only the cases that have a payload. */
export const MAX_LISTED_CASES = 64;

export const RESOURCE_NOTE = 'values are handles: own<R> and borrow<R> are both an i32 index';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface AbiReport {
  types: Record<string, JsonObject>;
  functions: Record<string, JsonObject>;
}

/** `alias:<what>` for `type x = ...`, the definition's keyword otherwise. */
export function entryKind(def: TypeDef): string {
  const b = def.body;
  if (b.kind === 'use') return b.target ? entryKind(b.target) : 'use';
  if (b.kind !== 'alias') return b.kind;
  const t: Ty = b.target;
  switch (t.kind) {
    case 'prim': return `alias:${t.name}`;
    case 'def': return 'alias:name';
    case 'handle': return t.own ? 'alias:own' : 'alias:borrow';
    default: return `alias:${t.kind}`;
  }
}

const fieldJson = (f: FieldLayout): JsonObject => ({ name: f.name, type: structuralType(f.ty), offset: f.offset, size: f.size, align: f.align });

/** `flat` plus, for a flattening cut short, its real length. */
function flatJson(flat: CoreType[], count: number, key = 'flat'): JsonObject {
  return count > flat.length ? { [key]: flat, [`${key}_count`]: count } : { [key]: flat };
}

/** The reference table's entry for one named type. */
export function typeEntry(def: TypeDef): JsonObject {
  const kind = entryKind(def);
  const wit = defSpelling(def);
  const file = basename(def.loc.file);
  const l32 = defLayout(def, 4);
  if (!l32.valid) {
    const out: JsonObject = { kind, ...(wit === undefined ? {} : { wit }), valid: false, error: l32.problem.message };
    if (def.body.kind === 'flags' && l32.problem.kind === 'too-many-flags') {
      const legacy = legacyFlagsSized(def.body.flags.length);
      out.legacy_wit_parser = { size: legacy.size, align: legacy.align, flat: coreTypesOf(legacy.flat) };
    }
    out.file = file;
    return out;
  }
  if (l32.shape === 'resource') {
    return { kind, valid: true, size: l32.size, align: l32.align, flat: l32.flat, note: RESOURCE_NOTE, file };
  }
  const out: JsonObject = { kind, ...(wit === undefined ? {} : { wit }), valid: true, size: l32.size, align: l32.align, ...flatJson(l32.flat, l32.flatCount) };
  Object.assign(out, shapeDetails(l32));
  const l64 = defLayout(def, 8) as Layout;
  out.wasm64 = { size: l64.size, align: l64.align, ...flatJson(l64.flat, l64.flatCount) };
  out.file = file;
  return out;
}

function shapeDetails(l: Layout): JsonObject {
  const out: JsonObject = {};
  if (l.fields) out.fields = l.fields.map(fieldJson);
  if (l.discriminant) {
    out.discriminant = l.discriminant;
    out.payload_offset = l.payloadOffset!;
    out.case_count = l.caseCount!;
  }
  if (l.cases) {
    let cases = l.cases;
    if (cases.length > MAX_LISTED_CASES) {
      out.cases_note = `more than ${MAX_LISTED_CASES} cases: only cases with a payload are listed`;
      cases = cases.filter((c) => c.ty);
    }
    out.cases = cases.map((c): JsonObject => (c.ty
      ? { name: c.name, index: c.index, type: structuralType(c.ty), size: c.size!, align: c.align!, flat: c.flat! }
      : { name: c.name, index: c.index, type: null }));
  }
  if (l.flagsRepr) {
    out.flag_count = l.flagCount!;
    out.repr = l.flagsRepr;
  }
  if (l.element) {
    out.element = { type: structuralType(l.element.ty), size: l.element.size, align: l.element.align };
    if (l.length !== undefined) out.length = l.length;
  }
  if (l.entryFields) out.entry_fields = l.entryFields.map(fieldJson);
  return out;
}

const sigJson = (s: CoreSignature): JsonObject => ({ params: s.params, results: s.results });

/** The reference table's entry for one function. */
export function funcEntry(func: Func, worldItem?: 'world-import' | 'world-export'): JsonObject {
  const head: JsonObject = { kind: func.funcKind, ...(worldItem ? { world_item: worldItem } : {}), wit: funcSpelling(func) };
  const file = basename(func.loc.file);
  const a = funcSignatures(func, 4);
  if (!a.valid) return { ...head, valid: false, async: func.async, error: `${a.where}: ${a.problem.message}`, file };
  const a64 = funcSignatures(func, 8);
  const out: JsonObject = {
    ...head, valid: true, async: func.async,
    ...flatJson(a.flatParams, a.flatParamCount, 'flat_params'), ...flatJson(a.flatResults, a.flatResultCount, 'flat_results'),
    params_spill: a.paramsSpill, results_spill: a.resultsSpill, lift: sigJson(a.lift), lower: sigJson(a.lower),
  };
  if (a.paramsTuple) out.params_tuple = { size: a.paramsTuple.size, align: a.paramsTuple.align, offsets: a.paramsTuple.offsets };
  if (a.resultsTuple) out.results_tuple = { size: a.resultsTuple.size, align: a.resultsTuple.align };
  if (a.async) {
    out.async_lift_callback = sigJson(a.async.liftCallback);
    out.async_lift_stackful = sigJson(a.async.liftStackful);
    out.async_lower = sigJson(a.async.lower);
    out.task_return = sigJson(a.async.taskReturn);
  }
  if (a64.valid) out.wasm64 = { lift: sigJson(a64.lift), lower: sigJson(a64.lower) };
  out.file = file;
  return out;
}

/** Named types declared (not `use`d) in an interface or world, active ones only. */
export function ownTypes(owner: Interface | World): TypeDef[] {
  return [...owner.types.values()].filter((t) => t.body.kind !== 'use' && t.active);
}

/** The functions of a world, with whether each is imported or exported. */
export function worldFuncs(world: World): { func: Func; item: 'world-import' | 'world-export' }[] {
  const out: { func: Func; item: 'world-import' | 'world-export' }[] = [];
  for (const [items, item] of [[world.imports, 'world-import'], [world.exports, 'world-export']] as const) {
    for (const it of items.values()) if (it.kind === 'func' && it.func.active) out.push({ func: it.func, item });
  }
  return out;
}

/** Every named type and function of the packages (interfaces first, then worlds). */
export function abiReport(packages: readonly Package[]): AbiReport {
  const report: AbiReport = { types: {}, functions: {} };
  abiEntries(packages, (section, key, entry) => {
    report[section][key] = entry;
    return true;
  });
  return report;
}

/**
 * The entries of abiReport one at a time, in its order, each made just before it is passed on:
 * a caller that serializes each entry at once never holds them all (the command line's --json).
 * `visit` returns false to stop.
 */
export function abiEntries(packages: readonly Package[], visit: (section: keyof AbiReport, key: string, entry: JsonObject) => boolean): void {
  for (const pkg of packages) {
    for (const iface of pkg.interfaces.values()) {
      if (!iface.active || iface.name === undefined) continue;
      const prefix = `${pkg.id}/${iface.name}/`;
      for (const def of ownTypes(iface)) if (!visit('types', prefix + def.name, typeEntry(def))) return;
      for (const [name, func] of iface.funcs) if (func.active && !visit('functions', prefix + name, funcEntry(func))) return;
    }
    for (const world of pkg.worlds.values()) {
      if (!world.active) continue;
      const prefix = `${pkg.id}/${world.name}/`;
      for (const def of ownTypes(world)) if (!visit('types', prefix + def.name, typeEntry(def))) return;
      for (const { func, item } of worldFuncs(world)) if (!visit('functions', prefix + func.qualifiedName, funcEntry(func, item))) return;
    }
  }
}
