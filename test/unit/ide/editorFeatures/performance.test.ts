// How long the editor features take on a 10,000-line file (../shared/abi/enums-large.wit, one
// enum of 10,000 cases): semantic tokens with the model (classification, LSP encoding, and the
// delta after a one-line edit), the outline, folding and a selection. Prints first and median
// times; the bounds only catch a pathological slowdown, since test runs are unbundled and share
// the machine.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { documentSymbols } from '../../../../server/src/ide/documentSymbols';
import { foldingRanges } from '../../../../server/src/ide/folding';
import { selectionRanges } from '../../../../server/src/ide/selectionRanges';
import { semanticTokens } from '../../../../server/src/ide/semanticTokens';
import { encodeTokens, tokenEdits } from '../../../../server/src/lsp/handlers/semanticTokens';
import { LineIndex } from '../../../../server/src/lsp/lineIndex';
import { analyzeFixture } from '../../../support/fixture';
import { SHARED, SHARED_MISSING, sharedAvailable } from '../../../support/shared';

const RUNS = 7;

/**
 * Wall-clock times of RUNS calls (the first one, cold, and the median) and the median CPU time of
 * the process: on a busy machine the wall clock also counts time spent waiting for a core.
 */
function measure<T>(f: () => T): { first: number; median: number; cpu: number; result: T } {
  const times: number[] = [];
  const cpu: number[] = [];
  let result!: T;
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const start = performance.now();
    result = f();
    times.push(performance.now() - start);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[RUNS >> 1];
  return { first: times[0], median: median(times), cpu: median(cpu), result };
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
const timing = (m: { first: number; median: number; cpu: number }) => `first ${ms(m.first)}, median ${ms(m.median)} (CPU ${ms(m.cpu)})`;

test('editor features on a 10,000-line file are fast', { skip: !sharedAvailable() && SHARED_MISSING }, async () => {
  const text = readFileSync(join(SHARED, 'abi', 'enums-large.wit'), 'utf8');
  const lines = text.split('\n').length;
  const fx = await analyzeFixture(`//- /wit/enums-large.wit\n${text}`);
  const a = fx.analysis;
  const tree = a.file.tree;
  const index = new LineIndex(a.file.text);

  const tokens = measure(() => semanticTokens(tree, a));
  const encoded = measure(() => encodeTokens(index, tokens.result));
  console.log(`# editor features: ${lines}-line file: semantic tokens (full, with the model) ${tokens.result.length} tokens: ${timing(tokens)}; LSP encoding: ${timing(encoded)}`);

  // A one-line edit in the middle: a case renamed. The delta is classification + encoding + diff.
  const edited = await analyzeFixture(`//- /wit/enums-large.wit\n${text.replace('    c5000,', '    renamed-case,')}`);
  const editedIndex = new LineIndex(edited.analysis.file.text);
  const delta = measure(() => tokenEdits(encoded.result, encodeTokens(editedIndex, semanticTokens(edited.analysis.file.tree, edited.analysis))));
  const [edit] = delta.result;
  console.log(`# editor features: ${lines}-line file: semantic tokens delta after a one-line edit (classify, encode, diff): ${timing(delta)}; ${delta.result.length} edit replacing ${edit.deleteCount} of ${encoded.result.length} integers with ${edit.data?.length}`);

  const outline = measure(() => documentSymbols(tree, a));
  const symbolCount = outline.result.reduce((n, s) => n + 1 + s.children.reduce((m, c) => m + 1 + c.children.length, 0), 0);
  console.log(`# editor features: ${lines}-line file: document symbols (${symbolCount} symbols): ${timing(outline)}`);

  const folding = measure(() => foldingRanges(tree));
  const selection = measure(() => selectionRanges(tree, [text.indexOf('c9999')]));
  console.log(`# editor features: ${lines}-line file: folding (${folding.result.length} ranges): ${timing(folding)}; selection ranges (one cursor): ${timing(selection)}`);

  assert.equal(delta.result.length, 1);
  assert.ok(edit.data!.length <= 10, 'the delta holds only the tokens near the edit');
  for (const [what, m] of [['tokens', tokens], ['delta', delta], ['outline', outline], ['folding', folding]] as const) {
    assert.ok(m.median < 1000, `${what}: median ${m.median} ms`);
  }
});
