// Rename over fixtures: each case renames the name at `$0`, applies the edits, checks the exact
// text of the changed files, then re-checks the unit: no new errors, and the symbol at the new
// name has as many references as the old one had.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { references, symbolAt } from '../../../../server/src/ide/analysis';
import { prepareRename, rename } from '../../../../server/src/ide/rename';
import { analyzeFixture } from '../../../support/fixture';
import { applyChanges, bodyOf, errorList, reanalyze } from './edits';

/** Renames at the cursor, checks the result against `expected` (path → text) and re-checks the unit. */
async function check(fixture: string, newName: string, expected: Record<string, string>): Promise<void> {
  const fx = await analyzeFixture(fixture);
  const before = errorList(fx);
  const result = rename(fx.analysis, fx.offset, newName);
  if ('error' in result) assert.fail(`rename refused: ${result.error}`);
  const files = applyChanges(fx.files, result.changes);
  for (const [path, text] of Object.entries(expected)) assert.equal(files[path], text, `text of ${path}`);
  for (const path of Object.keys(fx.files)) {
    if (!(path in expected)) assert.equal(files[path], fx.files[path], `${path} should not change`);
  }
  // The cursor's name, now spelled the new way, must still lead to a symbol with the same references.
  const old = symbolAt(fx.analysis, fx.offset);
  const shift = result.changes.find((c) => c.file === fx.path)?.edits.filter((e) => e.end <= fx.offset)
    .reduce((n, e) => n + e.newText.length - (e.end - e.start), 0) ?? 0;
  const after = await reanalyze(files, { path: fx.path, offset: fx.offset + shift });
  assert.deepEqual(errorList(after), before, 'the rename must not add or remove errors');
  if (old) {
    const now = symbolAt(after.analysis, after.offset);
    assert.ok(now, 'a symbol at the renamed name');
    assert.equal(references(after.analysis.resolution, now.symbol).length, references(fx.analysis.resolution, old.symbol).length);
  }
}

async function refused(fixture: string, newName: string, pattern: RegExp): Promise<void> {
  const fx = await analyzeFixture(fixture);
  const result = rename(fx.analysis, fx.offset, newName);
  assert.ok('error' in result, `expected a refusal, got edits: ${JSON.stringify(result)}`);
  assert.match(result.error, pattern);
}

test('a type: its definition, uses in signatures, and plain `use` names in other files', async () => {
  await check(`
//- /wit/types.wit
package demo:app;

interface types {
  record po$0int { x: s32 }
  type pair = tuple<point, point>;
}
//- /wit/api.wit
package demo:app;

interface api {
  use types.{point};
  move: func(p: point) -> option<point>;
}
`, 'coord', {
    '/wit/types.wit': 'package demo:app;\n\ninterface types {\n  record coord { x: s32 }\n  type pair = tuple<coord, coord>;\n}',
    '/wit/api.wit': 'package demo:app;\n\ninterface api {\n  use types.{coord};\n  move: func(p: coord) -> option<coord>;\n}\n',
  });
});

test('`use x.{a as b}`: renaming `a` changes only `a`; renaming the alias changes `b` and its uses', async () => {
  const ws = `
//- /wit/types.wit
package demo:app;

interface types {
  record point { x: s32 }
}
//- /wit/api.wit
package demo:app;

interface api {
  use types.{point as pt};
  move: func(p: pt) -> pt;
}
`;
  await check(ws.replace('{point as', '{po$0int as'), 'coord', {
    '/wit/types.wit': 'package demo:app;\n\ninterface types {\n  record coord { x: s32 }\n}',
    '/wit/api.wit': 'package demo:app;\n\ninterface api {\n  use types.{coord as pt};\n  move: func(p: pt) -> pt;\n}\n',
  });
  await check(ws.replace('-> pt', '-> p$0t'), 'spot', {
    '/wit/api.wit': 'package demo:app;\n\ninterface api {\n  use types.{point as spot};\n  move: func(p: spot) -> spot;\n}\n',
  });
});

test('a chain of plain `use`s carries the name through every interface and world', async () => {
  await check(`
//- /wit/a.wit
package demo:app;

interface a { type i$0d = u32; }
interface b { use a.{id}; type ids = list<id>; }
interface c { use b.{id}; f: func(x: id); }
world w { use c.{id}; import g: func(x: id); }
`, 'key', {
    '/wit/a.wit': 'package demo:app;\n\ninterface a { type key = u32; }\ninterface b { use a.{key}; type ids = list<key>; }\ninterface c { use b.{key}; f: func(x: key); }\nworld w { use c.{key}; import g: func(x: key); }\n',
  });
});

