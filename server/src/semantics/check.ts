// Checks a unit: syntax errors of every file plus the resolver's diagnostics, merged per file
// and sorted. The command line, the language server and the tests all go through here.

import type { Diagnostic } from '../base/diagnostic';
import { syntaxErrors } from '../syntax';
import { FeatureOptions } from './gates';
import type { Resolution } from './model';
import { UnitInput, resolveUnit } from './resolve';
import { unusedUses } from './unusedUses';

export interface UnitCheck {
  resolution: Resolution;
  /** Per file path: every diagnostic, in document order. */
  diagnostics: Map<string, Diagnostic[]>;
}

export function checkUnit(input: UnitInput, options: FeatureOptions): UnitCheck {
  const resolution = resolveUnit(input, options);
  const unused = unusedUses(resolution);
  const diagnostics = new Map<string, Diagnostic[]>();
  const files = [...input.main, ...input.deps.flatMap((d) => ('files' in d ? d.files : []))];
  for (const f of files) {
    const all = [...syntaxErrors(f.tree), ...(resolution.diagnostics.get(f.path) ?? []), ...(unused.get(f.path) ?? [])];
    diagnostics.set(f.path, dedupe(all.sort((a, b) => a.start - b.start || a.end - b.end)));
  }
  for (const [path, ds] of resolution.diagnostics) if (!diagnostics.has(path)) diagnostics.set(path, ds);
  return { resolution, diagnostics };
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
