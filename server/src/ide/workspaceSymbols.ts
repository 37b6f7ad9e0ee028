// Workspace symbols: searches the symbols of every checked unit (packages, interfaces, worlds,
// types and functions) with a fuzzy match that knows kebab-case: a query matches when its
// characters appear in order in the name, and it ranks higher when they start the name's words
// (`in-st` and `ist` both find `input-stream`, best when contiguous or a prefix). A query with `:`
// or `/` is matched against the qualified name (`wasi:io/streams.input-stream`). Results are
// deduplicated (a file can belong to several units) and capped.

import type { Range } from '../semantics/hir';
import type { Resolution, SourceFile, Symbol } from '../semantics/model';
import { packageId } from '../semantics/model';
import { symbolName, unitFiles } from './analysis';
import type { UnitInput } from '../semantics/resolve';

export type WorkspaceSymbolKind =
  | 'package' | 'interface' | 'world' | 'type' | 'record' | 'variant' | 'enum' | 'flags' | 'resource'
  | 'function' | 'method' | 'constructor';

export interface WorkspaceSymbol {
  name: string;
  kind: WorkspaceSymbolKind;
  /** The interface or world a type or function belongs to (a method: its resource), or the package. */
  container?: string;
  file: string;
  /** The name in `file`. */
  range: Range;
  /** The whole declaration in `file`. */
  fullRange: Range;
  deprecated: boolean;
  /** Higher is better. */
  score: number;
}

/** One checked unit: what a search walks. */
export interface SearchUnit {
  resolution: Resolution;
  input: UnitInput;
}

export const DEFAULT_LIMIT = 256;

/** Among equal matches, containers first. */
const KIND_RANK: Record<WorkspaceSymbolKind, number> = {
  package: 0, interface: 1, world: 1, resource: 2, record: 2, variant: 2, enum: 2, flags: 2, type: 2,
  function: 3, method: 3, constructor: 4,
};

export function workspaceSymbols(units: SearchUnit[], query: string, limit = DEFAULT_LIMIT): WorkspaceSymbol[] {
  const q = query.trim().toLowerCase();
  const qualified = /[:/.]/.test(q);
  const seen = new Set<string>();
  const out: WorkspaceSymbol[] = [];
  for (const unit of units) {
    const files = new Set(unitFiles(unit.input).map((f: SourceFile) => f.path));
    for (const s of unit.resolution.symbols) {
      const decls = s.kind === 'package' ? s.decls : [s.loc];
      for (const loc of decls) {
        // Not the unnamed package a header-less file gets, nor names brought in by `use`
        // (they are found through what they name).
        if (!files.has(loc.file) || (s.kind === 'package' && s.name.namespace === '<unnamed>')) continue;
        if (s.kind === 'typedef' && s.body.kind === 'use') continue;
        const name = symbolName(s);
        if (!name) continue;
        const key = `${loc.file}\u0000${loc.nameRange.start}\u0000${s.kind}\u0000${name}`;
        if (seen.has(key)) continue;
        const score = q === '' ? 0 : fuzzyScore(q, qualified ? qualifiedName(s).toLowerCase() : name.toLowerCase());
        if (score === undefined) continue;
        seen.add(key);
        out.push({
          name,
          kind: kindOf(s),
          container: containerOf(s),
          file: loc.file,
          range: loc.nameRange,
          fullRange: loc.range,
          deprecated: s.kind !== 'package' && !!s.stability.deprecated,
          score,
        });
      }
    }
  }
  out.sort((a, b) => b.score - a.score || KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.name.length - b.name.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start - b.range.start));
  return out.slice(0, limit);
}

function kindOf(s: Symbol): WorkspaceSymbolKind {
  switch (s.kind) {
    case 'package': return 'package';
    case 'interface': return 'interface';
    case 'world': return 'world';
    case 'func': return s.funcKind === 'freestanding' ? 'function' : s.funcKind === 'constructor' ? 'constructor' : 'method';
    case 'typedef':
      switch (s.body.kind) {
        case 'record': case 'variant': case 'enum': case 'flags': case 'resource': return s.body.kind;
        default: return 'type';
      }
  }
}

/** Where the symbol lives, the way a reader would look for it. */
function containerOf(s: Symbol): string | undefined {
  switch (s.kind) {
    case 'package': return undefined;
    case 'interface':
    case 'world': return s.package.id;
    case 'typedef':
    case 'func': {
      const owner = s.owner;
      const ownerName = symbolName(owner);
      const path = `${packageId({ ...owner.package.name, version: undefined })}/${ownerName}${owner.package.name.version ? '@' + owner.package.name.version : ''}`;
      return s.kind === 'func' && s.resource ? `${s.resource.name} in ${path}` : path;
    }
  }
}

/** `ns:pkg/iface.name` (methods: `ns:pkg/iface.resource.name`), for queries with `:` or `/`. */
function qualifiedName(s: Symbol): string {
  switch (s.kind) {
    case 'package': return s.id;
    case 'interface':
    case 'world': return `${packageId({ ...s.package.name, version: undefined })}/${symbolName(s)}`;
    case 'typedef':
    case 'func': {
      const owner = `${packageId({ ...s.owner.package.name, version: undefined })}/${symbolName(s.owner)}`;
      return s.kind === 'func' && s.resource ? `${owner}.${s.resource.name}.${s.name}` : `${owner}.${s.name}`;
    }
  }
}

const isSeparator = (c: string) => c === '-' || c === ':' || c === '/' || c === '.' || c === '@' || c === '%';

/**
 * How well `query` matches `name` (both lower case), or undefined when it does not. Characters
 * must appear in order; a character starting a word (after `-`, `:`, `/`, `.`) or following the
 * previous match scores more, and so do a prefix and an exact match. A query `-` only matches
 * at a word boundary. Greedy, preferring word starts: queries are short.
 */
export function fuzzyScore(query: string, name: string): number | undefined {
  if (query.length === 0) return 0;
  if (query.length > name.length) return undefined;
  // Jumping ahead to word starts can miss a match that a plain left-to-right scan finds.
  return scoreMatch(query, name, true) ?? scoreMatch(query, name, false);
}

function scoreMatch(query: string, name: string, preferWordStarts: boolean): number | undefined {
  let score = 0;
  let qi = 0;
  let prevMatch = -2;
  for (let ni = 0; ni < name.length && qi < query.length; ni++) {
    const qc = query[qi];
    if (name[ni] !== qc) continue;
    const wordStart = ni === 0 || isSeparator(name[ni - 1]);
    const contiguous = prevMatch === ni - 1;
    // A mid-word letter that does not continue the previous match gives way to a later word
    // start with the same letter: `is` is Input-Stream, not InpUt-...S.
    if (preferWordStarts && !wordStart && !contiguous) {
      const later = nextWordStartWith(name, ni + 1, qc);
      if (later >= 0) {
        ni = later - 1;
        continue;
      }
    }
    score += 1 + (wordStart ? 8 : 0) + (contiguous ? 4 : 0);
    prevMatch = ni;
    qi++;
  }
  if (qi < query.length) return undefined;
  if (name.startsWith(query)) score += 20;
  if (name === query) score += 50;
  // Shorter names are closer matches for the same query.
  return score * 100 - (name.length - query.length);
}

function nextWordStartWith(name: string, from: number, c: string): number {
  for (let i = Math.max(1, from); i < name.length; i++) {
    if (name[i] === c && isSeparator(name[i - 1])) return i;
  }
  return -1;
}
