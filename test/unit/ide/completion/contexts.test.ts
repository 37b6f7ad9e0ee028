// Completion by context over fixtures: item keywords per container, types in scope (also inside
// generics and handles), interface and world paths of the package and of dependencies, `use`
// and `include … with` lists, attributes, and the edit ranges the items carry.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completion } from '../../../../server/src/ide/completion';
import { analyzeFixture } from '../../../support/fixture';
import { complete } from './support';

const DEPS = `
//- /wit/deps/io/streams.wit
package wasi:io@0.2.0;

interface streams {
  resource input-stream;
  resource output-stream;
  type stream-error = u32;
}

interface poll {
  resource pollable;
}

world imports {
  import streams;
  import poll;
}
//- /wit/deps/clocks/clocks.wit
package wasi:clocks@0.2.0;

interface wall-clock {
  record datetime { seconds: u64 }
}
`;

const has = (labels: string[], ...want: string[]) => {
  for (const w of want) assert.ok(labels.includes(w), `expected ${w} in [${labels.join(', ')}]`);
};
const lacks = (labels: string[], ...unwanted: string[]) => {
  for (const w of unwanted) assert.ok(!labels.includes(w), `did not expect ${w} in [${labels.join(', ')}]`);
};

test('the start of a file offers package, interface, world and use', async () => {
  const { labels } = await complete('$0');
  has(labels, 'package', 'interface', 'world', 'use');
  const after = await complete('package a:b;\ninterface i {}\n$0');
  has(after.labels, 'interface', 'world', 'use');
  lacks(after.labels, 'package', 'record');
});

test('inside an interface: type definitions, use and a function snippet, not world items', async () => {
  const { labels, list } = await complete('package a:b;\ninterface i {\n  $0\n}');
  has(labels, 'type', 'record', 'variant', 'enum', 'flags', 'resource', 'use', 'name: func');
  lacks(labels, 'import', 'export', 'include', 'interface', 'package');
  const snippet = list.items.find((i) => i.label === 'record' && i.kind === 'snippet');
  assert.ok(snippet?.snippet && snippet.insertText.startsWith('record ${1:name} {'), 'the record snippet has tab stops');
});

test('inside a world: import, export, include, use and type definitions', async () => {
  const { labels } = await complete('package a:b;\nworld w {\n  $0\n}');
  has(labels, 'import', 'export', 'include', 'use', 'record', 'import name: func', 'export name: func');
  lacks(labels, 'name: func', 'interface', 'constructor');
});

test('inside a resource: constructor and methods', async () => {
  const { labels } = await complete('package a:b;\ninterface i {\n  resource r {\n    $0\n  }\n}');
  has(labels, 'constructor', 'name: func', 'name: static func');
  lacks(labels, 'record', 'type');
});

test('after `name:` a function type; `static` only in a resource', async () => {
  const iface = await complete('package a:b;\ninterface i {\n  f: $0\n}');
  assert.deepEqual(iface.labels.sort(), ['async func', 'func']);
  const res = await complete('package a:b;\ninterface i {\n  resource r {\n    m: $0\n  }\n}');
  has(res.labels, 'func', 'async func', 'static func', 'static async func');
  const afterAsync = await complete('package a:b;\ninterface i {\n  f: async $0\n}');
  assert.deepEqual(afterAsync.labels, ['func']);
});

test('a name being declared gets no completions', async () => {
  for (const src of ['interface $0', 'interface i { record $0 }', 'interface i { record r { $0 } }', 'interface i { enum e { a, $0 } }']) {
    const { labels } = await complete(`package a:b;\n${src}`);
    assert.deepEqual(labels, [], src);
  }
});

test('nothing is offered inside comments and strings', async () => {
  for (const src of ['interface i { // rec$0\n}', 'interface i { /* type $0 */ }', 'interface i { @external-id("x$0") f: func(); }']) {
    const { labels } = await complete(`package a:b;\n${src}`);
    assert.deepEqual(labels, [], src);
  }
});

const TYPES = `package demo:app@0.1.0;

interface types {
  use wasi:io/streams@0.2.0.{input-stream};
  record point { x: s32, y: s32 }
  type id = u32;
  resource blob;
  get-user: func();
  f: func(p: $0);
}
` + DEPS;

