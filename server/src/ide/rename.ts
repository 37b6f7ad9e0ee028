// Rename: finds what the name under the cursor names, checks that it may be renamed and that the
// new name is a valid identifier that clashes with nothing in its scope, and returns the edits for
// every file of the unit that writes the name — declaration, references, plain `use` names,
// `ns:pkg/name` paths from other packages, and `include ... with { name as ... }` lists.

import { identifierError, keywordKind, rootNode, SyntaxKind as K, TextEdit, isKeyword } from '../syntax';
import type { IncludeHir, IncludeNameHir, Range, TopItemHir, TopUseHir, UsePathHir } from '../semantics/hir';
import type { Func, Interface, Package, Resolution, Symbol, TypeDef, World } from '../semantics/model';
import {
  Analysis, declaration, declarationsInFile, describeSymbol, fileByPath, referencesInFile,
  sameNameOccurrences, symbolAt, symbolName, unitFiles,
} from './analysis';
import { MemberAt, memberAt } from './memberAt';

export interface FileEdits {
  file: string;
  /** Offsets into the file's current text, sorted, not overlapping. */
  edits: TextEdit[];
}

export type PrepareRenameResult = { range: Range; placeholder: string } | { error: string };
export type RenameResult = { changes: FileEdits[] } | { error: string };

type Direction = 'import' | 'export';

/** What a rename changes, found from the cursor. */
type Target =
  | { kind: 'symbol'; symbol: Interface | World | TypeDef | Func }
  | { kind: 'member'; member: MemberAt }
  /** A plain name a world gives an item that is not a symbol: `import x: ns:pkg/i;` or `include w with { a as x }`. */
  | { kind: 'world-name'; world: World; name: string; file: string; range: Range; dirs: Direction[] }
  /** The alias of a top-level `use ns:pkg/i as x;`: a name of one file part. */
  | { kind: 'file-alias'; part: FilePart; use: TopUseHir };

interface Occurrence {
  file: string;
  range: Range;
}

/** The edits a rename makes, or why it cannot be done. */
interface Plan {
  occurrences: Occurrence[];
  problems: string[];
}

const BUILTIN_TYPES = new Set<K>([
  K.BOOL_KW, K.S8_KW, K.U8_KW, K.S16_KW, K.U16_KW, K.S32_KW, K.U32_KW, K.S64_KW, K.U64_KW,
  K.F32_KW, K.F64_KW, K.CHAR_KW, K.STRING_KW, K.ERROR_CONTEXT_KW, K.LIST_KW, K.MAP_KW, K.OPTION_KW,
  K.RESULT_KW, K.TUPLE_KW, K.FUTURE_KW, K.STREAM_KW, K.OWN_KW, K.BORROW_KW,
]);

const PACKAGE_REFUSAL =
  'is a package name, which this rename does not change: it is the identity other packages, `deps/` folders and registries know the package by. Change the `package` header and the `ns:pkg/...` paths by hand if you mean to';

export function prepareRename(a: Analysis, offset: number): PrepareRenameResult {
  const found = findTarget(a, offset);
  if ('error' in found) return found;
  return { range: found.at, placeholder: found.name };
}

export function rename(a: Analysis, offset: number, newName: string): RenameResult {
  const found = findTarget(a, offset);
  if ('error' in found) return found;
  const spelled = spelling(newName);
  if ('error' in spelled) return spelled;
  const old = found.name;
  if (spelled.name === old) return { changes: [] };
  const plan = planRename(a, found.target, old, spelled.name);
  if (plan.problems.length) return { error: plan.problems[0] };
  return collectEdits(a, plan, old, spelled.text);
}

// ---------------------------------------------------------------- the new name

/** The new name without `%`, and how to write it: escaped with `%` when it is a keyword. */
function spelling(newName: string): { name: string; text: string } | { error: string } {
  const text = newName.trim();
  const bare = text.startsWith('%') ? text.slice(1) : text;
  if (bare === '') return { error: 'the new name is empty' };
  const why = identifierError(text);
  if (why) return { error: `\`${text}\` is not a valid WIT identifier: ${why}` };
  return { name: bare, text: keywordKind(bare) !== undefined ? `%${bare}` : bare };
}

