// Checks a unit: syntax errors of every file plus the resolver's diagnostics, merged per file
// and sorted. The command line, the language server and the tests all go through here.

import type { Diagnostic } from '../base/diagnostic';
import { FeatureOptions } from './gates';
import type { Resolution, SourceFile } from './model';
import { Resolver, UnitInput, unitFiles } from './resolve';
import { unusedUses } from './unusedUses';

export interface UnitCheck {
  resolution: Resolution;
  /** Per file path: every diagnostic, in document order. */
  diagnostics: Map<string, Diagnostic[]>;
  /** Kept for incremental re-checks of single files (recheckFile). */
  resolver: Resolver;
}

/**
 * `forEditor: false` leaves out what only an editor shows: the references (find references,
 * rename, highlights) and the hints made from them (unused and deprecated uses). The command line
 * prints errors and warnings only, and a 50k-line package makes about 100k references.
 */
export function checkUnit(input: UnitInput, options: FeatureOptions, forEditor = true): UnitCheck {
  const resolver = new Resolver(options, forEditor);
  const resolution = resolver.run(input);
  const unused = forEditor ? unusedUses(resolution) : NO_HINTS;
  const diagnostics = new Map<string, Diagnostic[]>();
  for (const f of unitFiles(input)) diagnostics.set(f.path, merge(f, resolution, unused));
  for (const [path, ds] of resolution.diagnostics) if (!diagnostics.has(path)) diagnostics.set(path, ds);
  return { resolution, diagnostics, resolver };
}

/**
 * Re-checks a unit after one file changed, re-resolving only that file when its surface is
 * unchanged; undefined when a full check is needed. `previous` must not be used afterwards.
 */
export function recheckFile(previous: UnitCheck, changed: SourceFile): UnitCheck | undefined {
  const resolution = previous.resolver.patchFile(changed);
  if (!resolution) return undefined;
  const diagnostics = new Map(previous.diagnostics);
  diagnostics.set(changed.path, merge(changed, resolution, unusedUses(resolution, previous.resolver.symbolsOf(changed.path))));
  return { resolution, diagnostics, resolver: previous.resolver };
}

const NO_HINTS: Map<string, Diagnostic[]> = new Map();

function merge(f: SourceFile, resolution: Resolution, unused: Map<string, Diagnostic[]>): Diagnostic[] {
  const all = [...f.syntaxErrors, ...(resolution.diagnostics.get(f.path) ?? []), ...(unused.get(f.path) ?? [])];
  return dedupe(all.sort((a, b) => a.start - b.start || a.end - b.end));
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of ds) {
    const last = out[out.length - 1];
    if (last && last.start === d.start && last.end === d.end && last.message === d.message) continue;
    out.push(d);
  }
  return out;
}
