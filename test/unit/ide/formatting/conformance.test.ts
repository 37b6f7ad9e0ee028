// The formatter against the reference material: wasm-tools' printed WIT must come out unchanged
// (up to three documented printer quirks), and every WIT file under ../shared/conformance must
// format idempotently and keep its meaning. Prints the figures.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { formatDocument, formatText } from '../../../../server/src/ide/formatting';
import { parse, syntaxErrors } from '../../../../server/src/syntax';
import { SHARED, SHARED_MISSING, filesUnder, sharedAvailable } from '../../../support/shared';
import { sameTokensAndComments } from './support';

const PRINT_DIR = join(SHARED, 'conformance', 'wit-component-print');

/**
 * What the printer does that the canonical style does not, each applied to the printer's text:
 * - an empty body is printed `{` newline `}`; the formatter writes `{}`, as people do;
 * - a world that follows another item gets no blank line before it (a side effect of how the
 *   printer ends worlds); the formatter separates all top-level items by one blank line;
 * - files that end with an interface end with a blank line; the formatter ends them with one
 *   line break.
 */
const PRINTER_QUIRKS: { name: string; fix: (text: string) => string }[] = [
  { name: 'empty body printed over two lines', fix: (t) => t.replace(/\{\n[ \t]*\}/g, '{}') },
  { name: 'no blank line before a top-level item after a world', fix: (t) => t.replace(/^\}\n(?=\S)/gm, '}\n\n') },
  { name: 'blank line at the end of the file', fix: (t) => t.replace(/\n+$/, '\n') },
];

test('the printer\'s output is canonical, up to its documented quirks', { skip: !sharedAvailable() && SHARED_MISSING }, () => {
  const files = filesUnder(PRINT_DIR, '.wit.print');
  assert.ok(files.length >= 40, `expected the 41 printer files, found ${files.length}`);
  let unchanged = 0;
  const quirkCounts = PRINTER_QUIRKS.map(() => 0);
  const failures: string[] = [];
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    const formatted = formatText(parse(text));
    if (formatted === text) {
      unchanged++;
      continue;
    }
    let expected = text;
    PRINTER_QUIRKS.forEach((q, i) => {
      const fixed = q.fix(expected);
      if (fixed !== expected) quirkCounts[i]++;
      expected = fixed;
    });
    if (formatted !== expected) failures.push(`${relative(PRINT_DIR, path)}: ${firstDifference(expected, formatted ?? '(no edits)')}`);
  }
  console.log(`# formatter: ${unchanged}/${files.length} printer files unchanged; the other ${files.length - unchanged} differ only by printer quirks (${PRINTER_QUIRKS.map((q, i) => `${q.name}: ${quirkCounts[i]} files`).join('; ')})`);
  assert.deepEqual(failures, []);
});

test('every conformance file formats idempotently and keeps its meaning', { skip: !sharedAvailable() && SHARED_MISSING }, () => {
  const files = filesUnder(join(SHARED, 'conformance'));
  let withErrors = 0;
  let formatted = 0;
  let changed = 0;
  let idempotent = 0;
  let sameMeaning = 0;
  const failures: string[] = [];
  for (const path of files) {
    const rel = relative(SHARED, path);
    const text = readFileSync(path, 'utf8');
    const tree = parse(text);
    if (syntaxErrors(tree).length > 0) {
      withErrors++;
      if (formatDocument(tree) !== undefined) failures.push(`${rel}: has syntax errors but got edits`);
      continue;
    }
    const once = formatText(tree);
    if (once === undefined) {
      failures.push(`${rel}: the formatter's check refused its own result`);
      continue;
    }
    formatted++;
    if (once !== text) changed++;
    const twice = formatText(parse(once));
    if (twice === once) idempotent++;
    else failures.push(`${rel}: not idempotent: ${firstDifference(once, twice ?? '(no edits)')}`);
    const problems = sameTokensAndComments(text, once);
    if (problems.length === 0) sameMeaning++;
    else failures.push(`${rel}: ${problems[0]}`);
  }
  console.log(`# formatter: ${formatted}/${files.length} conformance files formatted (${changed} changed), ${withErrors} with syntax errors left untouched`);
  console.log(`# formatter: ${idempotent}/${formatted} idempotent, ${sameMeaning}/${formatted} with the same tokens, comments and tree`);
  assert.ok(formatted > 500, `only ${formatted} files formatted`);
  assert.deepEqual(failures, []);
});

function firstDifference(a: string, b: string): string {
  const x = a.split('\n');
  const y = b.split('\n');
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  return `line ${i + 1}: ${JSON.stringify(x[i])} vs ${JSON.stringify(y[i])}`;
}
