// What wit-parser accepts but the component validator rejects: for each interface body below,
// the reference builds a component from a world that imports the interface, and one that exports
// it (and from a few worlds' own bodies); wasmparser validates it, and the checker must warn
// exactly when validation fails, with no error (wit-parser
// accepts every one of them). The bodies cover each rule of the validator that wit-parser does
// not apply, beside near misses that validate.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkPath, isError, isWarning } from '../../support/check';
import { REFERENCE_MISSING, loadComponentValidator, loadReference } from '../../support/reference';

const manyCases = (n: number): string => Array.from({ length: n }, (_, i) => `c${i}`).join(', ');

const BODIES = [
  // Repeated and case-only names in each scope.
  'record r { q: u8, q: u8 }', 'record r { q: u8, Q: u8 }', 'record r { q: u8, p: u8 }',
  'variant v { c, c }', 'variant v { c(u8), C }', 'variant v { c(u8), d }',
  'enum e { a, a }', 'enum e { a, A }', 'enum e { a, b }', 'enum e { a-b, A-b }',
  'flags f { x, x }', 'flags f { x, X }', 'flags f { x, y }',
  'f: func(a: u8, A: u8);', 'f: func(a: u8, b: u8);',
  'type t = u8; type T = u8;', 'type t = u8; T: func();', 'f: func(); F: func();', 'type t = u8; t2: func();',
  '@unstable(feature = x) type t = u8; T: func();',
  'resource r { m: func(); M: func(); }', 'resource r { m: func(); M: static func(); }', 'resource r { m: func(); n: func(); }',
  'resource r { m: func(); } resource R;', 'resource r { constructor(); r: func(); }', 'resource r { R: static func(); }',
  'resource a-b { a-b: func(); }', 'resource r { r-a: func(); }', 'resource x { r: func(); } r: func();',
  // Empty types, limits and payloads.
  'record r {}', 'flags f {}', 'type t = tuple<>;', 'type t = tuple<u8>;',
  `flags f { ${manyCases(32)} }`, `flags f { ${manyCases(33)} }`,
  `enum e { ${manyCases(10_000)} }`, `enum e { ${manyCases(10_001)} }`,
  'type l = list<u8, 0>;', 'type l = list<u8, 1>;', 'type l = list<u8, 268435455>;', 'type l = list<u8, 268435456>;',
  'type s = stream<char>;', 'type s = stream<u8>;', 'type s = stream<string>;', 'resource r; type s = stream<borrow<r>>;',
];

/** Bodies of a world itself (wit-parser compares its import and export names without case). */
const WORLD_BODIES = [
  'resource r { r: func(); } import f: func(x: r);', 'resource r { m: func(); } import f: func(x: r);',
  'record r { a: u8, a: u8 } import f: func(x: r);', 'enum e { a, A } import f: func(x: e);',
];

/** Whole files: package names, which components spell in lowercase only. */
const FILES = [
  'package MY:pkg;\n\nworld w {\n  import f: func();\n}\n',
  'package my:PKG;\n\ninterface i {}\n\nworld w {\n  import i;\n}\n',
  'package a:b;\n\nworld w {\n  import c:D/e;\n}\n\npackage c:D {\n  interface e {}\n}\n',
  'package a:b;\n\ninterface ABC {}\n\nworld w {\n  import ABC;\n}\n',
  'package a:b;\n\nworld w {\n  import f: func();\n}\n\npackage c:D {}\n',
];

const inputs = (): string[] => [
  ...BODIES.flatMap((body) => ['import', 'export'].map((dir) => `package a:b;\n\ninterface foo {\n  ${body}\n}\n\nworld w {\n  ${dir} foo;\n}\n`)),
  ...WORLD_BODIES.map((body) => `package a:b;\n\nworld w {\n  ${body}\n}\n`),
  ...FILES,
];

test('the checker warns exactly when the component validator rejects what wit-parser accepts', async (t) => {
  const validate = await loadComponentValidator();
  const reference = await loadReference();
  if (!validate || !reference) {
    t.skip(REFERENCE_MISSING);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'wit-component-'));
  const disagreements: string[] = [];
  let rejected = 0;
  const all = inputs();
  for (const [i, text] of all.entries()) {
    const path = join(dir, `case${i}.wit`);
    writeFileSync(path, text);
    const body = (text.startsWith('package a:b;') ? text.split('\n').slice(2).join(' ') : text).replace(/\s+/g, ' ');
    const label = body.length > 90 ? `${body.slice(0, 90)}…` : body;
    assert.equal(await reference(path), undefined, `${label}: wit-parser must accept it for this test`);
    const invalid = await validate(path, 'w');
    if (invalid) rejected++;
    const ds = [...(await checkPath(path)).diagnostics.values()].flat();
    const errors = ds.filter(isError).map((d) => `${d.code}: ${d.message}`);
    const warnings = ds.filter(isWarning).map((d) => `${d.code}: ${d.message}`);
    if (errors.length) disagreements.push(`${label}: wit-parser accepts it, we report ${errors[0]}`);
    else if (invalid && warnings.length === 0) disagreements.push(`${label}: the validator rejects it (${invalid.split('\n').pop()!.trim()}), we say nothing`);
    else if (!invalid && warnings.length) disagreements.push(`${label}: the validator accepts it, we warn ${warnings[0]}`);
  }
  console.log(`# component validation: ${all.length - disagreements.length}/${all.length} inputs agree with the validator (${rejected} rejected by it)`);
  assert.deepEqual(disagreements, []);
});

test('a mixed-case name is a syntax error only, not also a case clash', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'wit-component-')), 'mixed.wit');
  writeFileSync(path, 'package a:b;\n\ninterface i {\n  enum color { red, Red }\n  enum shade { red, RED }\n}\n');
  const ds = [...(await checkPath(path)).diagnostics.values()].flat().map((d) => `${d.code}: ${d.message}`);
  assert.deepEqual(ds, [
    "invalid-identifier: invalid identifier `Red`: each '-'-separated part must be all lowercase or all uppercase (write `red`)",
    'case-insensitive-duplicate: `RED` and `red` differ only in case; component validation compares names in an enum without case',
  ]);
});
