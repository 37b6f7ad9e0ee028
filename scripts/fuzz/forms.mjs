// Systematic inputs for `npm run fuzz -- --forms`: where mutation reaches a form only by chance,
// these catalogs write every form of a kind in every place it can go (or every pair of items),
// so that the comparison with wit-parser covers each one. An input is a single file
// ({ name, text }) or a folder ({ name, files: { 'relative/path.wit': text } }).

const pairs = (xs, ordered = true) => xs.flatMap((a, i) => xs.slice(ordered ? 0 : i).map((b, j) => [a, b, i, ordered ? j : i + j]));
const id = (prefix, ...ns) => `${prefix}-${ns.map((n) => String(n).padStart(2, '0')).join('-')}`;

/** Names as written, in every place a name goes. */
function identifiers() {
  const forms = [
    'a', 'a-b', 'a1', 'a-1', 'a1-b2', '1a', 'a--b', '-a', 'a-', 'A', 'aB', 'a-B', 'AB-c', 'ABC', 'a-BC', 'Ab',
    '%a', '%interface', '%%a', '%1a', '%-a', 'interface', 'type', 'self', '%self', 'constructor', 'own', '%own',
    'a_b', 'é', 'a-é', 'x0', 'x-0', 'u8', '%u8', 'string', 'map', 'async', '%async', 'error-context',
  ];
  const places = [
    (n) => `package a:b;\ninterface i { type ${n} = u8; }\n`,
    (n) => `package ${n}:pkg;\ninterface i {}\n`,
    (n) => `package ns:${n};\ninterface i {}\n`,
    (n) => `package a:b;\ninterface i { f: func(${n}: u8); }\n`,
    (n) => `package a:b;\ninterface i { enum e { ${n} } }\n`,
    (n) => `package a:b;\ninterface i { record r { ${n}: u8 } }\n`,
    (n) => `package a:b;\ninterface ${n} {}\n`,
    (n) => `package a:b;\nworld ${n} {}\n`,
    (n) => `package a:b;\ninterface i { resource r { ${n}: func(); } }\n`,
    (n) => `package a:b;\ninterface i { flags f { ${n} } }\n`,
  ];
  return forms.flatMap((form, i) => places.map((place, j) => ({ name: id('identifier', i, j), text: place(form) })));
}

/** Versions in package headers, paths and gates. */
function versions() {
  const forms = [
    '1.0.0', '0.1', '1', '01.0.0', '1.00.0', '1.0.0-', '1.0.0+', '1.0.0-rc.1', '1.0.0-rc..1', '1.0.0+build.1', '1.0.0-01',
    '1.0.0-a-b', '1.0.0-0a', '1.0.0-+b', '1.0.0-rc.1+b.2', '18446744073709551615.0.0', '18446744073709551616.0.0',
    '0.2.0-rc-2023-10-18', '1.0.0-.a', '1.0.0+.a', '1.0.0-é',
  ];
  const places = [
    (v) => `package a:b@${v};\ninterface i {}\n`,
    (v) => `package a:b@1.0.0;\n@since(version = ${v})\ninterface i {}\n`,
    (v) => `package a:b@1.0.0;\ninterface i { @since(version = 1.0.0) @deprecated(version = ${v}) type t = u8; }\n`,
    (v) => `package a:b;\ninterface i { use c:d/j@${v}.{t}; }\npackage c:d@${v} { interface j { type t = u8; } }\n`,
    (v) => `package a:b;\nworld w { import c:d/j@${v}; }\npackage c:d@1.0.0 { interface j {} }\n`,
  ];
  return forms.flatMap((form, i) => places.map((place, j) => ({ name: id('version', i, j), text: place(form) })));
}

