// Helpers for completion tests: run completion at a fixture's `$0` and render the list as text,
// one item a line (`label  kind  detail`), in the order a client shows it (by sortText).

import { parse } from '../../../../server/src/syntax';
import { CompletionList, completion } from '../../../../server/src/ide/completion';
import { FixtureAnalysis, analyzeFixture } from '../../../support/fixture';

export interface Completed {
  fx: FixtureAnalysis;
  list: CompletionList;
  labels: string[];
}

/**
 * Completion at `$0`. With `current`, the file with the cursor is given newer text than the one
 * the unit was checked with (as while typing): `current(checkedText)` returns the new text with
 * its own `$0`.
 */
export async function complete(fixture: string, current?: (checked: string) => string): Promise<Completed> {
  const fx = await analyzeFixture(fixture);
  let tree = fx.analysis.file.tree;
  let offset = fx.offset;
  if (current) {
    const next = current(fx.files[fx.path]);
    offset = next.indexOf('$0');
    if (offset < 0) throw new Error('the current text needs a $0');
    tree = parse(next.slice(0, offset) + next.slice(offset + 2));
  }
  const list = completion(fx.analysis, tree, offset);
  return { fx, list, labels: list.items.map((i) => i.label) };
}

export function render(list: CompletionList): string {
  return list.items.map((i) => [i.label, i.kind, i.detail ?? ''].join('  ').trimEnd()).join('\n') + '\n';
}
