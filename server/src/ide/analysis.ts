// What IDE features work from: a file, the resolution of its unit, and lookups every feature
// needs — the symbol at an offset (a reference or a declaration), where a symbol is declared,
// and every reference to it across the unit. Plain data and offsets only.

import type { Range } from '../semantics/hir';
import {
  type Func, type Interface, type Location, type Package, type Reference, type Resolution, type SourceFile, type Symbol,
  type TypeDef, type World, chainEnd,
} from '../semantics/model';
import type { UnitInput } from '../semantics/resolve';

export interface Analysis {
  file: SourceFile;
  resolution: Resolution;
  input: UnitInput;
}

export { fileByPath, unitFiles } from '../semantics/resolve';

interface Index {
  /** Per file: references sorted by start. */
  refsByFile: Map<string, Reference[]>;
  /** Per symbol: every reference to it. */
  refsBySymbol: Map<Symbol, Reference[]>;
  /** Per file: declared symbols sorted by name start. */
  declsByFile: Map<string, { symbol: Symbol; loc: Location }[]>;
}

const indexes = new WeakMap<Resolution, Index>();

function index(res: Resolution): Index {
  let idx = indexes.get(res);
  if (idx) return idx;
  const refsByFile = new Map<string, Reference[]>();
  const refsBySymbol = new Map<Symbol, Reference[]>();
  for (const r of res.references) {
    let a = refsByFile.get(r.file);
    if (!a) refsByFile.set(r.file, (a = []));
    a.push(r);
    let b = refsBySymbol.get(r.target);
    if (!b) refsBySymbol.set(r.target, (b = []));
    b.push(r);
  }
  for (const a of refsByFile.values()) a.sort((x, y) => x.range.start - y.range.start);
  const declsByFile = new Map<string, { symbol: Symbol; loc: Location }[]>();
  for (const s of res.symbols) {
    for (const loc of declarations(s)) {
      let a = declsByFile.get(loc.file);
      if (!a) declsByFile.set(loc.file, (a = []));
      a.push({ symbol: s, loc });
    }
  }
  for (const a of declsByFile.values()) a.sort((x, y) => x.loc.nameRange.start - y.loc.nameRange.start);
  idx = { refsByFile, refsBySymbol, declsByFile };
  indexes.set(res, idx);
  return idx;
}

/** Where a symbol is declared (packages may be declared by several headers). */
export function declarations(s: Symbol): Location[] {
  return s.kind === 'package' ? s.decls : [s.loc];
}

export function declaration(s: Symbol): Location | undefined {
  return declarations(s)[0];
}

/** The name a symbol is written with. */
export function symbolName(s: Symbol): string {
  switch (s.kind) {
    case 'package': return s.id;
    case 'interface': return s.name ?? (s.hir.kind === 'inline' ? s.hir.label : '');
    default: return s.name;
  }
}

export function references(res: Resolution, s: Symbol): Reference[] {
  return index(res).refsBySymbol.get(s) ?? [];
}

export function referencesInFile(res: Resolution, file: string): Reference[] {
  return index(res).refsByFile.get(file) ?? [];
}

export function declarationsInFile(res: Resolution, file: string): { symbol: Symbol; loc: Location }[] {
  return index(res).declsByFile.get(file) ?? [];
}

export interface SymbolAt {
  symbol: Symbol;
  /** The name under the cursor. */
  range: Range;
  /** A name that refers to the symbol, or the symbol's own declaration. */
  role: 'reference' | 'declaration';
  reference?: Reference;
}

const inside = (r: Range, offset: number) => r.start <= offset && offset <= r.end;

/** The symbol whose name is at `offset` (a cursor right after a name counts as on it). */
export function symbolAt(a: Analysis, offset: number): SymbolAt | undefined {
  const res = a.resolution;
  const refs = referencesInFile(res, a.file.path);
  // Binary search for the last reference starting at or before the offset.
  let lo = 0;
  let hi = refs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (refs[mid].range.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = found; i >= 0 && i >= found - 2; i--) {
    const r = refs[i];
    if (inside(r.range, offset)) return { symbol: r.target, range: r.range, role: 'reference', reference: r };
  }
  for (const d of declarationsInFile(res, a.file.path)) {
    if (inside(d.loc.nameRange, offset)) return { symbol: d.symbol, range: d.loc.nameRange, role: 'declaration' };
  }
  return undefined;
}

