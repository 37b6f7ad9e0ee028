// The ABI code over every WIT input in ../shared (the reference parser's accepted and rejected
// cases, the WASI layouts): the table, hovers and size check never throw, and in accepted inputs
// a type is invalid only for a reason the spec gives (empty records, tuples and flags, which
// wit-parser accepts and component validation rejects). Prints the figures.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { abiReport, checkTypeSizes } from '../../../../server/src/semantics/abi';
import { defAbiMarkdown, funcAbiMarkdown } from '../../../../server/src/semantics/abiText';
import { checkPath } from '../../../support/check';
import { loadCases } from '../../../support/conformance';
import { SHARED_MISSING, sharedAvailable, wasiLayouts } from '../../../support/shared';

test('every WIT input in ../shared: no exceptions, invalid only for the spec\'s reasons', { skip: !sharedAvailable() && SHARED_MISSING }, async () => {
  const inputs: { path: string; accepted: boolean }[] = loadCases()
    .filter((c) => c.inputType !== 'wat')
    .map((c) => ({ path: c.input, accepted: c.kind === 'pass' }));
  for (const layout of wasiLayouts()) inputs.push({ path: layout.wit, accepted: true });
  let types = 0;
  let funcs = 0;
  let invalid = 0;
  let ms = 0;
  const surprises: string[] = [];
  for (const input of inputs) {
    const r = await checkPath(input.path, ['active']);
    const start = performance.now();
    const report = abiReport(r.resolution.packages);
    for (const pkg of r.resolution.packages) {
      for (const owner of [...pkg.interfaces.values(), ...pkg.worlds.values()]) {
        for (const def of owner.types.values()) assert.ok(defAbiMarkdown(def).startsWith('**Canonical ABI**'));
        if (owner.kind === 'interface') for (const f of owner.funcs.values()) assert.ok(funcAbiMarkdown(f).startsWith('**Canonical ABI**'));
        if (owner.kind === 'interface') checkTypeSizes(owner.types.values(), owner.funcs.values(), () => surprises.push(`${input.path}: type-too-large`));
      }
    }
    ms += performance.now() - start;
    const entries = [...Object.entries(report.types), ...Object.entries(report.functions)];
    types += Object.keys(report.types).length;
    funcs += Object.keys(report.functions).length;
    for (const [key, e] of entries) {
      if (e.valid) continue;
      invalid++;
      if (input.accepted && !/with no (fields|labels)/.test(String(e.error))) surprises.push(`${input.path}: ${key}: ${e.error}`);
    }
  }
  console.log(`# abi robustness: ${inputs.length} inputs, ${types} types and ${funcs} functions (${invalid} invalid) in ${ms.toFixed(0)} ms`);
  assert.deepEqual(surprises, []);
});
