// Code actions over fixtures: for each quick fix, the action is offered at `$0`, linked to its
// diagnostic, applies cleanly (exact text), removes its diagnostic, and adds no error; the
// refactor merges `use` statements. The enable-feature fix is a command, checked by enabling
// the feature it names.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from '../../../../server/src/base/diagnostic';
import { CodeAction, ENABLE_FEATURE_COMMAND, codeActions, fileDiagnostics } from '../../../../server/src/ide/codeActions';
import { FixtureAnalysis, analyzeFixture } from '../../../support/fixture';
import { applyChanges, bodyOf, errorList, reanalyze } from '../rename/edits';

interface Applied {
  fx: FixtureAnalysis;
  action: CodeAction;
  files: Record<string, string>;
  after: FixtureAnalysis;
}

const describe = (d: Diagnostic) => `${d.code}: ${d.message}`;

/** Finds the action whose title matches at the cursor, applies it, re-checks, and checks that its diagnostics are gone. */
async function apply(fixture: string, title: RegExp): Promise<Applied> {
  const fx = await analyzeFixture(fixture);
  const actions = codeActions(fx.analysis, fx.range ?? { start: fx.offset, end: fx.offset });
  const action = actions.find((x) => title.test(x.title));
  assert.ok(action, `no action matching ${title}; offered: ${JSON.stringify(actions.map((x) => x.title))}`);
  const files = applyChanges(fx.files, action.edits);
  const after = await reanalyze(files);
  const remaining = fileDiagnostics(after.analysisOf(fx.path)).map(describe);
  for (const d of action.diagnostics) assert.ok(!remaining.includes(describe(d)), `still reported: ${describe(d)}`);
  const before = new Set(errorList(fx));
  assert.deepEqual(errorList(after).filter((e) => !before.has(e)), [], 'the fix must not add errors');
  return { fx, action, files, after };
}

test('did you mean: an unknown type becomes the suggested one (the preferred fix)', async () => {
  const ws = `
//- /wit/a.wit
package demo:app;

interface api {
  record point { x: s32 }
  f: func(p: pont$0) -> u33;
}
`;
  const r = await apply(ws, /Change to `point`/);
  assert.equal(r.action.isPreferred, true);
  assert.equal(r.action.diagnostics[0].code, 'unknown-name');
  assert.equal(r.files['/wit/a.wit'], bodyOf(ws).replace('$0', '').replace('p: pont', 'p: point'));
  // A primitive suggestion is written as the keyword it is.
  const prim = await apply(ws.replace('pont$0', 'point').replace('u33', 'u3$03'), /Change to `u32`/);
  assert.match(prim.files['/wit/a.wit'], /-> u32;/);
});

test('did you mean: unknown names in `use` lists and paths, local and foreign', async () => {
  const ws = `
//- /wit/a.wit
package demo:app;

interface types { type id = u32; }
interface api {
  use typs.{id};
  use demo:dep/dep-types.{kee};
  use demo:dep/dep-typs.{key as k2};
}
//- /wit/deps/dep/t.wit
package demo:dep;

interface dep-types { type key = string; }
`;
  const local = await apply(ws.replace('typs.{id}', 'ty$0ps.{id}'), /Change to `types`/);
  assert.match(local.files['/wit/a.wit'], /use types\.\{id\};/);
  const item = await apply(ws.replace('{kee}', '{ke$0e}'), /Change to `key`/);
  assert.match(item.files['/wit/a.wit'], /dep-types\.\{key\}/);
  // Not when the suggested name is taken here: `use` would bring in a second `key`.
  const taken = await analyzeFixture(ws.replace('{kee}', '{ke$0e}').replace('{key as k2}', '{key}'));
  assert.deepEqual(codeActions(taken.analysis, { start: taken.offset, end: taken.offset }).filter((x) => x.title.includes('`key`')), []);
  const iface = await apply(ws.replace('dep-typs', 'dep-ty$0ps'), /Change to `dep-types`/);
  assert.match(iface.files['/wit/a.wit'], /use demo:dep\/dep-types\.\{key as k2\};\n}/);
});