test('at a type position: types in scope, primitives and generic types, not functions', async () => {
  const { labels, list } = await complete(TYPES);
  has(labels, 'point', 'id', 'blob', 'input-stream', 'u8', 'string', 'error-context', 'list<T>', 'option<T>', 'result<T, E>', 'map<K, V>', 'borrow<R>', 'future<T>');
  lacks(labels, 'get-user', 'f', 'output-stream', 'datetime');
  assert.ok(labels.indexOf('point') < labels.indexOf('u8'), 'names in scope come before the built-in types');
  assert.equal(list.items.find((i) => i.label === 'input-stream')?.detail, 'resource · from streams');
  assert.equal(list.items.find((i) => i.label === 'id')?.detail, 'type = u32');
  assert.equal(list.items.find((i) => i.label === 'list<T>')?.insertText, 'list<$1>');
});

test('types are offered after `->`, `type x =`, in fields, cases and nested generics', async () => {
  const at = (body: string) => TYPES.replace('f: func(p: $0);', body);
  for (const body of [
    'f: func() -> $0;', 'type t = $0', 'record r { a: $0 }', 'variant v { a($0) }', 'type t = list<$0',
    'type t = result<u32, $0', 'type t = option<list<$0>>', 'type t = tuple<u8, $0>', 'f: func(a: u8, b: $0',
  ]) {
    const { labels } = await complete(at(body));
    has(labels, 'point', 'u32');
  }
});

test('generic arguments are narrowed: handles take resources, map keys take key types', async () => {
  const handle = await complete(TYPES.replace('f: func(p: $0);', 'f: func(p: borrow<$0>);'));
  assert.deepEqual(handle.labels.sort(), ['blob', 'input-stream']);
  const key = await complete(TYPES.replace('f: func(p: $0);', 'f: func(p: map<$0>);'));
  has(key.labels, 'id', 'string', 'u8', 'char', 'bool');
  lacks(key.labels, 'point', 'f32', 'list<T>');
  const ok = await complete(TYPES.replace('f: func(p: $0);', 'f: func() -> result<$0>;'));
  has(ok.labels, '_', 'point');
  const len = await complete(TYPES.replace('f: func(p: $0);', 'type t = list<u8, $0>;'));
  assert.deepEqual(len.labels, [], 'a fixed length is a number');
});

test('a record or alias is not offered inside its own definition', async () => {
  const { labels } = await complete(TYPES.replace('f: func(p: $0);', 'record node { next: $0 }'));
  lacks(labels, 'node');
  has(labels, 'point');
});

test('types of a world, and of an inline interface, are their own', async () => {
  const world = await complete(`package a:b;\ninterface t { record thing {} }\nworld w {\n  use t.{thing};\n  record own-rec {}\n  import f: func(a: $0);\n}`);
  has(world.labels, 'thing', 'own-rec');
  const inline = await complete(`package a:b;\nworld w {\n  record outer {}\n  import x: interface {\n    record inner {}\n    f: func(a: $0);\n  }\n}`);
  has(inline.labels, 'inner');
  lacks(inline.labels, 'outer');
});

test('kebab-case prefixes filter types and rank the best matches first', async () => {
  const src = `package a:b;\ninterface i {\n  record get-user {}\n  record user-count {}\n  record guard {}\n  record good-user {}\n  f: func() -> $0;\n}`;
  const gu = await complete(src.replace('$0', 'gu$0'));
  assert.deepEqual(gu.labels, ['guard', 'get-user', 'good-user']);
  const getU = await complete(src.replace('$0', 'get-u$0'));
  assert.deepEqual(getU.labels, ['get-user']);
  const uc = await complete(src.replace('$0', 'uc$0'));
  assert.deepEqual(uc.labels, ['user-count']);
  const user = await complete(src.replace('$0', 'user$0'));
  assert.deepEqual(user.labels, ['user-count', 'get-user', 'good-user'], 'a match at the first part ranks above one at a later part');
});

test('after `import`: local interfaces, versioned paths of every dependency, and function snippets', async () => {
  const { labels, list } = await complete(`package demo:app@0.1.0;\ninterface api {}\nworld w {\n  import $0\n}` + DEPS);
  has(labels, 'api', 'wasi:io/streams@0.2.0', 'wasi:io/poll@0.2.0', 'wasi:clocks/wall-clock@0.2.0', 'name: func', 'name: interface');
  lacks(labels, 'w', 'wasi:io/imports@0.2.0');
  const streams = list.items.find((i) => i.label === 'wasi:io/streams@0.2.0')!;
  assert.equal(streams.insertText, 'wasi:io/streams@0.2.0');
  assert.equal(streams.kind, 'interface');
});