// ---------------------------------------------------------------- what is at the cursor

type Found = { target: Target; name: string; at: Range } | { error: string };

function findTarget(a: Analysis, offset: number): Found {
  const at = symbolAt(a, offset);
  if (at) {
    if (at.symbol.kind === 'package') return { error: `\`${at.symbol.id}\` ${PACKAGE_REFUSAL}` };
    const symbol = renamedSymbol(at.symbol);
    if (symbol.kind === 'package') return { error: `\`${symbol.id}\` ${PACKAGE_REFUSAL}` };
    if (symbol.kind === 'typedef' && isPlainUse(symbol) && symbol.body.kind === 'use' && !symbol.body.target) {
      return { error: `\`${symbol.name}\` is brought in by a \`use\` that does not resolve, so there is nothing to rename; fix the \`use\` first` };
    }
    if (symbol.kind === 'func' && symbol.funcKind === 'constructor') {
      return { error: `a constructor has no name of its own (it is \`[constructor]${symbol.resource?.name ?? ''}\`): rename the resource instead` };
    }
    const refusal = readOnly(a, symbol, declaration(symbol)?.file);
    if (refusal) return { error: refusal };
    return { target: { kind: 'symbol', symbol }, name: symbolName(symbol), at: at.range };
  }
  const member = memberAt(a, offset);
  if (member) {
    const refusal = readOnly(a, member.owner, member.owner.loc.file);
    if (refusal) return { error: refusal };
    return { target: { kind: 'member', member }, name: member.name, at: member.range };
  }
  const worldName = worldNameAt(a, offset);
  if (worldName) return worldName;
  const alias = fileAliasAt(a, offset);
  if (alias) return alias;
  return { error: nothingHere(a, offset) ?? 'there is nothing to rename here: place the cursor on the name of an interface, world, type, function, field, case, flag or parameter' };
}

/** A name brought in by `use` without `as` carries the name of what it brings in: rename that. */
function renamedSymbol(s: Symbol): Symbol {
  let cur = s;
  const seen = new Set<Symbol>();
  while (cur.kind === 'typedef' && isPlainUse(cur) && cur.body.kind === 'use' && cur.body.target && !seen.has(cur)) {
    seen.add(cur);
    cur = cur.body.target;
  }
  return cur;
}

function isPlainUse(td: TypeDef): boolean {
  return td.body.kind === 'use' && !('def' in td.hir) && !td.hir.alias;
}

function depsFiles(a: Analysis): Set<string> {
  return new Set(a.input.deps.flatMap((d) => ('files' in d ? d.files.map((f) => f.path) : [])));
}

function readOnly(a: Analysis, s: Symbol, file: string | undefined): string | undefined {
  if (!file || !depsFiles(a).has(file)) return undefined;
  return `${describeSymbol(s)} is declared in deps/ (${file}), which is read-only: dependencies come from elsewhere (a registry or another project), so rename it where it is defined`;
}