test('an interface: local paths, world imports and exports, and foreign paths from a nested package', async () => {
  await check(`
//- /wit/types.wit
package demo:app@1.0.0;

interface ty$0pes { type id = u32; }
interface api { use types.{id}; }
world w { import types; export api; }
//- /wit/nested.wit
package demo:app@1.0.0;

package demo:other {
  interface user { use demo:app/types@1.0.0.{id}; }
  world x { import demo:app/types@1.0.0; }
}
`, 'defs', {
    '/wit/types.wit': 'package demo:app@1.0.0;\n\ninterface defs { type id = u32; }\ninterface api { use defs.{id}; }\nworld w { import defs; export api; }',
    '/wit/nested.wit': 'package demo:app@1.0.0;\n\npackage demo:other {\n  interface user { use demo:app/defs@1.0.0.{id}; }\n  world x { import demo:app/defs@1.0.0; }\n}\n',
  });
});

test('an interface of a nested package: foreign paths change, a top-level `use ... as` alias does not', async () => {
  await check(`
//- /wit/app.wit
package demo:app;

use demo:lib/api as lib-api;
use demo:lib/api;

interface user { use lib-api.{id}; use api.{id as id2}; }

package demo:lib {
  interface a$0pi { type id = u32; }
}
`, 'service', {
    '/wit/app.wit': 'package demo:app;\n\nuse demo:lib/api as lib-api;\nuse demo:lib/service;\n\ninterface user { use lib-api.{id}; use service.{id as id2}; }\n\npackage demo:lib {\n  interface service { type id = u32; }\n}\n'
      .replace('use demo:lib/api as lib-api;', 'use demo:lib/service as lib-api;'),
  });
});

test('a world: `include` paths in other worlds', async () => {
  await check(`
//- /wit/w.wit
package demo:app;

world ba$0se { import f: func(); }
world app { include base; }
`, 'core', {
    '/wit/w.wit': 'package demo:app;\n\nworld core { import f: func(); }\nworld app { include core; }\n',
  });
});

test('a resource and its methods: handles, methods and statics; constructors follow the resource', async () => {
  const ws = `
//- /wit/r.wit
package demo:app;

interface files {
  resource file {
    constructor(path: string);
    read: func(n: u32) -> list<u8>;
    open: static func(path: string) -> file;
  }
  copy: func(from: borrow<file>, to: own<file>);
}
`;
  await check(ws.replace('resource file', 'resource fi$0le'), 'handle', {
    '/wit/r.wit': bodyOf(ws).replace(/\bfile>/g, 'handle>').replace('resource file', 'resource handle').replace('-> file;', '-> handle;'),
  });
  await check(ws.replace('read: func', 're$0ad: func'), 'read-bytes', {
    '/wit/r.wit': bodyOf(ws).replace('read: func', 'read-bytes: func'),
  });
  await check(ws.replace('open: static', 'op$0en: static'), 'create', {
    '/wit/r.wit': bodyOf(ws).replace('open: static', 'create: static'),
  });
});

test('fields, variant and enum cases, flags and parameters: their declaration only', async () => {
  const ws = `
//- /wit/t.wit
package demo:app;

interface t {
  record point { x: s32, y: s32 }
  variant shape { circle(u32), none }
  enum color { red, green }
  flags perms { read, write }
  f: func(a: u32, b: u32);
}
`;
  const body = bodyOf(ws);
  await check(ws.replace('{ x:', '{ $0x:'), 'left', { '/wit/t.wit': body.replace('{ x:', '{ left:') });
  await check(ws.replace('circle(', 'cir$0cle('), 'round', { '/wit/t.wit': body.replace('circle(', 'round(') });
  await check(ws.replace('{ red', '{ r$0ed'), 'crimson', { '/wit/t.wit': body.replace('{ red', '{ crimson') });
  await check(ws.replace('write }', 'wr$0ite }'), 'modify', { '/wit/t.wit': body.replace('write }', 'modify }') });
  await check(ws.replace('b: u32)', '$0b: u32)'), 'count', { '/wit/t.wit': body.replace('b: u32)', 'count: u32)') });
});