test('add a missing `use`: a new statement, indented, before the other members', async () => {
  const ws = `
//- /wit/types.wit
package demo:app;

interface types {
  record point { x: s32 }
}
//- /wit/api.wit
package demo:app;

interface api {
  /// Moves.
  move: func(p: poi$0nt);
}
`;
  const r = await apply(ws, /Add `use types\.\{point\}`/);
  assert.equal(r.files['/wit/api.wit'], 'package demo:app;\n\ninterface api {\n  use types.{point};\n  /// Moves.\n  move: func(p: point);\n}\n');
});

test('add a missing `use`: after the last `use`, or into a `use` of the same interface', async () => {
  const ws = `
//- /wit/a.wit
package demo:app;

interface types { record point { x: s32 } type id = u32; }
interface other { type name = string; }
interface api {
    use other.{name};
    use types.{id};

    move: func(p: poi$0nt, n: name, i: id);
}
`;
  const into = await apply(ws, /Add `use types\.\{point\}`/);
  assert.match(into.files['/wit/a.wit'], /\n {4}use types\.\{id, point\};\n\n/);
  const after = await apply(ws.replace('    use types.{id};\n', '').replace(', i: id', ''), /Add `use types\.\{point\}`/);
  assert.match(after.files['/wit/a.wit'], /\n {4}use other\.\{name\};\n {4}use types\.\{point\};\n\n/);
});

test('add a missing `use`: from a dependency by its full path; never when it would be a cycle', async () => {
  const ws = `
//- /wit/a.wit
package demo:app;

interface api { f: func(l: lev$0el); }
interface uses-api { use api.{}; record level { x: u8 } }
//- /wit/deps/log/log.wit
package demo:log@1.0.0;

interface sink { enum level { info, error } }
`;
  const r = await apply(ws, /Add `use demo:log\/sink@1\.0\.0\.\{level\}`/);
  assert.equal(r.files['/wit/a.wit'].split('\n')[2], 'interface api { use demo:log/sink@1.0.0.{level}; f: func(l: level); }');
  const fx = await analyzeFixture(ws);
  const titles = codeActions(fx.analysis, { start: fx.offset, end: fx.offset }).map((x) => x.title);
  assert.ok(!titles.some((t) => t.includes('uses-api')), `\`uses-api\` uses \`api\`: ${titles.join(', ')}`);
});

test('remove an unused `use` name, a whole unused `use`, and all unused names at once', async () => {
  const ws = `
//- /wit/a.wit
package demo:app;

interface types { type a = u32; type b = u32; type c = u32; }
interface api {
  use types.{a, b, c};
  use types.{a as a2};
  f: func(x: b);
}
`;
  const name = await apply(ws.replace('{a, b', '{a$0, b'), /Remove unused name `a`/);
  assert.match(name.files['/wit/a.wit'], / {2}use types\.\{b, c\};\n/);
  const last = await apply(ws.replace('b, c}', 'b, c$0}'), /Remove unused name `c`/);
  assert.match(last.files['/wit/a.wit'], / {2}use types\.\{a, b\};\n/);
  const whole = await apply(ws.replace('{a as a2}', '{a as a$02}'), /Remove unused `use` of `a2`/);
  assert.equal(whole.files['/wit/a.wit'], bodyOf(ws).replace('  use types.{a as a2};\n', ''));
  const all = await apply(ws.replace('{a, b', '{a$0, b'), /Remove all unused `use` names/);
  assert.equal(all.files['/wit/a.wit'], bodyOf(ws).replace('{a, b, c}', '{b}').replace('  use types.{a as a2};\n', ''));
});

test('unused-use hints: not for names other interfaces `use`, not in worlds, not in deps/', async () => {
  const fx = await analyzeFixture(`
//- /wit/a.wit
package demo:app;

interface types { type a = u32; }
interface middle { use types.{a}; }
interface user { use middle.{a as b}; f: func(x: b); }
world w { use types.{a}; }
//- /wit/deps/dep/d.wit
package demo:dep;

interface x { type t = u32; }
interface y { use x.{t}; }
`);
  const hints = fileDiagnostics(fx.analysis).filter((d) => d.code === 'unused-use');
  assert.deepEqual(hints, []);
  assert.deepEqual(fileDiagnostics(fx.analysisOf('/wit/deps/dep/d.wit')).filter((d) => d.code === 'unused-use'), []);
  const unused = await analyzeFixture('//- /wit/a.wit\npackage demo:app;\ninterface t { type a = u32; }\ninterface u { use t.{a}; }\n');
  const [h] = fileDiagnostics(unused.analysis).filter((d) => d.code === 'unused-use');
  assert.equal(h.tags?.[0], 'unnecessary');
  assert.equal(h.message, 'unused `use`: nothing refers to `a`');
});

