// Rules checked after resolution: functions may not return borrowed handles (wit-parser), and
// what the component validator rejects although wit-parser accepts it — empty records, flags
// and tuples, repeated names in records, variants, enums and flags, names that differ only in
// case, resource functions named like their resource, package names with capitals, more than 32
// flags, more than 10,000 cases, zero-length lists, `stream<char>`, and types of 2^28 bytes or
// more (abi.ts).

import { identifierError } from '../syntax';
import { checkTypeSizes } from './abi';
import type { Range } from './hir';
import type { Func, Package, Ty, TypeDef } from './model';
import type { Resolver } from './resolve';

const MAX_FLAGS = 32;
const MAX_CASES = 10_000;

export function runComponentChecks(r: Resolver): void {
  const memo = new Map<TypeDef, boolean>();
  // In a patch only the patched file's items are checked again (the rest is unchanged).
  const { funcs, typedefs } = r.scoped();
  const visiting = new Set<TypeDef>();
  // A result can contain a borrow only if one was written outside parameter lists.
  for (const f of r.hasBorrowOutsideParams ? funcs : []) {
    if (f.active && f.result && hasBorrow(f.result, memo, visiting)) {
      r.report(f.loc.file, 'borrow-in-result', f.loc.nameRange,
        `function \`${f.qualifiedName}\` returns a type which contains a \`borrow<T>\` which is not supported: return \`own<T>\` (or the resource name) instead`);
    }
  }
  for (const td of typedefs) checkTypeDef(r, td);
  // Without a fixed-length list no type comes near 2^28 bytes (it would need millions of
  // fields), so the layouts are computed only when the unit has one.
  if (r.hasFixedLengthLists) checkTypeSizes(typedefs, funcs, (file, code, range, message) => r.report(file, code, range, message));
  for (const f of funcs) checkFunc(r, f);
  for (const pkg of r.packagesById.values()) checkPackageName(r, pkg);
  for (const owner of r.owners.keys()) {
    // A world's types and functions are its imports and exports, whose names wit-parser
    // compares without case itself (case-insensitive-conflict).
    if (owner.kind !== 'interface' || !r.inScope(owner.loc.file)) continue;
    if (!anyCapitalIn(owner.types) && !anyCapitalIn(owner.funcs)) continue;
    // Types and functions are exports of one instance (or imports of one component), so their
    // names collide with each other too; resources' functions collide within the resource.
    const names: Named[] = [];
    const byResource = new Map<TypeDef, Named[]>();
    // Gated-out items are left out of the component, so they clash with nothing.
    for (const t of owner.types.values()) if (t.active) names.push({ name: t.name, nameRange: t.loc.nameRange });
    for (const f of owner.funcs.values()) {
      if (!f.active) continue;
      if (f.funcKind === 'freestanding') names.push({ name: f.name, nameRange: f.loc.nameRange });
      else if (f.resource && f.funcKind !== 'constructor') {
        let list = byResource.get(f.resource);
        if (!list) byResource.set(f.resource, (list = []));
        list.push({ name: f.name, nameRange: f.loc.nameRange });
      }
    }
    // Exact repeats among these are wit-parser's errors (duplicate-name, duplicate-method).
    duplicateNames(r, owner.loc.file, names, 'an interface', false);
    for (const [res, list] of byResource) duplicateNames(r, owner.loc.file, list, `resource \`${res.name}\``, false);
  }
}

/** Components name a package's interfaces and worlds `ns:name/item`, with ns and name in lowercase. */
function checkPackageName(r: Resolver, pkg: Package): void {
  const { namespace, name } = pkg.name;
  if (!hasCapital(namespace) && !hasCapital(name)) return;
  // A package with no interface or world puts nothing into a component (`package A:b {}`).
  if (pkg.interfaces.size === 0 && pkg.worlds.size === 0) return;
  // Mixed case (`My`) is already a syntax error; what is left is all-capital parts (`MY`).
  if (identifierError(namespace) !== undefined || identifierError(name) !== undefined) return;
  const lower = `${namespace.toLowerCase()}:${name.toLowerCase()}`;
  for (const decl of pkg.decls) {
    if (!r.inScope(decl.file)) continue;
    r.report(decl.file, 'package-name-case', decl.nameRange,
      `package \`${namespace}:${name}\` has capital letters; component validation requires package names in lowercase (write \`${lower}\`)`);
  }
}

