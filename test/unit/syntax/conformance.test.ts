// Parses the reference parser's test suite and the WASI packages: accepted inputs must have no
// syntax errors, and rejected inputs whose reference error is a syntax error must get an error
// on the line the reference names. Prints the figures.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { parse, syntaxErrors } from '../../../server/src/syntax';
import { caseFiles, isSyntaxError, loadCases, referenceError } from '../../support/conformance';
import { SHARED, SHARED_MISSING, filesUnder, sharedAvailable } from '../../support/shared';

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

test('accepted wit-parser cases and WASI files have no syntax errors', { skip: !sharedAvailable() && SHARED_MISSING }, () => {
  const cases = loadCases().filter((c) => c.kind === 'pass' && c.inputType !== 'wat');
  const wasi = filesUnder(join(SHARED, 'conformance', 'wasi'));
  const failures: string[] = [];
  let files = 0;
  for (const path of [...cases.flatMap(caseFiles), ...wasi]) {
    files++;
    const text = readFileSync(path, 'utf8');
    for (const e of syntaxErrors(parse(text))) {
      failures.push(`${relative(SHARED, path)}:${lineOf(text, e.start)}: ${e.message}`);
    }
  }
  console.log(`# syntax: ${cases.length} accepted wit-parser cases and ${wasi.length} WASI files (${files} files): ${files - new Set(failures.map((f) => f.split(':')[0])).size}/${files} without syntax errors`);
  assert.deepEqual(failures, []);
});

test('rejected cases with a syntax error get an error on the reference line', { skip: !sharedAvailable() && SHARED_MISSING }, () => {
  const cases = loadCases().filter((c) => c.kind === 'fail');
  let syntaxCases = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const ref = referenceError(c);
    if (!isSyntaxError(ref) || ref.line === undefined) continue;
    syntaxCases++;
    const hits: string[] = [];
    for (const path of caseFiles(c)) {
      const rel = c.inputType === 'dir' ? relative(c.input, path) : path.split('/').pop();
      const text = readFileSync(path, 'utf8');
      for (const e of syntaxErrors(parse(text))) {
        if (rel === ref.file && lineOf(text, e.start) === ref.line) hits.push(e.message);
      }
    }
    if (hits.length === 0) misses.push(`${c.name}: expected an error at ${ref.file}:${ref.line} (${ref.message})`);
  }
  console.log(`# syntax: ${syntaxCases - misses.length}/${syntaxCases} rejected cases with a syntax error get an error on the reference line`);
  assert.ok(syntaxCases >= 25, `only ${syntaxCases} syntax cases found: the classification is broken`);
  assert.deepEqual(misses, []);
});
