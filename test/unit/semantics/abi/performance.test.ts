// How long the layouts of every type and function in ../shared/abi take (enums-large.wit has a
// 10,000-case enum on 10,000 lines): resolving the package, then the whole reference table
// (both pointer sizes, with spellings) cold and memoized, then every hover text. Prints the
// figures; the bounds only catch a pathological slowdown, since test runs share the machine.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { abiReport, defLayout, funcSignatures, ownTypes } from '../../../../server/src/semantics/abi';
import { defAbiMarkdown, funcAbiMarkdown } from '../../../../server/src/semantics/abiText';
import { checkPath } from '../../../support/check';
import { SHARED, SHARED_MISSING, sharedAvailable } from '../../../support/shared';

test('layouts for all of ../shared/abi are fast', { skip: !sharedAvailable() && SHARED_MISSING }, async () => {
  let start = performance.now();
  const checked = await checkPath(join(SHARED, 'abi'));
  const checkMs = performance.now() - start;
  const packages = checked.resolution.rootPackages;

  start = performance.now();
  const report = abiReport(packages);
  const coldMs = performance.now() - start;
  start = performance.now();
  abiReport(packages);
  const warmMs = performance.now() - start;

  start = performance.now();
  let layouts = 0;
  let hovers = 0;
  for (const pkg of packages) {
    for (const owner of [...pkg.interfaces.values(), ...pkg.worlds.values()]) {
      for (const def of ownTypes(owner)) {
        defLayout(def, 4);
        defLayout(def, 8);
        defAbiMarkdown(def);
        layouts += 2;
        hovers++;
      }
      if (owner.kind !== 'interface') continue;
      for (const f of owner.funcs.values()) {
        funcSignatures(f, 4);
        funcAbiMarkdown(f);
        hovers++;
      }
    }
  }
  const hoverMs = performance.now() - start;
  const types = Object.keys(report.types).length;
  const funcs = Object.keys(report.functions).length;
  console.log(`# abi performance: check ${checkMs.toFixed(0)} ms; table of ${types} types and ${funcs} functions ` +
    `(both pointer sizes) ${coldMs.toFixed(1)} ms cold, ${warmMs.toFixed(1)} ms memoized; ${layouts} layouts + ${hovers} hover texts ${hoverMs.toFixed(1)} ms`);
  assert.equal(types, 123);
  assert.ok(coldMs < 1000 && hoverMs < 1000, `${coldMs} ms, ${hoverMs} ms`);
});