/** Labels of `import x: ns:pkg/i;` and the names of `include w with { a as b }`. */
function worldNameAt(a: Analysis, offset: number): Found | undefined {
  const inside = (r: Range) => r.start <= offset && offset <= r.end;
  for (const w of worldsOf(a.resolution)) {
    if (w.loc.file !== a.file.path || !inside(w.loc.range)) continue;
    for (const m of w.hir.members) {
      if ((m.kind === 'import' || m.kind === 'export') && m.ext.kind === 'labeled' && inside(m.ext.nameRange)) {
        const target: Target = {
          kind: 'world-name', world: w, name: m.ext.name, file: w.loc.file, range: m.ext.nameRange, dirs: [m.kind],
        };
        return { target, name: m.ext.name, at: m.ext.nameRange };
      }
      if (m.kind !== 'include') continue;
      for (const n of m.names) {
        if (inside(n.asRange)) {
          const target: Target = {
            kind: 'world-name', world: w, name: n.as, file: w.loc.file, range: n.asRange,
            dirs: includeDirections(a.resolution, w, m, n),
          };
          return { target, name: n.as, at: n.asRange };
        }
        if (inside(n.nameRange)) {
          // `a` in `with { a as b }` names an item of the included world: rename it there.
          const included = includeTarget(a.resolution, w, m);
          const origin = included && worldItemOrigin(a, included, n.name, new Set());
          if (!origin) return { error: `\`${n.name}\` is not a plain-named import or export of the included world, so there is nothing to rename` };
          if ('error' in origin) return origin;
          return { ...origin, at: n.nameRange };
        }
      }
    }
  }
  return undefined;
}

/** The alias of a top-level `use ... as x;` under the cursor. */
function fileAliasAt(a: Analysis, offset: number): Found | undefined {
  for (const part of fileParts(a)) {
    if (part.file !== a.file.path) continue;
    for (const item of part.items) {
      if (item.kind !== 'top-use' || !item.alias || !item.aliasRange) continue;
      if (item.aliasRange.start <= offset && offset <= item.aliasRange.end) {
        return { target: { kind: 'file-alias', part, use: item }, name: item.alias, at: item.aliasRange };
      }
    }
  }
  return undefined;
}

/** Why the token at the cursor cannot be renamed, when it is a keyword or a built-in type. */
function nothingHere(a: Analysis, offset: number): string | undefined {
  const root = rootNode(a.file.tree);
  for (const token of [root.tokenAt(offset), root.tokenAt(offset, true)]) {
    if (!token) continue;
    if (BUILTIN_TYPES.has(token.kind)) return `\`${token.text}\` is a built-in type: it cannot be renamed`;
    if (isKeyword(token.kind)) return `\`${token.text}\` is a keyword: it cannot be renamed`;
    if (token.parent.kind === K.PACKAGE_NAME || token.parent.parent?.kind === K.PACKAGE_NAME) return `\`${token.parent.text.trim()}\` ${PACKAGE_REFUSAL}`;
  }
  return undefined;
}

/**
 * The declaration a world's plain-named item comes from: its own function, label, inline
 * interface or type, or an item of a world it includes (through `with { a as b }` renames).
 */
function worldItemOrigin(a: Analysis, w: World, name: string, seen: Set<World>): Found | undefined {
  if (seen.has(w)) return undefined;
  seen.add(w);
  const res = a.resolution;
  const decl = (start: number) => declarationsInFile(res, w.loc.file).find((d) => d.loc.nameRange.start === start)?.symbol;
  const found = (s: Symbol | undefined, at: Range): Found | undefined => {
    if (!s || s.kind === 'package') return undefined;
    const symbol = renamedSymbol(s);
    if (symbol.kind === 'package') return undefined;
    const refusal = readOnly(a, symbol, declaration(symbol)?.file);
    if (refusal) return { error: refusal };
    return { target: { kind: 'symbol', symbol }, name: symbolName(symbol), at };
  };
  for (const m of w.hir.members) {
    if (m.kind === 'import' || m.kind === 'export') {
      if (m.ext.kind === 'func' && m.ext.func.name === name) return found(decl(m.ext.func.nameRange.start), m.ext.func.nameRange);
      if (m.ext.kind === 'interface' && m.ext.name === name) return found(decl(m.ext.nameRange.start), m.ext.nameRange);
      if (m.ext.kind === 'labeled' && m.ext.name === name) {
        const refusal = depsFiles(a).has(w.loc.file) ? `\`${name}\` is declared in deps/ (${w.loc.file}), which is read-only` : undefined;
        if (refusal) return { error: refusal };
        return {
          target: { kind: 'world-name', world: w, name, file: w.loc.file, range: m.ext.nameRange, dirs: [m.kind] },
          name, at: m.ext.nameRange,
        };
      }
    } else if (m.kind === 'typedef' && m.name === name) {
      return found(decl(m.nameRange.start), m.nameRange);
    } else if (m.kind === 'use') {
      const n = m.names.find((x) => (x.alias ?? x.name) === name);
      if (n) return found(decl((n.aliasRange ?? n.nameRange).start), n.aliasRange ?? n.nameRange);
    }
  }
  for (const m of w.hir.members) {
    if (m.kind !== 'include') continue;
    const renamed = m.names.find((n) => n.as === name);
    if (renamed) {
      if (depsFiles(a).has(w.loc.file)) return { error: `\`${name}\` is declared in deps/ (${w.loc.file}), which is read-only` };
      return {
        target: { kind: 'world-name', world: w, name, file: w.loc.file, range: renamed.asRange, dirs: includeDirections(res, w, m, renamed) },
        name, at: renamed.asRange,
      };
    }
    if (m.names.some((n) => n.name === name)) continue; // renamed away: not under this name here
    const included = includeTarget(res, w, m);
    const origin = included && worldItemOrigin(a, included, name, seen);
    if (origin) return origin;
  }
  return undefined;
}