test('add a missing package header, named after the folder and the dependencies\' namespace', async () => {
  const ws = `
//- /work/my-app/wit/a.wit
$0interface api {
  @since(version = 0.2.0)
  f: func();
}
//- /work/my-app/wit/deps/dep/d.wit
package acme:dep;

interface d { type t = u32; }
`;
  const r = await apply(ws, /Add `package acme:my-app@0\.2\.0;`/);
  assert.ok(r.files['/work/my-app/wit/a.wit'].startsWith('package acme:my-app@0.2.0;\n\ninterface api {'));
  const plain = await apply('//- /demo/wit/a.wit\n$0interface api {}\n', /Add `package local:demo;`/);
  assert.equal(plain.files['/demo/wit/a.wit'], 'package local:demo;\n\ninterface api {}\n');
});

test('kebab-case an identifier: a declared name is renamed with its references', async () => {
  const ws = `
//- /wit/a.wit
package demo:app;

interface api {
  record userInfo$0 { name: string }
  get: func() -> userInfo;
}
interface other { use api.{userInfo}; }
`;
  const r = await apply(ws, /Change to `user-info` \(kebab-case\)/);
  assert.equal(r.files['/wit/a.wit'], bodyOf(ws).replace('$0', '').replaceAll('userInfo', 'user-info'));
  const field = await apply(ws.replace('{ name:', '{ first_Name$0:'), /Change to `first-name`/);
  assert.match(field.files['/wit/a.wit'], /\{ first-name: string \}/);
});

test('escape a keyword used as a name', async () => {
  const ws = '//- /wit/a.wit\npackage demo:app;\n\ninterface api {\n  record r { type$0: u32 }\n}\n';
  const r = await apply(ws, /Escape `type` as `%type`/);
  assert.equal(r.files['/wit/a.wit'], 'package demo:app;\n\ninterface api {\n  record r { %type: u32 }\n}\n');
});

test('remove a stray `;` after `}`', async () => {
  const ws = '//- /wit/a.wit\npackage demo:app;\n\ninterface api {\n  record r { x: u32 }$0;\n  f: func();\n}\n';
  const r = await apply(ws, /Remove the `;` after `\}`/);
  assert.equal(r.files['/wit/a.wit'], 'package demo:app;\n\ninterface api {\n  record r { x: u32 }\n  f: func();\n}\n');
});

test('enable a feature: a `wit.enableFeature` command with the feature name; enabling it clears the diagnostic', async () => {
  const ws = `
//- /wit/a.wit
package demo:app@1.0.0;

interface api {
  @unstable(feature = fancy)
  type secret = u32;
  @since(version = 1.0.0)
  type public = secret$0;
}
`;
  const fx = await analyzeFixture(ws);
  for (const code of ['gated-reference', 'inactive-feature']) {
    const d = fileDiagnostics(fx.analysis).find((x) => x.code === code)!;
    const action = codeActions(fx.analysis, d).find((x) => x.command);
    assert.ok(action, `an action for ${code}`);
    assert.deepEqual(action.command, { command: ENABLE_FEATURE_COMMAND, title: 'Enable feature `fancy` (wit.features)', arguments: ['fancy'] });
    assert.deepEqual(action.edits, []);
    assert.equal(action.diagnostics[0], d);
  }
  const enabled = await analyzeFixture(ws, { features: new Set(['fancy']), allFeatures: false });
  assert.deepEqual(fileDiagnostics(enabled.analysis).filter((d) => d.code === 'gated-reference' || d.code === 'inactive-feature'), []);
});

test('enable a feature: one action where a gated-out world `use` is both excluded and an error', async () => {
  const ws = `
//- /wit/a.wit
package demo:app@1.0.0;

interface types { type id = u32; }

world app {
  @unstable(feature = preview)
  use types.{id};
}
`;
  const fx = await analyzeFixture(ws);
  const ds = fileDiagnostics(fx.analysis).filter((d) => d.code === 'gated-reference' || d.code === 'inactive-feature');
  assert.deepEqual(ds.map((d) => d.code).sort(), ['gated-reference', 'inactive-feature']);
  const actions = codeActions(fx.analysis, ds[0]).filter((x) => x.command?.command === ENABLE_FEATURE_COMMAND);
  assert.equal(actions.length, 1, actions.map((x) => x.title).join(', '));
  assert.deepEqual(new Set(actions[0].diagnostics), new Set(ds));
});