/** Whether a type contains `borrow<T>` anywhere, looking through named types. */
export function hasBorrow(ty: Ty | undefined, memo: Map<TypeDef, boolean>, visiting: Set<TypeDef>): boolean {
  if (!ty) return false;
  switch (ty.kind) {
    case 'handle': return !ty.own;
    case 'def': return defHasBorrow(ty.def, memo, visiting);
    case 'list': return hasBorrow(ty.elem, memo, visiting);
    case 'option': return hasBorrow(ty.inner, memo, visiting);
    case 'future':
    case 'stream': return hasBorrow(ty.inner, memo, visiting);
    case 'map': return hasBorrow(ty.key, memo, visiting) || hasBorrow(ty.value, memo, visiting);
    case 'result': return hasBorrow(ty.ok, memo, visiting) || hasBorrow(ty.err, memo, visiting);
    case 'tuple':
      for (const t of ty.items) if (hasBorrow(t, memo, visiting)) return true;
      return false;
    default: return false;
  }
}

function defHasBorrow(td: TypeDef, memo: Map<TypeDef, boolean>, visiting: Set<TypeDef>): boolean {
  const known = memo.get(td);
  if (known !== undefined) return known;
  if (visiting.has(td)) return false; // a cycle, reported elsewhere
  visiting.add(td);
  const b = td.body;
  let result = false;
  if (b.kind === 'alias') result = hasBorrow(b.target, memo, visiting);
  else if (b.kind === 'use') result = b.target ? defHasBorrow(b.target, memo, visiting) : false;
  else if (b.kind === 'record') {
    for (const f of b.fields) if ((result = hasBorrow(f.ty, memo, visiting))) break;
  } else if (b.kind === 'variant') {
    for (const c of b.cases) if ((result = hasBorrow(c.ty, memo, visiting))) break;
  }
  visiting.delete(td);
  memo.set(td, result);
  return result;
}

function checkTypeDef(r: Resolver, td: TypeDef): void {
  const hir = td.hir;
  if (!td.active || !('def' in hir)) return;
  const file = td.loc.file;
  const body = td.body;
  switch (body.kind) {
    case 'record':
      if (body.fields.length === 0) r.report(file, 'empty-definition', hir.nameRange, `record \`${td.name}\` has no fields; component validation rejects empty records`);
      duplicateNames(r, file, body.fields, 'a record', true);
      if (r.hasRareShapes && hir.def.kind === 'record') {
        const defs = hir.def.fields;
        body.fields.forEach((f, i) => checkTy(r, f.ty, file, defs[i]?.type.range ?? f.nameRange));
      }
      break;
    case 'flags':
      if (body.flags.length === 0) r.report(file, 'empty-definition', hir.nameRange, `flags \`${td.name}\` has no flags; component validation rejects empty flags`);
      if (body.flags.length > MAX_FLAGS) {
        r.report(file, 'too-many-flags', hir.nameRange, `flags \`${td.name}\` has ${body.flags.length} flags; the Canonical ABI allows at most ${MAX_FLAGS} (split it into several flags types)`);
      }
      duplicateNames(r, file, body.flags, 'a flags type', true);
      break;
    case 'enum':
    case 'variant': {
      const cases = body.cases;
      if (cases.length > MAX_CASES) {
        r.report(file, 'too-many-cases', hir.nameRange, `${body.kind} \`${td.name}\` has ${cases.length} cases; component validation allows at most ${MAX_CASES}`);
      }
      duplicateNames(r, file, cases, body.kind === 'enum' ? 'an enum' : 'a variant', true);
      if (r.hasRareShapes && body.kind === 'variant' && hir.def.kind === 'variant') {
        hir.def.cases.forEach((c, i) => { if (body.cases[i]?.ty && c.type) checkTy(r, body.cases[i].ty!, file, c.type.range); });
      }
      break;
    }
    case 'alias':
      if (hir.def.kind === 'alias') checkTy(r, body.target, file, hir.def.type.range);
      break;
  }
}

function checkFunc(r: Resolver, f: Func): void {
  if (!f.active) return;
  // `[method]r.r` and `[static]r.r` collide with the resource's own name `r`.
  const res = f.resource;
  if (res && f.funcKind !== 'constructor' && f.name.length === res.name.length && f.name.toLowerCase() === res.name.toLowerCase()) {
    r.report(f.loc.file, 'function-named-like-resource', f.loc.nameRange,
      `\`${f.name}\` has the name of its resource \`${res.name}\`; component validation rejects \`${f.qualifiedName}\` beside \`${res.name}\` (rename the function)`);
  }
  if (anyCapital(f.params)) {
    const names = f.params.map((p) => ({ name: p.name, nameRange: p.nameRange }));
    if (f.funcKind === 'method') names.unshift({ name: 'self', nameRange: f.loc.nameRange });
    // Exact repeats are wit-parser's duplicate-param errors.
    duplicateNames(r, f.loc.file, names, 'a parameter list', false);
  }
  if (!r.hasRareShapes) return;
  f.hir.params.forEach((p, i) => { if (f.params[i]) checkTy(r, f.params[i].ty, f.loc.file, p.type.range); });
  if (f.result && f.hir.result) checkTy(r, f.result, f.loc.file, f.hir.result.range);
}