test('a keyword as the new name is written `%name` everywhere', async () => {
  await check(`
//- /wit/t.wit
package demo:app;

interface t { record po$0int { x: s32 } }
interface u { use t.{point}; f: func(p: point); }
`, 'record', {
    '/wit/t.wit': 'package demo:app;\n\ninterface t { record %record { x: s32 } }\ninterface u { use t.{%record}; f: func(p: %record); }\n',
  });
  // `%name` given for a name that is no keyword is written plainly.
  await check(`
//- /wit/t.wit
package demo:app;

interface t { record %ty$0pe { x: s32 } f: func(p: %type); }
`, '%shape', {
    '/wit/t.wit': 'package demo:app;\n\ninterface t { record shape { x: s32 } f: func(p: shape); }\n',
  });
});

test('world functions and labels: `include ... with { a as b }` follows, also through plain includes', async () => {
  const ws = `
//- /wit/w.wit
package demo:app;

world base { import log: func(msg: string); import store: demo:app/kv; }
world app { include base with { log as logger }; }
world mid { include base; }
world top { include mid with { log as l3, store as s3 } }
interface kv { get: func(); }
`.replace('with { log as logger };', 'with { log as logger }');
  const body = bodyOf(ws);
  await check(ws.replace('import log', 'import l$0og'), 'trace', {
    '/wit/w.wit': body.replace('import log', 'import trace').replace('{ log as logger }', '{ trace as logger }').replace('{ log as l3', '{ trace as l3'),
  });
  // From the name in a `with` list: the item it names is renamed where it is declared.
  await check(ws.replace('{ log as l3', '{ l$0og as l3'), 'trace', {
    '/wit/w.wit': body.replace('import log', 'import trace').replace('{ log as logger }', '{ trace as logger }').replace('{ log as l3', '{ trace as l3'),
  });
  await check(ws.replace('import store', 'import st$0ore'), 'cache', {
    '/wit/w.wit': body.replace('import store', 'import cache').replace('store as s3', 'cache as s3'),
  });
  await check(ws.replace('as logger', 'as log$0ger'), 'journal', {
    '/wit/w.wit': body.replace('as logger', 'as journal'),
  });
});

test('an included world\'s type, and an inline interface, are renamed in `with` lists too', async () => {
  const ws = `
//- /wit/w.wit
package demo:app;

interface types { type id = u32; }
world base { use types.{id}; import env: interface { get: func(); } }
world app { include base with { id as ident, env as environment } }
`;
  const body = bodyOf(ws);
  await check(ws.replace('type id', 'type i$0d'), 'key', {
    '/wit/w.wit': body.replace('type id', 'type key').replace('{id}', '{key}').replace('{ id as', '{ key as'),
  });
  await check(ws.replace('import env', 'import e$0nv'), 'vars', {
    '/wit/w.wit': body.replace('import env', 'import vars').replace('env as', 'vars as'),
  });
});

test('prepareRename gives the name under the cursor without `%`', async () => {
  const fx = await analyzeFixture('//- /wit/t.wit\npackage demo:app;\ninterface t { record %ty$0pe { x: s32 } }\n');
  const p = prepareRename(fx.analysis, fx.offset);
  assert.ok(!('error' in p));
  assert.equal(p.placeholder, 'type');
  assert.equal(fx.files['/wit/t.wit'].slice(p.range.start, p.range.end), '%type');
});

test('refuses keywords, built-in types, package names, deps/ items and places with no name', async () => {
  const ws = `
//- /wit/app.wit
package demo:app;

interface api {
  use demo:dep/types.{id};
  record r { x: u32 }
  f: func(x: id) -> string;
}
//- /wit/deps/dep/types.wit
package demo:dep;

interface types { type id = u32; }
`;
  await refused(ws.replace('record r', 'rec$0ord r'), 'x', /`record` is a keyword/);
  await refused(ws.replace('x: u32', 'x: u$032'), 'x', /`u32` is a built-in type/);
  await refused(ws.replace('-> string', '-> str$0ing'), 'x', /`string` is a built-in type/);
  await refused(ws.replace('package demo:app', 'package demo:a$0pp'), 'x', /package name/);
  await refused(ws.replace('use demo:dep', 'use de$0mo:dep'), 'x', /package name/);
  await refused(ws.replace('x: id)', 'x: i$0d)'), 'key', /declared in deps\/.*read-only/);
  await refused(ws.replace('{id}', '{i$0d}'), 'key', /declared in deps\/.*read-only/);
  await refused(ws.replace('dep/types.', 'dep/ty$0pes.'), 'key', /declared in deps\/.*read-only/);
  await refused(ws.replace('interface types', 'interface ty$0pes'), 'key', /declared in deps\/.*read-only/);
  await refused(ws.replace('-> string;', '-> string;$0'), 'x', /nothing to rename/);
});