/**
 * The definition a name leads to. A name brought in by `use` leads to what it names (through
 * chains of `use`); everything else to its own declaration.
 */
export function definitionTarget(s: Symbol): Symbol {
  return chainEnd(s, nextTarget, new Map());
}

function nextTarget(s: Symbol): Symbol | undefined {
  return s.kind === 'typedef' && s.body.kind === 'use' ? s.body.target : undefined;
}

/** definitionTarget for many calls over one model: each chain of `use`s is walked once (chainEnd). */
export function definitionTargetMemo(): (s: Symbol) => Symbol {
  const memo = new Map<Symbol, Symbol>();
  return (s) => chainEnd(s, nextTarget, memo);
}

/**
 * Every place that names the same thing as `s`: its declaration, references to it, and names
 * brought in by `use` without `as` (which carry the same name, so a rename must change them),
 * with their own references. Used by references, highlights and rename.
 */
export function sameNameOccurrences(res: Resolution, s: Symbol): { file: string; range: Range; role: 'declaration' | 'reference' }[] {
  const out: { file: string; range: Range; role: 'declaration' | 'reference' }[] = [];
  const seen = new Set<Symbol>();
  const uses = usesOf(res);
  const visit = (sym: Symbol) => {
    if (seen.has(sym)) return;
    seen.add(sym);
    const decl = declaration(sym);
    // A `use`d name without `as` is declared by the very reference in the use list.
    const isPlainUse = sym.kind === 'typedef' && sym.body.kind === 'use' && !('def' in sym.hir) && !sym.hir.alias;
    if (decl && !isPlainUse) out.push({ file: decl.file, range: decl.nameRange, role: 'declaration' });
    for (const r of references(res, sym)) {
      // A path written through a top-level `use ... as alias` names the alias, not the item.
      if (r.role === 'alias-path') continue;
      out.push({ file: r.file, range: r.range, role: 'reference' });
    }
    for (const u of uses.get(sym) ?? []) {
      if (!('def' in u.hir) && !u.hir.alias) visit(u);
    }
  };
  visit(s);
  // One entry per place (a plain `use` name is both a reference and a declaration).
  const key = (o: { file: string; range: Range }) => `${o.file}:${o.range.start}:${o.range.end}`;
  const unique = new Map(out.map((o) => [key(o), o]));
  return [...unique.values()];
}

const usesIndex = new WeakMap<Resolution, Map<Symbol, TypeDef[]>>();

/** For each type definition, the `use` entries that bring it in. */
function usesOf(res: Resolution): Map<Symbol, TypeDef[]> {
  let m = usesIndex.get(res);
  if (m) return m;
  m = new Map();
  for (const s of res.symbols) {
    if (s.kind === 'typedef' && s.body.kind === 'use' && s.body.target) {
      const list = m.get(s.body.target) ?? [];
      list.push(s);
      m.set(s.body.target, list);
    }
  }
  usesIndex.set(res, m);
  return m;
}

/** A short description of what a symbol is, for messages and labels. */
export function describeSymbol(s: Symbol): string {
  switch (s.kind) {
    case 'package': return `package ${s.id}`;
    case 'interface': return s.name ? `interface ${s.name}` : 'inline interface';
    case 'world': return `world ${s.name}`;
    case 'func': return `function ${s.name}`;
    case 'typedef': return `${typeKeyword(s)} ${s.name}`;
  }
}

export function typeKeyword(t: TypeDef): string {
  switch (t.body.kind) {
    case 'alias': return 'type';
    case 'use': return 'use';
    default: return t.body.kind;
  }
}

/** The package a symbol belongs to. */
export function packageOf(s: Symbol): Package {
  switch (s.kind) {
    case 'package': return s;
    case 'interface':
    case 'world': return s.package;
    default: return s.owner.package;
  }
}

export type { Func, Interface, Package, Reference, Symbol, TypeDef, World };
