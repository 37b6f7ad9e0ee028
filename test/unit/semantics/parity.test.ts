// Inputs on which the checker once disagreed with wit-parser, found by differential fuzzing
// against the reference (mutated wit-parser suite cases and WASI packages, gates inserted). Each
// fixture under test/data/semantics/parity/ says on its first line what wit-parser does with it
// ("// wit-parser: accepts" or "// wit-parser: rejects CODE"); the checker must agree, with CODE
// as its first error. A second test asks the reference itself (wit-parser compiled to wasm in
// @bytecodealliance/jco-transpile) so that no fixture claims what the reference does not do.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkPath, isError, isWarning, lineOf } from '../../support/check';
import { PROJECT_ROOT } from '../../e2e/support/env';
import { REFERENCE_MISSING, loadReference } from '../../support/reference';

const DIR = join(PROJECT_ROOT, 'test', 'data', 'semantics', 'parity');

interface ParityCase {
  name: string;
  path: string;
  accepts: boolean;
  code?: string;
}

function cases(): ParityCase[] {
  return readdirSync(DIR).sort().map((name) => {
    const path = join(DIR, name);
    const header = readFileSync(statSync(path).isDirectory() ? join(path, 'root.wit') : path, 'utf8').split('\n')[0];
    const m = /^\/\/ wit-parser: (accepts|rejects ([a-z-]+))$/.exec(header);
    if (!m) throw new Error(`${name}: the first line must say "// wit-parser: accepts" or "// wit-parser: rejects CODE"`);
    return { name, path, accepts: m[1] === 'accepts', code: m[2] };
  });
}

test('the checker agrees with wit-parser on every parity case', async () => {
  const all = cases();
  assert.ok(all.length >= 10, `only ${all.length} cases found in ${DIR}`);
  for (const c of all) {
    const r = await checkPath(c.path);
    const errors = [...r.diagnostics.values()].flat().filter(isError).sort((a, b) => a.start - b.start);
    if (c.accepts) {
      assert.deepEqual(errors.map((d) => `${d.code}: ${d.message}`), [], `${c.name}: wit-parser accepts it`);
    } else {
      assert.ok(errors.length > 0, `${c.name}: wit-parser rejects it, we accept it`);
      assert.equal(errors[0].code, c.code, `${c.name}: first error ${errors[0].code}: ${errors[0].message}`);
    }
  }
});

test('each parity case says what the reference really does', async (t) => {
  const reference = await loadReference();
  if (!reference) {
    t.skip(REFERENCE_MISSING);
    return;
  }
  for (const c of cases()) {
    const error = await reference(c.path);
    assert.equal(error === undefined, c.accepts, `${c.name}: the reference ${error === undefined ? 'accepts it' : `rejects it: ${error}`}`);
  }
});

test('a definition that a later `use` replaces is reported as ignored, with the `use` related', async () => {
  const path = join(DIR, 'typedef-before-use-of-same-name.wit');
  const r = await checkPath(path);
  const warnings = [...r.diagnostics.values()].flat().filter((d) => d.code === 'shadowed-by-use');
  assert.equal(warnings.length, 1);
  assert.equal(lineOf(path, warnings[0].start), 11);
  assert.equal(lineOf(path, warnings[0].related![0].start), 12);
});

test('an ignored resource still has its repeated functions reported (wit-parser 0.259 panics on them), and its functions are said to stay', async () => {
  // wit-parser skips the definition that the `use` replaces, but still adds the resource's
  // functions to the interface, and a second `m` (or constructor) trips its assertion. The
  // toolchain cannot build this, so it is an error here, beside the warning.
  const dir = mkdtempSync(join(tmpdir(), 'wit-shadowed-'));
  const path = join(dir, 'shadowed.wit');
  writeFileSync(path, [
    'package a:b;',
    'interface j { type t = u8; }',
    'interface i {',
    '  resource t { constructor(); constructor(); m: func(); m: func(); n: func(); }',
    '  use j.{t};',
    '}',
    '',
  ].join('\n'));
  const r = await checkPath(path);
  const found = [...r.diagnostics.values()].flat().filter((d) => isError(d) || isWarning(d)).map((d) => `${d.code}: ${d.message}`);
  assert.deepEqual(found, [
    'shadowed-by-use: type `t` is ignored: the `use` below brings in the same name, and wit-parser keeps only that one; its functions stay in the interface, so a component that uses this interface cannot be built (rename or remove one of them)',
    'duplicate-method: duplicate constructors: resource `t` can have only one',
    'duplicate-method: duplicate function name `m` in resource `t`',
  ]);
  // In a world, the functions stay in the world.
  writeFileSync(path, 'package a:b;\ninterface j { type t = u8; }\nworld w {\n  resource t { m: func(); }\n  use j.{t};\n}\n');
  const inWorld = [...(await checkPath(path)).diagnostics.values()].flat().map((d) => `${d.code}: ${d.message}`);
  assert.deepEqual(inWorld, [
    'shadowed-by-use: type `t` is ignored: the `use` below brings in the same name, and wit-parser keeps only that one; its functions stay in the world, so no component can be built from it (rename or remove one of them)',
  ]);
});
