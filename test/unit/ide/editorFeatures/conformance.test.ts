// Every editor feature over every `.wit` file under ../shared/conformance (the wit-parser suite,
// its rejected cases included, and real WASI packages): no exceptions, ranges inside the file,
// semantic tokens in order and not overlapping, outlines whose children lie in their parents,
// selection chains that grow to the whole file. Each file is checked on its own (the model of a
// single-file unit) and the WASI layouts as the folders a user has, where names resolve across
// files and into deps/. Prints the figures.

import assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import type { Analysis } from '../../../../server/src/ide/analysis';
import { unitFiles } from '../../../../server/src/ide/analysis';
import { documentSymbols } from '../../../../server/src/ide/documentSymbols';
import { foldingRanges } from '../../../../server/src/ide/folding';
import { selectionRanges } from '../../../../server/src/ide/selectionRanges';
import { semanticTokens } from '../../../../server/src/ide/semanticTokens';
import { workspaceSymbols } from '../../../../server/src/ide/workspaceSymbols';
import { nodeFileSystem } from '../../../../server/src/node/fileSystem';
import { checkUnit } from '../../../../server/src/semantics/check';
import { loadUnit } from '../../../../server/src/semantics/load';
import type { UnitInput } from '../../../../server/src/semantics/resolve';
import type { Resolution } from '../../../../server/src/semantics/model';
import { SyntaxKind, rootNode } from '../../../../server/src/syntax';
import { SHARED, SHARED_MISSING, WASI_LAYOUTS, filesUnder, sharedAvailable, wasiLayouts } from '../../../support/shared';
import { outlineProblems, tokenProblems } from './support';

const skip = !sharedAvailable() && SHARED_MISSING;
const CONFORMANCE = join(SHARED, 'conformance');

interface Figures {
  files: number;
  tokens: number;
  symbols: number;
  folds: number;
  selections: number;
  ms: { tokens: number; symbols: number; folding: number; selection: number };
}

/** A file or folder read and resolved the way the language server does. */
async function analyse(path: string): Promise<{ input: UnitInput; resolution: Resolution }> {
  const { input } = await loadUnit(path, { fs: nodeFileSystem });
  return { input, resolution: checkUnit(input, { features: new Set(), allFeatures: false }).resolution };
}

const newFigures = (): Figures => ({ files: 0, tokens: 0, symbols: 0, folds: 0, selections: 0, ms: { tokens: 0, symbols: 0, folding: 0, selection: 0 } });

/** Runs every per-file feature on one file of an analysed unit; returns what went wrong. */
function checkFile(a: Analysis, figures: Figures): string[] {
  const { text, tree } = a.file;
  const problems: string[] = [];
  const timed = <T>(what: keyof Figures['ms'], f: () => T): T => {
    const t0 = performance.now();
    try {
      return f();
    } finally {
      figures.ms[what] += performance.now() - t0;
    }
  };
  figures.files++;

  const tokens = timed('tokens', () => semanticTokens(tree, a));
  figures.tokens += tokens.length;
  problems.push(...tokenProblems(text, tokens));
  problems.push(...tokenProblems(text, semanticTokens(tree)).map((p) => `without the model: ${p}`));
  // A range request gives exactly the full result's tokens that intersect the range.
  const range = { start: Math.floor(text.length / 3), end: Math.floor((2 * text.length) / 3) };
  const part = semanticTokens(tree, a, range);
  const expected = tokens.filter((t) => t.start + t.length > range.start && t.start < range.end);
  if (JSON.stringify(part) !== JSON.stringify(expected)) problems.push('range tokens differ from the full tokens in that range');

  const outline = timed('symbols', () => documentSymbols(tree, a));
  let count = 0;
  const countAll = (ss: typeof outline) => ss.forEach((s) => { count++; countAll(s.children); });
  countAll(outline);
  figures.symbols += count;
  problems.push(...outlineProblems(outline, text.length));

  const folds = timed('folding', () => foldingRanges(tree));
  figures.folds += folds.length;
  for (const f of folds) if (!(0 <= f.start && f.start < f.end && f.end <= text.length)) problems.push(`fold ${f.start}..${f.end} outside the file`);

  // Every token start, and the end of the file.
  const offsets: number[] = [];
  for (const t of rootNode(tree).tokens()) if (t.kind !== SyntaxKind.WHITESPACE) offsets.push(t.start);
  offsets.push(text.length);
  const chains = timed('selection', () => selectionRanges(tree, offsets));
  figures.selections += chains.length;
  chains.forEach((chain, i) => {
    const last = chain[chain.length - 1];
    if (!last || last.start !== 0 || last.end !== text.length) problems.push(`selection at ${offsets[i]} does not end with the whole file`);
    for (let j = 1; j < chain.length; j++) {
      const x = chain[j - 1];
      const y = chain[j];
      if (!(y.start <= x.start && x.end <= y.end && (y.start < x.start || x.end < y.end))) {
        problems.push(`selection at ${offsets[i]}: step ${j} does not grow`);
        break;
      }
    }
  });
  return problems;
}

