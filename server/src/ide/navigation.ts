// Go to definition, declaration and type definition, find references, document highlights,
// and document links from package references to where the package is defined.

import type { Range } from '../semantics/hir';
import { Location, Symbol, Ty, underlyingDef } from '../semantics/model';
import {
  Analysis, declaration, declarations, definitionTarget, references, referencesInFile,
  sameNameOccurrences, symbolAt,
} from './analysis';

export interface NavTarget {
  file: string;
  /** The name. */
  range: Range;
  /** The whole declaration. */
  fullRange: Range;
}

const toTarget = (loc: Location): NavTarget => ({ file: loc.file, range: loc.nameRange, fullRange: loc.range });

export function gotoDefinition(a: Analysis, offset: number): NavTarget[] {
  const at = symbolAt(a, offset);
  if (!at) return [];
  return declarations(definitionTarget(at.symbol)).map(toTarget);
}

/** The declaration the name refers to directly: for a name brought in by `use`, the `use` itself. */
export function gotoDeclaration(a: Analysis, offset: number): NavTarget[] {
  const at = symbolAt(a, offset);
  if (!at) return [];
  return declarations(at.symbol).map(toTarget);
}

/** The type that gives a name its shape: through `use` and `type x = y`, or a function's result type. */
export function gotoTypeDefinition(a: Analysis, offset: number): NavTarget[] {
  const at = symbolAt(a, offset);
  if (!at) return [];
  const s = at.symbol;
  let target: Symbol | undefined;
  if (s.kind === 'typedef') target = underlyingDef(s);
  else if (s.kind === 'func' && s.result) target = namedIn(s.result);
  const loc = target && declaration(target);
  return loc ? [toTarget(loc)] : [];
}

function namedIn(t: Ty): Symbol | undefined {
  switch (t.kind) {
    case 'def': return underlyingDef(t.def);
    case 'handle': return t.resource;
    case 'list': return namedIn(t.elem);
    case 'option': return namedIn(t.inner);
    case 'result': return (t.ok && namedIn(t.ok)) || (t.err && namedIn(t.err));
    default: return undefined;
  }
}

export interface Occurrence {
  file: string;
  range: Range;
  kind: 'declaration' | 'reference';
}

/**
 * References to the symbol at the cursor across the whole unit (deps/ and other packages
 * included): names brought in by `use` count, with or without `as`, and so do their uses.
 */
export function findReferences(a: Analysis, offset: number, includeDeclaration: boolean): Occurrence[] {
  const at = symbolAt(a, offset);
  if (!at) return [];
  const target = definitionTarget(at.symbol);
  const out: Occurrence[] = [];
  const seen = new Set<Symbol>();
  const visit = (s: Symbol) => {
    if (seen.has(s)) return;
    seen.add(s);
    const isUse = s.kind === 'typedef' && s.body.kind === 'use';
    if (includeDeclaration && !isUse) for (const d of declarations(s)) out.push({ file: d.file, range: d.nameRange, kind: 'declaration' });
    if (isUse && 'alias' in s.hir && s.hir.alias) out.push({ file: s.loc.file, range: s.loc.nameRange, kind: 'reference' });
    for (const r of references(a.resolution, s)) out.push({ file: r.file, range: r.range, kind: 'reference' });
    for (const u of a.resolution.symbols) {
      if (u.kind === 'typedef' && u.body.kind === 'use' && u.body.target === s) visit(u);
    }
  };
  visit(target);
  return dedupe(out);
}

function dedupe(xs: Occurrence[]): Occurrence[] {
  const m = new Map<string, Occurrence>();
  for (const x of xs) {
    const k = `${x.file}:${x.range.start}:${x.range.end}`;
    if (!m.has(k) || x.kind === 'declaration') m.set(k, x);
  }
  return [...m.values()].sort((x, y) => (x.file === y.file ? x.range.start - y.range.start : x.file < y.file ? -1 : 1));
}

/** Occurrences of the symbol at the cursor in this file (the declaration marked as a write). */
export function documentHighlights(a: Analysis, offset: number): Occurrence[] {
  const at = symbolAt(a, offset);
  if (!at) return [];
  return sameNameOccurrences(a.resolution, definitionTarget(at.symbol))
    .filter((o) => o.file === a.file.path)
    .map((o) => ({ file: o.file, range: o.range, kind: o.role }));
}

export interface DocumentLink {
  range: Range;
  /** The file the link opens. */
  target: string;
  tooltip: string;
}

/** Package names in `ns:pkg/...` paths link to the file that declares the package. */
export function documentLinks(a: Analysis): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const r of referencesInFile(a.resolution, a.file.path)) {
    if (r.target.kind !== 'package') continue;
    const decl = r.target.decls[0];
    if (!decl || decl.file === a.file.path) continue;
    out.push({ range: r.range, target: decl.file, tooltip: `package ${r.target.id} (${r.target.origin === 'dependency' ? 'from deps/' : r.target.origin})` });
  }
  return out;
}