/** Attributes of every form on every kind of item. */
function attributes() {
  const forms = [
    '@since(version = 1.0.0)', '@since(version = 2.0.0)', '@unstable(feature = active)', '@unstable(feature = inactive)',
    '@deprecated(version = 1.0.0)', '@since(version = 1.0.0) @deprecated(version = 1.0.0)', '@since(version = 1.0.0) @since(version = 1.0.0)',
    '@since(version = 1.0.0) @unstable(feature = active)', '@unstable(feature = active) @deprecated(version = 1.0.0)',
    '@since(version = 1.0.0, feature = active)', '@since(feature = active)', '@unstable(version = 1.0.0)', '@unknown',
    '@since', '@since()', '@since(version = )', '@unstable(feature = %active)', '@unstable(feature = Active)',
    '@deprecated(version = 1.0.0, feature = x)', '@ since(version = 1.0.0)', '@since(version = 1.0.0,)',
  ];
  const places = [
    (a) => `${a}\ninterface i {}`,
    (a) => `${a}\nworld w {}`,
    (a) => `interface i { ${a} type t = u8; }`,
    (a) => `interface i { ${a} record r { x: u8 } }`,
    (a) => `interface i { ${a} f: func(); }`,
    (a) => `interface i { ${a} resource r; }`,
    (a) => `interface i { resource r { ${a} constructor(); ${a} m: func(); } }`,
    (a) => `interface j { type t = u8; }\ninterface i { ${a} use j.{t}; }`,
    (a) => `interface i {}\nworld w { ${a} import i; }`,
    (a) => `interface i {}\nworld w { ${a} export i; }`,
    (a) => `world v {}\nworld w { ${a} include v; }`,
    (a) => `world w { ${a} import f: func(); }`,
    (a) => `interface i { record r { ${a} x: u8 } }`,
    (a) => `${a}\npackage c:d { interface j {} }`,
  ];
  return forms.flatMap((form, i) => places.map((place, j) => ({ name: id('attribute', i, j), text: `package a:b@1.0.0;\n\n${place(form)}\n` })));
}

/** Every kind of type expression as a parameter, a result, a field and an alias. */
function typeExpressions() {
  const types = [
    'u8', 'string', 'char', 'bool', 'f64', 'error-context', 'list<u8>', 'list<u8, 4>', 'list<u8, 0>', 'list<u8, 4294967296>',
    'list<u8,>', 'list<>', 'option<u8>', 'option<r>', 'result', 'result<u8>', 'result<_, u8>', 'result<u8, string>', 'result<_>',
    'result<_, _>', 'tuple<>', 'tuple<u8>', 'tuple<u8, string,>', 'future', 'future<u8>', 'future<future<u8>>', 'stream', 'stream<u8>',
    'stream<char>', 'map<string, u8>', 'map<u8, u8>', 'map<f32, u8>', 'map<r, u8>', 'map<string>', 'own<r>', 'borrow<r>', 'own<t>',
    'borrow<t>', 'r', 't', 'f', 'nope', 'option<borrow<r>>', 'list<borrow<r>>', 'result<borrow<r>>', 'own<borrow<r>>', 'u8<u8>',
  ];
  const places = [
    (t) => `p: func(x: ${t});`,
    (t) => `q: func() -> ${t};`,
    (t) => `record rec { x: ${t} }`,
    (t) => `type alias = ${t};`,
    (t) => `variant v { c(${t}) }`,
  ];
  const iface = (item) => `package a:b;\n\ninterface i {\n  resource r;\n  type t = u32;\n  f: func();\n  ${item}\n}\n`;
  return types.flatMap((t, i) => places.map((place, j) => ({ name: id('type', i, j), text: iface(place(t)) })));
}

/** Pairs of interface items: duplicates, clashes and references between them. */
function interfaceItems() {
  const items = [
    'type t = u8;', 'type t = t;', 'record t { x: u8 }', 'record r { x: t }', 'variant v { a(t), b }', 'enum t { a }', 'flags t { a }',
    'resource t;', 'resource t { constructor(); m: func(); m: func(); }', 'resource r { constructor() -> result<r, t>; }',
    't: func();', 'f: func(t: t) -> t;', 'f: func(self: borrow<t>);', 'use j.{t};', 'use j.{t as u};', 'use j.{x};', 'use j.{f};',
    'use k.{t};', 'type u = own<t>;', 'type u = borrow<t>;', 'g: async func() -> stream<t>;', 'resource t { m: static func() -> t; }',
    'type T = u8;', 'f: func(a: u8, a: u8);', 'type u = list<t, 2>;', 'type u = map<t, u8>;', 'type u = tuple<t, t>;', 'resource s { t: func(); }',
  ];
  const prelude = 'interface j { type t = u8; f: func(); }\nworld k {}\n';
  return pairs(items).map(([a, b, i, j]) => ({ name: id('interface-items', i, j), text: `package a:b;\n\n${prelude}\ninterface i {\n  ${a}\n  ${b}\n}\n` }));
}