function report(name: string, f: Figures): void {
  const ms = (x: number) => x.toFixed(0);
  console.log(`# editor features, ${name}: ${f.files} files, ${f.tokens} semantic tokens (${ms(f.ms.tokens)} ms), ${f.symbols} outline symbols (${ms(f.ms.symbols)} ms), ${f.folds} folding ranges (${ms(f.ms.folding)} ms), ${f.selections} selection chains (${ms(f.ms.selection)} ms)`);
}

test('every .wit file under ../shared/conformance, each on its own', { skip }, async () => {
  const files = filesUnder(CONFORMANCE);
  assert.ok(files.length > 500, `only ${files.length} .wit files found`);
  const figures = newFigures();
  const problems: string[] = [];
  for (const path of files) {
    const { input, resolution } = await analyse(path);
    const file = input.main[0];
    if (!file) {
      problems.push(`${path}: not read`);
      continue;
    }
    try {
      for (const p of checkFile({ file, resolution, input }, figures)) problems.push(`${relative(CONFORMANCE, path)}: ${p}`);
    } catch (e) {
      problems.push(`${relative(CONFORMANCE, path)}: threw ${e instanceof Error ? e.stack : String(e)}`);
    }
  }
  report('each file alone', figures);
  assert.deepEqual(problems.slice(0, 20), []);
});

test('the WASI layouts as folders: names resolve across files and into deps/', { skip }, async () => {
  const dir = WASI_LAYOUTS;
  const figures = newFigures();
  const problems: string[] = [];
  const units = [];
  let resolvedRefs = 0;
  let refTokens = 0;
  for (const layout of wasiLayouts()) {
    const { input, resolution } = await analyse(layout.wit);
    units.push({ resolution, input });
    for (const sf of unitFiles(input)) {
      const a: Analysis = { file: sf, resolution, input };
      try {
        for (const p of checkFile(a, figures)) problems.push(`${relative(dir, sf.path)}: ${p}`);
      } catch (e) {
        problems.push(`${relative(dir, sf.path)}: threw ${e instanceof Error ? e.stack : String(e)}`);
      }
      // How many names that refer to something the model classified (the rest fall back to syntax).
      const syntaxOnly = semanticTokens(sf.tree);
      const withModel = semanticTokens(sf.tree, a);
      assert.equal(withModel.length, syntaxOnly.length, `${sf.path}: the model changes classes, not which tokens exist`);
      for (const rf of resolution.references) {
        if (rf.file !== sf.path || rf.target.kind === 'package') continue;
        refTokens++;
        if (withModel.some((t) => t.start === rf.range.start)) resolvedRefs++;
      }
    }
  }
  report('WASI layouts with their deps', figures);
  console.log(`# editor features: ${resolvedRefs}/${refTokens} resolved references in the WASI layouts have a semantic token`);
  assert.deepEqual(problems.slice(0, 20), []);
  assert.equal(resolvedRefs, refTokens);

  // Workspace symbols over every layout at once.
  const t0 = performance.now();
  const hits = workspaceSymbols(units, 'input-stream');
  const all = workspaceSymbols(units, '', 100_000);
  const ms = performance.now() - t0;
  console.log(`# editor features: workspace symbols over ${units.length} layouts: ${all.length} symbols; 'input-stream' → ${hits.length} hits (${ms.toFixed(0)} ms for both queries)`);
  assert.ok(hits.length >= 1 && hits[0].name === 'input-stream');
  for (const s of all) assert.ok(s.range.start <= s.range.end && s.fullRange.start <= s.range.start);
});