test('refactor: merge the `use` statements of one interface', async () => {
  const ws = `
//- /wit/a.wit
package demo:app;

interface types { type a = u32; type b = u32; }
interface api {
  use types.{a}$0;
  use types.{b};
  f: func(x: a, y: b);
}
`;
  const r = await apply(ws, /Merge the `use` statements of `types`/);
  assert.equal(r.action.kind, 'refactor.rewrite');
  assert.equal(r.files['/wit/a.wit'], bodyOf(ws).replace('$0', '').replace('{a};\n  use types.{b};', '{a, b};'));
});

test('no edits are offered in deps/ files', async () => {
  const fx = await analyzeFixture(`
//- /wit/a.wit
package demo:app;
interface api {}
//- /wit/deps/dep/d.wit
package demo:dep;
interface d { f: func(p: pont$0); record point { x: u32 } }
`);
  assert.deepEqual(codeActions(fx.analysis, { start: fx.offset, end: fx.offset }), []);
});

test("a package's own item written with the package name is named alone: a cycle, or a typo of the name", async () => {
  const ws = `
//- /wit/a.wit
package demo:app@1.0.0;

interface types {
  type t = u8;
}

interface api {
  use dem$0o:app/types@1.0.0.{t};
}

world w {
  import demo:ap/types;
}
`;
  const cycle = await apply(ws, /Refer to `types` by name alone/);
  assert.equal(cycle.action.diagnostics[0].code, 'package-cycle');
  assert.equal(cycle.action.isPreferred, true);
  assert.match(cycle.files['/wit/a.wit'], /\n {2}use types\.\{t\};\n/);
  const typo = await apply(ws.replace('dem$0o', 'demo').replace('demo:ap/', 'de$0mo:ap/'), /Refer to `types` by name alone/);
  assert.equal(typo.action.diagnostics[0].code, 'unknown-package');
  assert.match(typo.files['/wit/a.wit'], /\n {2}import types;\n/);
  // No fix when the package has no such item to name.
  const fx = await analyzeFixture(ws.replace('dem$0o:app/types@1.0.0', 'dem$0o:app/nope@1.0.0'));
  assert.deepEqual(codeActions(fx.analysis, { start: fx.offset, end: fx.offset }).filter((x) => /by name alone/.test(x.title)), []);
});

test('a package name with capitals is written in lowercase in its header and every path to it, its version kept', async () => {
  const ws = `
//- /wit/a.wit
package demo:app;

package MY:L$0IB@1.0.0-RC1 {
  interface types { type t = u32; }
}

world w {
  import MY:LIB/types@1.0.0-RC1;
}
//- /wit/b.wit
package demo:app;

interface api {
  use MY : LIB/types@1.0.0-RC1.{t};
}
`;
  const r = await apply(ws, /Write the package name in lowercase: `my:lib`/);
  assert.equal(r.action.diagnostics[0].code, 'package-name-case');
  assert.equal(r.action.isPreferred, true);
  assert.match(r.files['/wit/a.wit'], /\npackage my:lib@1\.0\.0-RC1 \{\n/);
  assert.match(r.files['/wit/a.wit'], /\n {2}import my:lib\/types@1\.0\.0-RC1;\n/);
  assert.match(r.files['/wit/b.wit'], /\n {2}use my : lib\/types@1\.0\.0-RC1\.\{t\};\n/);
  // Not when the lowercase name is another package's.
  const taken = await analyzeFixture(ws.replace('world w {', 'package my:lib@1.0.0-RC1 { interface other {} }\n\nworld w {'));
  assert.ok(fileDiagnostics(taken.analysis).some((d) => d.code === 'package-name-case' && d.start <= taken.offset && taken.offset <= d.end));
  assert.deepEqual(codeActions(taken.analysis, { start: taken.offset, end: taken.offset }).filter((x) => /lowercase/.test(x.title)), []);
});