// ---------------------------------------------------------------- planning

function planRename(a: Analysis, target: Target, old: string, name: string): Plan {
  const plan: Plan = { occurrences: [], problems: [] };
  const res = a.resolution;
  switch (target.kind) {
    case 'member':
      planMember(target.member, old, name, plan);
      break;
    case 'world-name':
      plan.occurrences.push({ file: target.file, range: target.range });
      for (const d of target.dirs) {
        clash(plan, worldNames(target.world, d), old, name, `world \`${target.world.name}\` already has an ${d} named`);
      }
      propagateIncludes(res, target.world, old, name, target.dirs, plan, new Set());
      break;
    case 'file-alias':
      planFileAlias(res, target.part, target.use, old, name, plan);
      break;
    case 'symbol': {
      const s = target.symbol;
      if (s.kind === 'interface' && s.world) planWorldItem(res, s.world, s, old, name, plan);
      else if (s.kind === 'interface' || s.kind === 'world') planPackageItem(a, s, old, name, plan);
      else if (s.kind === 'typedef') planType(res, s, old, name, plan);
      else if (s.resource) {
        plan.occurrences.push(...sameNameOccurrences(res, s));
        const body = s.resource.body;
        const siblings = body.kind === 'resource' ? body.funcs.filter((f) => f.funcKind !== 'constructor').map((f) => f.name) : [];
        clash(plan, siblings, old, name, `resource \`${s.resource.name}\` already has a function named`, true);
      } else if (s.owner.kind === 'world') {
        planWorldItem(res, s.owner, s, old, name, plan);
      } else {
        plan.occurrences.push(...sameNameOccurrences(res, s));
        clash(plan, ownerNames(s.owner), old, name, `${describeOwner(s.owner)} already has a type or function named`, true);
      }
    }
  }
  return plan;
}

function planMember(m: MemberAt, old: string, name: string, plan: Plan): void {
  plan.occurrences.push({ file: m.owner.loc.file, range: m.range });
  if (m.kind === 'param') {
    const names = m.owner.params.map((p) => p.name);
    if (m.owner.funcKind === 'method') names.push('self');
    clash(plan, names, old, name, `function \`${m.owner.name}\` already has a parameter named`, true);
    return;
  }
  const b = m.owner.body;
  const list = b.kind === 'record' ? b.fields : b.kind === 'variant' || b.kind === 'enum' ? b.cases : b.kind === 'flags' ? b.flags : [];
  const what = m.kind === 'field' ? 'a field' : m.kind === 'flag' ? 'a flag' : 'a case';
  clash(plan, list.map((x) => x.name), old, name, `\`${m.owner.name}\` already has ${what} named`, true);
}