test('a path is completed part by part: namespace, package, interface, version', async () => {
  const world = (path: string) => `package demo:app@0.1.0;\nworld w {\n  import ${path}\n}` + DEPS;
  const ns = await complete(world('wasi:$0'));
  assert.deepEqual(ns.labels, ['wasi:clocks/wall-clock@0.2.0', 'wasi:io/poll@0.2.0', 'wasi:io/streams@0.2.0']);
  const pkg = await complete(world('wasi:io/$0'));
  assert.deepEqual(pkg.labels, ['wasi:io/poll@0.2.0', 'wasi:io/streams@0.2.0']);
  const item = await complete(world('wasi:io/str$0'));
  assert.deepEqual(item.labels, ['wasi:io/streams@0.2.0']);
  const start = world('wasi:io/str$0').indexOf('wasi:io/str');
  assert.equal(item.list.items[0].start, start, 'the item replaces the whole path typed so far');
  const version = await complete(world('wasi:io/streams@0.$0'));
  assert.deepEqual(version.labels, ['wasi:io/streams@0.2.0']);
  const kebab = await complete(world('wasi:clocks/wc$0'));
  assert.deepEqual(kebab.labels, ['wasi:clocks/wall-clock@0.2.0']);
  const byName = await complete(world('stre$0'));
  assert.deepEqual(byName.labels, ['wasi:io/streams@0.2.0'], 'an interface name alone finds its path');
});

test('`import name: ` offers a function type or an inline interface; `import name:` without a package too', async () => {
  const spaced = await complete(`package demo:app@0.1.0;\nworld w {\n  import run: $0\n}` + DEPS);
  has(spaced.labels, 'func', 'async func', 'interface', 'wasi:io/streams@0.2.0');
  const glued = await complete(`package demo:app@0.1.0;\nworld w {\n  import run:$0\n}` + DEPS);
  assert.deepEqual(glued.labels.sort(), ['async func', 'func', 'interface']);
});

test('`include` offers worlds (not the world itself), then `with`', async () => {
  const src = `package demo:app@0.1.0;\nworld base { import f: func(); }\nworld w {\n  include $0\n}` + DEPS;
  const { labels } = await complete(src);
  assert.deepEqual(labels, ['base', 'wasi:io/imports@0.2.0']);
  const after = await complete(src.replace('include $0', 'include base $0'));
  assert.deepEqual(after.labels, ['with']);
});

test('`use` offers interfaces but not the one being written; a top-level `use` offers foreign items, then `as`', async () => {
  const inner = await complete(`package demo:app@0.1.0;\ninterface a {}\ninterface b {\n  use $0\n}` + DEPS);
  has(inner.labels, 'a', 'wasi:io/streams@0.2.0');
  lacks(inner.labels, 'b', 'wasi:io/imports@0.2.0');
  const top = await complete(`package demo:app@0.1.0;\ninterface a {}\nuse $0` + DEPS);
  has(top.labels, 'wasi:io/streams@0.2.0', 'wasi:io/imports@0.2.0');
  lacks(top.labels, 'a');
  const as = await complete(`package demo:app@0.1.0;\nuse wasi:io/streams@0.2.0 $0` + DEPS);
  assert.deepEqual(as.labels, ['as']);
});

test('a top-level `use … as` name is offered like a local interface', async () => {
  const { labels, list } = await complete(`package demo:app@0.1.0;\nuse wasi:io/streams@0.2.0 as st;\nworld w {\n  import $0\n}` + DEPS);
  has(labels, 'st');
  assert.equal(list.items.find((i) => i.label === 'st')?.detail, 'interface · wasi:io@0.2.0');
});

test('inside `use x.{ }`: the types of x that are not listed yet', async () => {
  const local = await complete(`package a:b;\ninterface t {\n  record a1 {}\n  record b1 {}\n  record c1 {}\n  f: func();\n}\ninterface u {\n  use t.{a1, $0};\n}`);
  assert.deepEqual(local.labels, ['b1', 'c1']);
  const foreign = await complete(`package demo:app@0.1.0;\nworld w {\n  use wasi:io/streams@0.2.0.{input-stream, $0}\n}` + DEPS);
  assert.deepEqual(foreign.labels, ['output-stream', 'stream-error']);
});

