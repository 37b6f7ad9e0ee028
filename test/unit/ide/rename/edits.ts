// Helpers for rename and code-action tests: apply per-file edits to fixture files, write files back
// as fixture text, and re-check the edited unit to compare its errors with the original's.

import type { Diagnostic } from '../../../../server/src/base/diagnostic';
import type { Analysis } from '../../../../server/src/ide/analysis';
import type { FileEdits } from '../../../../server/src/ide/rename';
import { checkUnit } from '../../../../server/src/semantics/check';
import { memoryFileSystem } from '../../../../server/src/semantics/fileSystem';
import { NO_FEATURES } from '../../../../server/src/semantics/gates';
import { loadUnit } from '../../../../server/src/semantics/load';
import { SourceCache } from '../../../../server/src/semantics/sources';
import { unitRootOf } from '../../../../server/src/semantics/workspace';
import { isError } from '../../../support/check';
import { FixtureAnalysis, analyzeFixture } from '../../../support/fixture';

export function applyChanges(files: Record<string, string>, changes: FileEdits[]): Record<string, string> {
  const out = { ...files };
  for (const { file, edits } of changes) {
    let text = out[file];
    if (text === undefined) throw new Error(`edit for a file that is not in the fixture: ${file}`);
    // From the end, so earlier offsets stay valid; edits must not overlap.
    const sorted = [...edits].sort((x, y) => y.start - x.start);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i].end > sorted[i - 1].start) throw new Error(`overlapping edits in ${file}`);
    }
    for (const e of sorted) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
    out[file] = text;
  }
  return out;
}

/**
 * Fixture text for a set of files (the inverse of parseFixture): each file's last line break is
 * eaten by the next header, so every file but the last gets one more.
 */
export function toFixture(files: Record<string, string>, cursor?: { path: string; offset: number }): string {
  const entries = Object.entries(files);
  return entries.map(([path, text], i) => {
    const t = cursor && cursor.path === path ? text.slice(0, cursor.offset) + '$0' + text.slice(cursor.offset) : text;
    return `//- ${path}\n${t}${i < entries.length - 1 ? '\n' : ''}`;
  }).join('');
}

/** The text of a one-file fixture, without its header line. */
export const bodyOf = (ws: string) => ws.replace(/^\n?\/\/- \S+\n/, '');

export function reanalyze(files: Record<string, string>, cursor?: { path: string; offset: number }): Promise<FixtureAnalysis> {
  return analyzeFixture(toFixture(files, cursor));
}

/** Every error of a checked unit as `file: message`, sorted. */
export function errorList(fx: { diagnostics: Map<string, Diagnostic[]> }): string[] {
  return [...fx.diagnostics].flatMap(([file, ds]) => ds.filter(isError).map((d) => `${file}: ${d.message}`)).sort();
}

/**
 * What analyzeFixture does, for files given as a map, with a parse cache shared between calls:
 * the property tests re-check large units hundreds of times, and parsing the unchanged files
 * again each time would dominate their run time.
 */
export async function recheck(files: Record<string, string>, cache: SourceCache): Promise<{
  diagnostics: Map<string, Diagnostic[]>;
  analysisOf(path: string): Analysis;
}> {
  const first = Object.keys(files)[0];
  const { input } = await loadUnit(unitRootOf(first), { fs: memoryFileSystem(files), cache });
  const { resolution, diagnostics } = checkUnit(input, NO_FEATURES);
  const all = [...input.main, ...input.deps.flatMap((d) => ('files' in d ? d.files : []))];
  return {
    diagnostics,
    analysisOf(path) {
      const file = all.find((f) => f.path === path);
      if (!file) throw new Error(`${path} is not part of the unit`);
      return { file, resolution, input };
    },
  };
}