/** Structural checks inside an anonymous type expression. */
function checkTy(r: Resolver, ty: Ty, file: string, range: Range): void {
  // Only a unit that wrote one of these shapes somewhere can have them here.
  if (!r.hasRareShapes) return;
  const walk = (t: Ty | undefined): void => {
    if (!t) return;
    switch (t.kind) {
      case 'list':
        if (t.length === 0) r.report(file, 'zero-length-list', range, 'a fixed-length list needs a length of at least 1 (`list<T, 0>` is rejected by component validation)');
        walk(t.elem);
        break;
      case 'tuple':
        if (t.items.length === 0) r.report(file, 'empty-definition', range, '`tuple<>` is empty; component validation rejects empty tuples');
        t.items.forEach(walk);
        break;
      case 'stream':
        if (t.inner?.kind === 'prim' && t.inner.name === 'char') {
          r.report(file, 'invalid-stream-payload', range, '`stream<char>` is rejected by component validation; use `stream<u8>` for text as bytes, or `stream<string>`');
        }
        walk(t.inner);
        break;
      case 'future': walk(t.inner); break;
      case 'option': walk(t.inner); break;
      case 'result': walk(t.ok); walk(t.err); break;
      case 'map': walk(t.key); walk(t.value); break;
      default: break;
    }
  };
  walk(ty);
}

function hasCapital(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) return true;
  }
  return false;
}

/** Whether any of the names has a capital letter: names without one cannot collide by case. */
function anyCapital(named: readonly { name: string }[]): boolean {
  for (let i = 0; i < named.length; i++) if (hasCapital(named[i].name)) return true;
  return false;
}

/** anyCapital over a map's values (types or functions by name). */
function anyCapitalIn(named: ReadonlyMap<string, { name: string }>): boolean {
  for (const n of named.values()) if (hasCapital(n.name)) return true;
  return false;
}

interface Named {
  name: string;
  nameRange: Range;
}

/**
 * Names that the component validator requires to be unique regardless of case, in one scope
 * (`scope` reads "names in <scope>"): pairs that differ only in case, and, with `repeats`, exact
 * repeats, which wit-parser accepts in records, variants, enums and flags.
 */
function duplicateNames(r: Resolver, file: string, names: readonly Named[], scope: string, repeats: boolean): void {
  const capitals = anyCapital(names);
  if (names.length < 2 || (!capitals && !repeats)) return;
  if (!capitals && names.length <= 8) {
    // Most records and enums: short and all lowercase, compared pairwise without a map.
    for (let i = 1; i < names.length; i++) {
      for (let j = 0; j < i; j++) {
        if (names[i].name === names[j].name) {
          reportRepeat(r, file, names[i], names[j], scope);
          break;
        }
      }
    }
    return;
  }
  const seen = new Map<string, Named>();
  for (const n of names) {
    const key = capitals ? n.name.toLowerCase() : n.name;
    const prev = seen.get(key);
    if (prev === undefined) seen.set(key, n);
    else if (prev.name !== n.name) {
      // A mixed-case name (`Red`) is already a syntax error.
      if (identifierError(n.name) !== undefined || identifierError(prev.name) !== undefined) continue;
      r.report(file, 'case-insensitive-duplicate', n.nameRange,
        `\`${n.name}\` and \`${prev.name}\` differ only in case; component validation compares names in ${scope} without case`,
        { related: [{ file, start: prev.nameRange.start, end: prev.nameRange.end, message: `\`${prev.name}\` is here` }] });
    } else if (repeats) reportRepeat(r, file, n, prev, scope);
  }
}

function reportRepeat(r: Resolver, file: string, n: Named, first: Named, scope: string): void {
  r.report(file, 'duplicate-member', n.nameRange, `\`${n.name}\` is defined more than once in ${scope}; component validation rejects the repeated name`,
    { related: [{ file, start: first.nameRange.start, end: first.nameRange.end, message: 'first defined here' }] });
}