/** Pairs of world items: imports and exports of every kind, with their clashes. */
function worldItems() {
  const items = [
    'import i;', 'export i;', 'import j;', 'export j;', 'import x: interface { type t = u8; }', 'export x: interface {}', 'import x: func();',
    'export x: func();', 'import i as y;', 'import c:d/e;', 'export c:d/e;', 'import c:d/e@1.0.0;', 'import nope;', 'import w;',
    'use i.{t};', 'use j.{u};', 'type t = u8;', 'type u = own<res>;', 'resource res;', 'import f: func(a: t) -> t;', 'export f: func(a: t);',
    'include v;', 'include v with { x as z }', 'include nope;', 'import %i;', 'import I;', 'export f: async func();', 'import ext: func() -> res;',
  ];
  const prelude = 'interface i { type t = u8; }\ninterface j { use i.{t}; type u = t; }\nworld v { import x: func(); }\npackage c:d@1.0.0 { interface e { f: func(); } }\n';
  return pairs(items).map(([a, b, i, j]) => ({ name: id('world-items', i, j), text: `package a:b;\n\n${prelude}\nworld w {\n  ${a}\n  ${b}\n}\n` }));
}

/** Nested packages and top-level `use`s, in pairs. */
function nested() {
  const items = [
    'package a:b { interface i { type t = u32; } }', 'package a:b@1.0.0 { interface i { type t = u32; } }',
    'package a:b@2.0.0 { interface i { type t = u32; } }', 'package a:b { world w { import i; } interface i { type t = u8; } }',
    'package root:pkg { interface z {} }', 'package a:c { use a:b/i.{t}; }', 'package a:c { interface j { use a:b/i.{t}; type u = t; } }',
    'package a:c { interface j { use a:b/i@1.0.0.{t}; } }', 'package a:b { package c:d {} }', 'package a:b { interface i { use root:pkg/x.{y}; } }',
    'package a:b {}', 'package a:b { @unstable(feature = f) interface i {} }', 'package a:b { @since(version = 1.0.0) interface i {} }',
    'package a:c { world w2 { include a:b/w; } }', 'package a:c { use a:b/i; interface j { use i.{t}; } }',
    'package a:c { use a:b/i as q; interface j { use q.{t}; } }', 'use a:b/i;', 'use a:b/i as k;', 'use a:b/i@1.0.0;', 'use x as y;',
    'use a:b/w;', 'use a:b/nope;', 'use root:pkg/x;', 'interface x { type y = u8; }', 'interface k {}', 'world w0 { import a:b/i; }',
    'world w1 { import k; }', 'interface i2 { use i.{t}; }', 'interface i3 { use a:b/i.{t}; }', 'world w2 { export a:b/i@1.0.0; }',
    'world w3 { include a:b/w; }', 'interface i4 { use a:b/i.{t}; }\npackage a:b { interface i { type t = u32; } }',
  ];
  return pairs(items).map(([a, b, i, j]) => ({ name: id('nested', i, j), text: `package root:pkg;\n\n${a}\n\n${b}\n` }));
}