/**
 * An interface or world of a package: its name is one of the package's items, and a top-level
 * name in each file part (a file's own items, or a nested `package { }` block) of the package,
 * and in each part that brings it in with a top-level `use` without `as`.
 */
function planPackageItem(a: Analysis, s: Interface | World, old: string, name: string, plan: Plan): void {
  const res = a.resolution;
  plan.occurrences.push(...sameNameOccurrences(res, s));
  const pkg = s.package;
  clash(plan, [...pkg.interfaces.keys(), ...pkg.worlds.keys()], old, name, `package \`${pkg.id}\` already has an interface or world named`);
  for (const part of fileParts(a)) {
    const sees = part.pkg === pkg || part.items.some((i) => i.kind === 'top-use' && !i.alias && pathTarget(res, part.file, i.path) === s);
    if (!sees) continue;
    for (const item of part.items) {
      if (item.kind === 'top-use') {
        if ((item.alias ?? item.path.name) !== name || pathTarget(res, part.file, item.path) === s) continue;
        plan.problems.push(`cannot rename \`${old}\` to \`${name}\`: a top-level \`use\` in ${part.file} already brings in the name \`${name}\``);
      } else if (item.name === name && part.pkg !== pkg) {
        plan.problems.push(`cannot rename \`${old}\` to \`${name}\`: ${part.file} brings it in with a top-level \`use\` and also declares ${item.kind} \`${name}\``);
      }
    }
  }
}

/**
 * The alias of a top-level `use`: written where it is declared and in the paths of its file part
 * that use it. It must not take a name of the part, or of the package (which it would shadow).
 */
function planFileAlias(res: Resolution, part: FilePart, use: TopUseHir, old: string, name: string, plan: Plan): void {
  plan.occurrences.push({ file: part.file, range: use.aliasRange! });
  const target = pathTarget(res, part.file, use.path);
  const paths = part.items.filter((i): i is TopUseHir => i.kind === 'top-use').map((i) => i.path.range);
  for (const r of referencesInFile(res, part.file)) {
    const inPart = r.range.start >= part.range.start && r.range.end <= part.range.end && !part.nested.some((n) => n.start <= r.range.start && r.range.end <= n.end);
    // The written paths of top-level `use`s name the item itself, not the alias.
    if (r.target === target && inPart && !paths.some((p) => p.start <= r.range.start && r.range.end <= p.end)) plan.occurrences.push({ file: r.file, range: r.range });
  }
  const names = part.items.map((i) => (i.kind === 'top-use' ? i.alias ?? i.path.name : i.name));
  clash(plan, names, old, name, `${part.file} already has a top-level name`);
  if (part.pkg) clash(plan, [...part.pkg.interfaces.keys(), ...part.pkg.worlds.keys()], old, name, `package \`${part.pkg.id}\` has an interface or world (which the alias would hide in this file) named`);
}

interface FilePart {
  file: string;
  /** The package whose items these are (undefined for a file with no item of its own). */
  pkg?: Package;
  items: TopItemHir[];
  /** The part's extent: the whole file, or the nested block. */
  range: Range;
  /** For a file's own part: its nested blocks, which are scopes of their own. */
  nested: Range[];
}

/** The top-level scopes of the unit: each file's own items, and each nested `package { }` block. */
function fileParts(a: Analysis): FilePart[] {
  const res = a.resolution;
  const out: FilePart[] = [];
  for (const file of unitFiles(a.input)) {
    const decls = declarationsInFile(res, file.path);
    const packageOfItem = (items: TopItemHir[]) => {
      for (const item of items) {
        if (item.kind === 'top-use') continue;
        const sym = decls.find((d) => d.loc.nameRange.start === item.nameRange.start)?.symbol;
        if (sym && (sym.kind === 'interface' || sym.kind === 'world')) return sym.package;
      }
      return undefined;
    };
    const nested = file.hir.nested.map((n) => n.range);
    out.push({ file: file.path, pkg: packageOfItem(file.hir.items), items: file.hir.items, range: { start: 0, end: file.text.length }, nested });
    for (const n of file.hir.nested) out.push({ file: file.path, pkg: packageOfItem(n.items), items: n.items, range: n.range, nested: [] });
  }
  return out;
}