test('refuses new names that are not identifiers, with the reason', async () => {
  const ws = '//- /wit/t.wit\npackage demo:app;\ninterface t { record po$0int { x: s32 } }\n';
  await refused(ws, 'fooBar', /`fooBar` is not a valid WIT identifier: .*lowercase or all uppercase.*foo-bar/);
  await refused(ws, 'a_b', /not a valid WIT identifier: invalid character "_"/);
  await refused(ws, '2d', /must start with a letter/);
  await refused(ws, 'a--b', /characters between '-'s/);
  await refused(ws, '', /empty/);
});

test('refuses names that clash in the same scope', async () => {
  const ws = `
//- /wit/t.wit
package demo:app;

interface t {
  use other.{thing};
  record point { x: s32, y: s32 }
  type id = u32;
  resource file { read: func(); write: func(); constructor(); }
  f: func(a: u32, b: u32);
  m: func();
}
interface other { type thing = u32; }
interface user { use t.{id}; type key = string; }
world w { import log: func(); import trace: func(); use t.{id}; export log: func(); }
`;
  await refused(ws.replace('record point', 'record po$0int'), 'id', /interface `t` already has a type or function named `id`/);
  await refused(ws.replace('record point', 'record po$0int'), 'M', /`m`.*case-insensitive/);
  await refused(ws.replace('record point', 'record po$0int'), 'thing', /already has a type or function named `thing`/);
  await refused(ws.replace('type id', 'type i$0d'), 'key', /interface `user` already has a type or function named `key`/);
  await refused(ws.replace('type id', 'type i$0d'), 'trace', /world `w` already has an import named `trace`/);
  await refused(ws.replace('{ x:', '{ $0x:'), 'y', /`point` already has a field named `y`/);
  await refused(ws.replace('a: u32', '$0a: u32'), 'b', /already has a parameter named `b`/);
  await refused(ws.replace('read: func', 're$0ad: func'), 'write', /resource `file` already has a function named `write`/);
  await refused(ws.replace('interface t', 'interface $0t'), 'other', /package `demo:app` already has an interface or world named `other`/);
  await refused(ws.replace('import log', 'import l$0og'), 'trace', /world `w` already has an import named `trace`/);
  await refused(ws.replace('constructor()', 'constr$0uctor()'), 'make', /constructor has no name/);
});

test('a rename that would make an included world shadow an item of the includer is refused', async () => {
  await refused(`
//- /wit/w.wit
package demo:app;

world base { import l$0og: func(); }
world app { include base; import trace: func(); }
`, 'trace', /world `app` \(which includes `base`\) already has an import named `trace`/);
});

test('an interface rename checks the top-level names of each file part that sees it', async () => {
  const ws = `
//- /wit/a.wit
package demo:app;

use demo:lib/tools as helpers;

interface ap$0i { type id = u32; }

package demo:lib {
  interface tools { type t = u32; }
  interface helpers { type h = u32; }
}
`;
  // The nested package's own `tools` is in another scope: no clash.
  await check(ws, 'tools', { '/wit/a.wit': bodyOf(ws).replace('$0', '').replace('interface api', 'interface tools') });
  await refused(ws, 'helpers', /a top-level `use` in \/wit\/a\.wit already brings in the name `helpers`/);
  const nested = `
//- /wit/a.wit
package demo:app;

use demo:lib/too$0ls;
interface api { use tools.{t}; }
interface hammer { type h = u32; }

package demo:lib {
  interface tools { type t = u32; }
}
`;
  await refused(nested, 'hammer', /brings it in with a top-level `use` and also declares interface `hammer`/);
  await check(nested, 'kit', { '/wit/a.wit': bodyOf(nested).replace('$0', '').replaceAll('tools', 'kit') });
  await check(nested.replace('too$0ls;', 'tools;').replace('interface tools', 'interface too$0ls'), 'kit', {
    '/wit/a.wit': bodyOf(nested).replace('$0', '').replaceAll('tools', 'kit'),
  });
});

test('the alias of a top-level `use`: the alias and the paths written with it in its file', async () => {
  const ws = `
//- /wit/a.wit
package demo:app;

use demo:lib/tools as help$0ers;

interface api { use helpers.{t}; }
world w { import helpers; }

package demo:lib {
  interface tools { type t = u32; }
  interface helpers { type h = u32; }
  interface user { use helpers.{h}; }
}
`;
  await check(ws, 'kit', { '/wit/a.wit': bodyOf(ws).replace('$0', '').replace('as helpers', 'as kit').replace('use helpers.{t}', 'use kit.{t}').replace('import helpers', 'import kit') });
  await refused(ws, 'api', /already has a top-level name `api`/);
});