/** Gated items and the references between them (run with and without --features f). */
function gates() {
  const items = [
    '@unstable(feature = f) interface gi { type t = u8; }', '@since(version = 1.0.0) interface si { type t = u8; }',
    'interface ui { @unstable(feature = f) type t = u8; type v = u16; }', 'interface ui2 { @unstable(feature = g) f: func(); }',
    'interface r1 { use gi.{t}; }', '@unstable(feature = f) interface r2 { use gi.{t}; }', 'interface r3 { use ui.{t}; }',
    'interface r4 { use ui.{v}; type w = v; }', 'world gw { @unstable(feature = f) import gi; export si; }', 'world gw2 { import gi; }',
    '@unstable(feature = f) world gw3 { import gi; }', 'world gw4 { @unstable(feature = f) include gw; }',
    'world gw5 { @unstable(feature = f) use gi.{t}; import x: func(a: t); }',
    'interface dep2 { @since(version = 1.0.0) @deprecated(version = 1.0.0) type d = u8; }',
    'interface rs { @unstable(feature = f) resource r { @unstable(feature = f) m: func(); } }',
    'interface rs2 { resource r { @unstable(feature = f) constructor(); } }', 'interface v1 { @unstable(feature = f) variant va { a } type vb = va; }',
    'world gw6 { @unstable(feature = f) import f1: func(); @unstable(feature = f) export f2: func(); }', 'world gw7 { import ui; export ui2; }',
    '@unstable(feature = g) interface gg { use gi.{t}; }', 'world gw8 { @unstable(feature = f) import gi; import r1; }',
    'interface rf { use ui.{t}; f: func(x: t); }', 'world gw9 { @unstable(feature = f) export gi; export r1; }',
  ];
  return pairs(items, false).map(([a, b, i, j]) => ({ name: id('gates', i, j), text: `package root:pkg@1.0.0;\n\n${a}\n\n${b}\n` }));
}

/** A `use` of each version against deps/ holding one or two versions of the package. */
function depsVersions() {
  const versions = ['1.0.0', '1.0.1', '1.1.0', '2.0.0', '0.1.0', '0.1.1', '0.0.1', '1.0.0-rc.1', '1.0.0+b', '0.2.0-rc.1'];
  const dep = (v) => `package d:e@${v};\ninterface i { type t = u8; }\n`;
  const inputs = [];
  const layouts = [...versions.map((v) => [v]), ...pairs(versions, false).filter(([a, b]) => a !== b).map(([a, b]) => [a, b])];
  layouts.forEach((held, i) => versions.forEach((wanted, j) => {
    const files = { 'root.wit': `package a:b;\ninterface r { use d:e/i@${wanted}.{t}; }\n` };
    held.forEach((v, k) => (files[`deps/e${k}/e.wit`] = dep(v)));
    inputs.push({ name: id('deps-versions', i, j), files });
  }));
  return inputs;
}

/**
 * The kinds of deps/ entries in pairs: files and folders, nested packages, headers that disagree
 * or are missing, dependencies of dependencies (found, missing, in a cycle, back to the root),
 * a broken dependency nothing uses, and deps/ inside a dependency; each pair under three roots.
 */
function depsKinds() {
  const t = 'interface i { type t = u8; }';
  const entries = [
    { 'deps/x.wit': `package d:x;\n${t}\n` },
    { 'deps/x/one.wit': `package d:x;\n${t}\n`, 'deps/x/two.wit': 'interface j { use i.{t}; }\n' },
    { 'deps/y/a.wit': `package d:y;\n${t}\n`, 'deps/y/b.wit': 'package d:z;\ninterface j {}\n' },
    { 'deps/n.wit': `package d:n;\ninterface k {}\npackage d:x {\n  ${t}\n}\n` },
    { 'deps/z.wit': 'package d:z;\ninterface q { use d:x/i.{t}; }\n' },
    { 'deps/w.wit': 'package d:w;\ninterface q { use d:nope/i.{t}; }\n' },
    { 'deps/e.wit': 'package d:e;\ninterface q { type = ; }\n' },
    { 'deps/empty/notes.txt': 'no wit here\n' },
    { 'deps/self.wit': 'package a:b;\ninterface s {}\n' },
    { 'deps/c1.wit': 'package d:c1;\ninterface i { use d:c2/i.{t}; type u = u8; }\n', 'deps/c2.wit': 'package d:c2;\ninterface i { use d:c1/i.{u}; type t = u8; }\n' },
    { 'deps/up.wit': 'package d:up;\ninterface i { use a:b/r.{t}; }\n' },
    { 'deps/h/a.wit': `package d:x;\n${t}\n`, 'deps/h/b.wit': 'interface j {}\n' },
    { 'deps/nh/a.wit': `${t}\n` },
    { 'deps/o/o.wit': 'package d:o;\ninterface i { use d:inner/i.{t}; }\n', 'deps/o/deps/inner.wit': `package d:inner;\n${t}\n` },
    { 'deps/readme.md': '# notes\n' },
    { 'deps/v.wit': `package d:x@1.0.0;\n${t}\n` },
    { 'deps/v2.wit': `package d:x@2.0.0;\n${t}\n` },
    { 'deps/ww.wit': 'package d:ww;\nworld w { import d:x/i; }\n' },
  ];
  const roots = [
    'package a:b;\ninterface r { use d:x/i.{t}; }\n',
    'package a:b;\ninterface r { type t = u8; }\n',
    'package a:b;\nworld r { import d:x/i; include d:ww/w; }\n',
  ];
  return pairs(entries, false).flatMap(([a, b, i, j]) => roots.map((root, k) => ({ name: id('deps-kinds', i, j, k), files: { 'root.wit': root, ...a, ...b } })));
}