/** What a path written in `file` refers to, from the reference the resolver recorded on its name. */
function pathTarget(res: Resolution, file: string, path: UsePathHir): Symbol | undefined {
  const site = path.kind === 'local' ? path.range : path.nameRange;
  return referencesInFile(res, file).find((r) => r.range.start === site.start && r.range.end === site.end)?.target;
}

/**
 * A type: its definition and every plain `use` of it (which carry its name) change, so the new
 * name must be free in each interface or world that has it; in worlds it is also an import name.
 */
function planType(res: Resolution, def: TypeDef, old: string, name: string, plan: Plan): void {
  plan.occurrences.push(...sameNameOccurrences(res, def));
  for (const td of plainUseClosure(res, def)) {
    const owner = td.owner;
    if (owner.kind === 'world') {
      clash(plan, worldNames(owner, 'import'), old, name, `world \`${owner.name}\` already has an import named`, true);
      propagateIncludes(res, owner, old, name, ['import'], plan, new Set());
    } else {
      clash(plan, ownerNames(owner), old, name, `${describeOwner(owner)} already has a type or function named`, true);
    }
  }
}

/** A function, inline interface or type name of a world: unique among its imports (or exports). */
function planWorldItem(res: Resolution, w: World, item: Func | Interface, old: string, name: string, plan: Plan): void {
  plan.occurrences.push(...sameNameOccurrences(res, item));
  const nameRange = item.loc.nameRange;
  const dirs: Direction[] = [];
  for (const m of w.hir.members) {
    if (m.kind !== 'import' && m.kind !== 'export') continue;
    const r = m.ext.kind === 'func' ? m.ext.func.nameRange : m.ext.kind === 'path' ? undefined : m.ext.nameRange;
    if (r && r.start === nameRange.start) dirs.push(m.kind);
  }
  for (const d of dirs) clash(plan, worldNames(w, d), old, name, `world \`${w.name}\` already has an ${d} named`, true);
  propagateIncludes(res, w, old, name, dirs, plan, new Set());
}

/**
 * `include w with { old as x }` in other worlds names the item being renamed: that `old` changes.
 * A world that includes it without renaming gets it under the same name, so its own includers
 * are followed too, and the new name must be free there.
 */
function propagateIncludes(res: Resolution, w: World, old: string, name: string, dirs: Direction[], plan: Plan, seen: Set<World>): void {
  if (seen.has(w)) return;
  seen.add(w);
  for (const v of worldsOf(res)) {
    for (const m of v.hir.members) {
      if (m.kind !== 'include' || includeTarget(res, v, m) !== w) continue;
      const renamed = m.names.find((n) => n.name === old);
      if (renamed) {
        plan.occurrences.push({ file: v.loc.file, range: renamed.nameRange });
        continue;
      }
      for (const d of dirs) clash(plan, worldNames(v, d), old, name, `world \`${v.name}\` (which includes \`${w.name}\`) already has an ${d} named`, true);
      propagateIncludes(res, v, old, name, dirs, plan, seen);
    }
  }
}

/** The definition and the names that bring it in with plain `use`, transitively. */
function plainUseClosure(res: Resolution, def: TypeDef): TypeDef[] {
  const out = [def];
  for (let i = 0; i < out.length; i++) {
    for (const s of res.symbols) {
      if (s.kind === 'typedef' && s.body.kind === 'use' && s.body.target === out[i] && isPlainUse(s) && !out.includes(s)) out.push(s);
    }
  }
  return out;
}