test('inside `include w with { }`: the plain names of w, not interface paths', async () => {
  const { labels, list } = await complete(`package demo:app@0.1.0;
world base {
  import f: func();
  export g: func();
  import h: interface { }
  import wasi:io/poll@0.2.0;
}
world w {
  include base with { f as f2, $0 }
}` + DEPS);
  assert.deepEqual(labels.sort(), ['g', 'h']);
  assert.equal(list.items.find((i) => i.label === 'g')?.detail, 'export function');
});

test('attributes after `@`, with their arguments as snippets', async () => {
  const { labels, list } = await complete('package a:b@1.2.0;\ninterface i {\n  @$0\n  f: func();\n}');
  assert.deepEqual(labels.sort(), ['deprecated', 'external-id', 'since', 'unstable']);
  assert.equal(list.items.find((i) => i.label === 'since')?.insertText, 'since(version = ${1:1.2.0})');
  const key = await complete('package a:b@1.2.0;\ninterface i {\n  @unstable($0)\n  f: func();\n}');
  assert.deepEqual(key.labels, ['feature']);
  const version = await complete('package a:b@1.2.0;\ninterface i {\n  @since(version = $0)\n  f: func();\n}');
  assert.deepEqual(version.labels, ['1.2.0']);
  const feature = await complete('package a:b@1.2.0;\ninterface i {\n  @unstable(feature = fancy)\n  g: func();\n  @unstable(feature = f$0)\n  f: func();\n}');
  assert.deepEqual(feature.labels, ['fancy']);
});

test('a word being typed is replaced from its start; the word after the cursor is reported for replace mode', async () => {
  const src = 'package a:b;\ninterface i {\n  record point {}\n  f: func() -> po$0int;\n}';
  const { list } = await complete(src);
  const wordStart = src.indexOf('po$0');
  assert.equal(list.items[0].label, 'point');
  assert.equal(list.items[0].start, wordStart);
  assert.equal(list.cursor, wordStart + 2);
  assert.equal(list.wordEnd, wordStart + 5);
});

test('nested packages complete against their own items, and see the root package as another package', async () => {
  const { labels } = await complete(`package demo:app@0.1.0;
interface root-iface {}
package demo:nested@1.0.0 {
  interface n {}
  world nw { import $0 }
}`);
  has(labels, 'n', 'demo:app/root-iface@0.1.0');
  lacks(labels, 'root-iface');
});

test('a parameter named with a keyword (an error the parser reports) still gets types', async () => {
  const { labels } = await complete('package a:b;\ninterface i {\n  record point {}\n  f: func(with: $0);\n}');
  assert.ok(labels.includes('point'));
});

test('a world function\'s result type and parameters get the world\'s types', async () => {
  const src = 'package a:b;\nworld w {\n  record status {}\n  export run: func(x: u8) -> $0\n}';
  const result = await complete(src);
  assert.ok(result.labels.includes('status') && result.labels.includes('u32'));
  const param = await complete(src.replace('func(x: u8) -> $0', 'async func(x: $0'));
  assert.ok(param.labels.includes('status'));
});

test('after a name in a `use` or `include … with` list: `as`', async () => {
  const use = await complete('package a:b;\ninterface t { record a1 {} }\ninterface u {\n  use t.{a1 $0};\n}');
  assert.deepEqual(use.labels, ['as']);
  const include = await complete('package a:b;\nworld base { import f: func(); }\nworld w {\n  include base with { f a$0 }\n}');
  assert.deepEqual(include.labels, ['as']);
});

test('with the editor providing item snippets, only keywords are offered for items', async () => {
  for (const source of ['package a:b;\ninterface i {\n  $0\n}', 'package a:b;\nworld w {\n  import $0\n}', 'package a:b;\ninterface i {\n  resource r {\n    $0\n  }\n}']) {
    const fx = await analyzeFixture(source);
    const withSnippets = completion(fx.analysis, fx.analysis.file.tree, fx.offset);
    const without = completion(fx.analysis, fx.analysis.file.tree, fx.offset, { itemSnippets: false });
    assert.ok(withSnippets.items.some((i) => i.kind === 'snippet'), source);
    assert.deepEqual(without.items.filter((i) => i.kind === 'snippet'), [], source);
    assert.deepEqual(
      without.items.map((i) => i.label),
      withSnippets.items.filter((i) => i.kind !== 'snippet').map((i) => i.label),
    );
  }
});