/** Comments, whitespace and odd characters in every gap between tokens. */
function lexical() {
  // Not `/**/`: wit-parser 0.259 panics on it before an item (we accept it, see the README).
  const forms = [
    '/* a */', '/* /* nested */ */', '/* unclosed', '/*/', '//', '// x', '/// doc', '//! x', '\t', '\r\n', '\r',
    '\u00a0', '\u200b', '\ufeff', '\u202e', '\u0007', '\u007f', '\u0085', '\u2028', '*/', '/** doc */', '/*** x */',
  ];
  const places = [
    (c) => `${c}package a:b;\ninterface i {}\n`,
    (c) => `package a:b;${c}\ninterface i {}\n`,
    (c) => `package a:b;\n${c}\ninterface i {}\n`,
    (c) => `package a:b;\ninterface i ${c}{}\n`,
    (c) => `package a:b;\ninterface i { type t = list<${c}u8>; }\n`,
    (c) => `package a:b;\ninterface i { f: func()${c}; }\n`,
    (c) => `package a${c}:b;\ninterface i {}\n`,
    (c) => `package a:b;\ninterface i {}\n${c}`,
    (c) => `package a:b;\ninterface i { ${c}\n  type t = u8; }\n`,
  ];
  return forms.flatMap((form, i) => places.map((place, j) => ({ name: id('lexical', i, j), text: place(form) })));
}

/** Pairs of `include` forms, with renames and the clashes they make or mend. */
function includes() {
  const items = [
    'include v;', 'include v with { x as y }', 'include v with { x as x }', 'include v with { nope as y }', 'include v with { x as y, x as z }',
    'include v with { x as y, e as y }', 'include u;', 'include u with { e as y }', 'include c:d/cw;', 'include c:d/cw@1.0.0 with { f as g }',
    'include nope;', 'include i;', 'import x: func();', 'export x: func();', 'import y: func();', 'export e;', 'import e;',
    'include v with { x as %y }', 'include v with { x as Y }',
  ];
  const prelude = 'interface e {}\ninterface i {}\nworld v { import x: func(); }\nworld u { export e; }\npackage c:d@1.0.0 { world cw { import f: func(); } }\n';
  return pairs(items).map(([a, b, i, j]) => ({ name: id('includes', i, j), text: `package a:b;\n\n${prelude}\nworld w {\n  ${a}\n  ${b}\n}\n` }));
}

/** Two files of one package folder, in pairs: headers that agree or not, and items that meet across files. */
function files() {
  const headers = ['package a:b;', 'package a:b@1.0.0;', 'package a:c;', '', '/// docs\npackage a:b;', 'package a:b {}'];
  const items = [
    'interface i { type t = u8; }', 'interface j { use i.{t}; }', 'world w { import i; }', 'use i as k;\ninterface m { use k.{t}; }',
    'interface i {}', 'world w { export j; }', 'use x:y/z;', 'interface n { use a:b/i.{t}; }',
  ];
  const variants = headers.flatMap((h) => items.map((item) => (h ? `${h}\n\n${item}\n` : `${item}\n`)));
  return pairs(variants, false).map(([a, b, i, j]) => ({ name: id('files', i, j), files: { 'a.wit': a, 'b.wit': b } }));
}

export const FORMS = {
  identifiers, versions, attributes, 'type-expressions': typeExpressions, 'interface-items': interfaceItems,
  'world-items': worldItems, includes, nested, gates, 'deps-versions': depsVersions, 'deps-kinds': depsKinds, lexical, files,
};