function clash(plan: Plan, existing: Iterable<string>, old: string, name: string, where: string, ignoreCase = false): void {
  const fold = (x: string) => (ignoreCase ? x.toLowerCase() : x);
  for (const x of existing) {
    if (x === old || fold(x) !== fold(name)) continue;
    const caseNote = x !== name ? ' (names that differ only in case clash: kebab-case names are case-insensitive)' : '';
    plan.problems.push(`cannot rename \`${old}\` to \`${name}\`: ${where} \`${x}\`${caseNote}`);
    return;
  }
}

/** Types and freestanding functions of an interface share one namespace. */
function ownerNames(owner: Interface | World): string[] {
  if (owner.kind === 'world') return worldNames(owner, 'import');
  const names = [...owner.types.keys()];
  for (const f of owner.funcs.values()) if (f.funcKind === 'freestanding') names.push(f.name);
  return names;
}

/** Plain names of a world's imports (or exports): resolved ones and the ones written, active or not. */
function worldNames(w: World, dir: Direction): string[] {
  const names = new Set<string>();
  for (const k of (dir === 'import' ? w.imports : w.exports).keys()) if (!k.includes(':') && !k.startsWith('[')) names.add(k);
  if (dir === 'import') for (const k of w.types.keys()) names.add(k);
  for (const m of w.hir.members) {
    if (m.kind === dir && m.ext.kind === 'func') names.add(m.ext.func.name);
    else if (m.kind === dir && (m.ext.kind === 'interface' || m.ext.kind === 'labeled')) names.add(m.ext.name);
    else if (m.kind === 'include') for (const n of m.names) names.add(n.as);
  }
  return [...names];
}

function describeOwner(owner: Interface | World): string {
  if (owner.kind === 'world') return `world \`${owner.name}\``;
  return owner.name ? `interface \`${owner.name}\`` : `inline interface \`${symbolName(owner)}\``;
}

function worldsOf(res: Resolution): World[] {
  return res.symbols.filter((s): s is World => s.kind === 'world');
}

/** The world an `include` names. */
function includeTarget(res: Resolution, w: World, m: IncludeHir): World | undefined {
  const target = pathTarget(res, w.loc.file, m.path);
  return target?.kind === 'world' ? target : undefined;
}

/** Where `include w with { a as b }` puts `b`: the directions in which `w` has `a`. */
function includeDirections(res: Resolution, v: World, m: IncludeHir, n: IncludeNameHir): Direction[] {
  const w = includeTarget(res, v, m);
  if (!w) return ['import', 'export'];
  const has = (keys: Iterable<string>) => [...keys].some((k) => k === n.name || k.startsWith(`[`) && (k.endsWith(`]${n.name}`) || k.includes(`]${n.name}.`)));
  const dirs: Direction[] = [];
  if (has(w.imports.keys())) dirs.push('import');
  if (has(w.exports.keys())) dirs.push('export');
  return dirs.length ? dirs : ['import', 'export'];
}

// ---------------------------------------------------------------- edits

function collectEdits(a: Analysis, plan: Plan, old: string, text: string): RenameResult {
  const deps = depsFiles(a);
  const byFile = new Map<string, Map<number, TextEdit>>();
  for (const o of plan.occurrences) {
    const file = fileByPath(a.input, o.file);
    if (!file) continue;
    const written = file.text.slice(o.range.start, o.range.end);
    // A name written differently is an alias (`use ns:pkg/i as j;`): it keeps its own name.
    if ((written.startsWith('%') ? written.slice(1) : written) !== old) continue;
    if (deps.has(o.file)) {
      return { error: `renaming \`${old}\` would change ${o.file}, which is in deps/ and read-only: dependencies come from elsewhere` };
    }
    let edits = byFile.get(o.file);
    if (!edits) byFile.set(o.file, (edits = new Map()));
    edits.set(o.range.start, { start: o.range.start, end: o.range.end, newText: text });
  }
  const changes: FileEdits[] = [];
  for (const [file, edits] of [...byFile].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))) {
    changes.push({ file, edits: [...edits.values()].sort((x, y) => x.start - y.start) });
  }
  return { changes };
}
