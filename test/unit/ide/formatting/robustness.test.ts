// Seeded whitespace perturbations of every conformance file (line breaks, blank lines, tabs and
// spaces put in, taken out or moved between tokens): whatever the layout, the formatter must
// accept the file, keep its meaning, and be idempotent; range formatting stays in its range. SEED=<n> replays a run.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { formatRange, formatText } from '../../../../server/src/ide/formatting';
import { SyntaxKind as K, parse, rootNode, syntaxErrors } from '../../../../server/src/syntax';
import { Rng, rng } from '../../../support/random';
import { SHARED, SHARED_MISSING, filesUnder, sharedAvailable } from '../../../support/shared';
import { sameTokensAndComments } from './support';

const LAYOUTS = [' ', '  ', '\t', '\n', '\n\n', '\n\n\n\n', '\n    ', '\n\t\t', ' \n ', '\r\n  '];

/** The text with its whitespace shuffled; tokens and comments are kept in order. */
function perturb(text: string, r: Rng): string {
  const out: string[] = [];
  let prev: K | undefined;
  for (const t of rootNode(parse(text)).tokens()) {
    const isSpace = t.kind === K.WHITESPACE;
    if (!isSpace && prev !== undefined && prev !== K.WHITESPACE && t.parent.kind !== K.VERSION && r.next() < 0.15) {
      // Put whitespace where there was none (not inside versions, where it is an error).
      out.push(prev === K.LINE_COMMENT ? '\n' : r.pick(LAYOUTS));
    }
    if (isSpace && t.text.charCodeAt(0) !== 0xfeff && r.next() < 0.5) {
      let ws = r.pick(LAYOUTS);
      if (prev === K.LINE_COMMENT && !ws.includes('\n')) ws = '\n' + ws;
      out.push(ws);
    } else {
      out.push(t.text);
    }
    prev = t.kind;
  }
  return out.join('');
}

test('shuffled whitespace: the formatter accepts, keeps meaning, and is idempotent', { skip: !sharedAvailable() && SHARED_MISSING }, () => {
  const r = rng();
  const files = filesUnder(join(SHARED, 'conformance'));
  let tried = 0;
  let skipped = 0;
  const failures: string[] = [];
  for (const path of files) {
    const original = readFileSync(path, 'utf8');
    if (syntaxErrors(parse(original)).length > 0) continue;
    for (let round = 0; round < 2; round++) {
      const text = perturb(original, r);
      if (syntaxErrors(parse(text)).length > 0) {
        skipped++;
        continue;
      }
      tried++;
      const once = formatText(parse(text));
      const where = `${relative(SHARED, path)} (round ${round})`;
      if (once === undefined) {
        failures.push(`${where}: the formatter refused`);
        continue;
      }
      if (formatText(parse(once)) !== once) failures.push(`${where}: not idempotent`);
      const problems = sameTokensAndComments(text, once);
      if (problems.length) failures.push(`${where}: ${problems[0]}`);
      // A random range: its edits stay inside it (or in the indentation it starts in).
      const a = r.int(text.length + 1);
      const b = a + r.int(text.length - a + 1);
      let from = a;
      while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
      const edits = formatRange(parse(text), a, b);
      if (edits === undefined) failures.push(`${where}: range [${a}, ${b}) refused`);
      else if (edits.some((e) => e.start < from || e.end > b)) failures.push(`${where}: an edit leaves the range [${a}, ${b})`);
    }
  }
  console.log(`# formatter: ${tried} shuffled layouts (seed ${r.seed}) formatted idempotently with the same meaning, plus a random range each; ${skipped} skipped for syntax errors`);
  assert.deepEqual(failures.slice(0, 20), []);
});
