// The fixed vocabulary completion offers: the keywords that start items, the built-in types,
// snippets for whole items, and the attributes with their arguments, each with a line of
// documentation that `completionItem/resolve` shows.

import type { ItemContainer } from './context';

export const KEYWORD_DOCS: Record<string, string> = {
  package: 'Names the package the file belongs to: `package namespace:name@1.0.0;`, before every other item. `package ns:name { … }` declares another package inline.',
  interface: 'A named group of types and functions: `interface name { … }`. Worlds import and export interfaces.',
  world: 'The contract of a component: the interfaces and functions it imports and exports, `world name { … }`.',
  use: 'Brings names into scope. Inside an interface or world: `use iface.{a, b as c};`. At the top of a file: `use ns:pkg/iface@1.0.0 as name;`.',
  type: 'A type alias: `type name = type;`.',
  record: 'A record: named fields, each with a type (`record point { x: s32, y: s32 }`).',
  variant: 'A variant: cases, each with an optional payload (`variant shape { circle(f32), empty }`).',
  enum: 'An enum: cases without payloads (`enum color { red, green }`).',
  flags: 'A set of named booleans, passed as a bit set (`flags perms { read, write }`).',
  resource: 'A resource: a handle type with methods, owned (`own<r>`, written as the plain name) or borrowed (`borrow<r>`).',
  import: 'A world import: an interface (`import ns:pkg/iface@1.0.0;`, `import iface;`) or a named function or interface (`import name: func(…);`).',
  export: 'A world export: an interface (`export ns:pkg/iface@1.0.0;`, `export iface;`) or a named function or interface (`export name: func(…);`).',
  include: 'Merges the imports and exports of another world: `include ns:pkg/world;`, renaming clashing names with `include w with { a as b }`.',
  func: 'A function type: `func(a: u32, b: string) -> result`. It has at most one result; use a tuple or a record for several.',
  'async func': 'An asynchronous function (component-model async): `async func(…) -> result`.',
  'static func': 'A static function of the resource, called without a `self`.',
  'static async func': 'An asynchronous static function of the resource.',
  constructor: 'The resource\'s constructor: `constructor(a: u32);` returns an owned handle (or `-> result<r, e>`).',
  as: 'Names the item differently in this file: `use ns:pkg/iface as name;`.',
  with: 'Renames clashing imports or exports of the included world: `include w with { a as b }`.',
  'interface { }': 'An inline interface, imported or exported under a plain name: `import name: interface { … }`.',
};

export interface BuiltinType {
  label: string;
  /** The keyword typed to find it (`list` for `list<T>`). */
  keyword: string;
  insert: string;
  snippet: boolean;
  doc: string;
  /** May be a `map` key. */
  mapKey?: boolean;
  generic?: boolean;
}

const prim = (name: string, doc: string, mapKey = true): BuiltinType => ({ label: name, keyword: name, insert: name, snippet: false, doc, mapKey });
const generic = (label: string, keyword: string, insert: string, doc: string): BuiltinType => ({ label, keyword, insert, snippet: insert.includes('$'), doc, generic: true });

export const BUILTIN_TYPES: BuiltinType[] = [
  prim('bool', 'A boolean, `true` or `false`.'),
  prim('u8', 'An unsigned 8-bit integer (0 to 255).'),
  prim('u16', 'An unsigned 16-bit integer.'),
  prim('u32', 'An unsigned 32-bit integer.'),
  prim('u64', 'An unsigned 64-bit integer.'),
  prim('s8', 'A signed 8-bit integer (-128 to 127).'),
  prim('s16', 'A signed 16-bit integer.'),
  prim('s32', 'A signed 32-bit integer.'),
  prim('s64', 'A signed 64-bit integer.'),
  prim('f32', 'A 32-bit IEEE 754 floating-point number.', false),
  prim('f64', 'A 64-bit IEEE 754 floating-point number.', false),
  prim('char', 'A Unicode scalar value (any code point except surrogates).'),
  prim('string', 'A Unicode string.'),
  prim('error-context', 'An opaque handle to debugging information about an error (component-model async).', false),
  generic('list<T>', 'list', 'list<$1>', '`list<T>`: a sequence of `T`. `list<T, N>` holds exactly N elements.'),
  generic('list<T, N>', 'list', 'list<$1, ${2:4}>', 'A fixed-length list of N elements of type `T`.'),
  generic('option<T>', 'option', 'option<$1>', 'An optional `T`: `none` or `some(T)`.'),
  generic('result', 'result', 'result', 'A result with no payloads: success or failure.'),
  generic('result<T>', 'result', 'result<$1>', 'A result with an `ok` payload and no error payload.'),
  generic('result<T, E>', 'result', 'result<$1, $2>', 'A result: `ok(T)` or `err(E)`. Write `_` for a missing ok type (`result<_, E>`).'),
  generic('tuple<T, …>', 'tuple', 'tuple<$1>', 'A tuple: a fixed sequence of values of the given types.'),
  generic('map<K, V>', 'map', 'map<$1, $2>', 'A map from keys `K` (bool, an integer type, char or string) to values `V`.'),
  generic('future', 'future', 'future', 'A future with no value (component-model async).'),
  generic('future<T>', 'future', 'future<$1>', 'A future that produces one `T` (component-model async).'),
  generic('stream', 'stream', 'stream', 'A stream with no values, only readiness (component-model async).'),
  generic('stream<T>', 'stream', 'stream<$1>', 'A stream of `T` values (component-model async).'),
  generic('borrow<R>', 'borrow', 'borrow<$1>', 'A borrowed handle to resource `R`, valid for the duration of the call.'),
  generic('own<R>', 'own', 'own<$1>', 'An owned handle to resource `R` (the same as writing `R`).'),
];

export interface ItemSnippet {
  /** The keyword typed to find it. */
  keyword: string;
  label: string;
  body: string;
  detail: string;
}

const snip = (keyword: string, label: string, body: string, detail: string): ItemSnippet => ({ keyword, label, body, detail });

const TYPEDEF_SNIPPETS: ItemSnippet[] = [
  snip('record', 'record', 'record ${1:name} {\n\t${2:field}: ${3:u32},\n}', 'record name { field: type, }'),
  snip('variant', 'variant', 'variant ${1:name} {\n\t${2:case}(${3:u32}),\n}', 'variant name { case(type), }'),
  snip('enum', 'enum', 'enum ${1:name} {\n\t${2:case},\n}', 'enum name { case, }'),
  snip('flags', 'flags', 'flags ${1:name} {\n\t${2:flag},\n}', 'flags name { flag, }'),
  snip('resource', 'resource', 'resource ${1:name} {\n\tconstructor($2);\n\t$0\n}', 'resource name { constructor(…); }'),
  snip('type', 'type', 'type ${1:name} = $2;', 'type name = type;'),
];
const USE_SNIPPET = snip('use', 'use', 'use ${1:iface}.{$2};', 'use iface.{name};');

export const ITEM_KEYWORDS: Record<ItemContainer, string[]> = {
  file: ['package', 'interface', 'world', 'use'],
  'nested-package': ['interface', 'world', 'use'],
  interface: ['type', 'record', 'variant', 'enum', 'flags', 'resource', 'use'],
  world: ['import', 'export', 'include', 'use', 'type', 'record', 'variant', 'enum', 'flags', 'resource'],
  resource: ['constructor'],
};

export const ITEM_SNIPPETS: Record<ItemContainer, ItemSnippet[]> = {
  file: [
    snip('package', 'package', 'package ${1:namespace}:${2:name}@${3:0.1.0};', 'package namespace:name@version;'),
    snip('interface', 'interface', 'interface ${1:name} {\n\t$0\n}', 'interface name { … }'),
    snip('world', 'world', 'world ${1:name} {\n\t$0\n}', 'world name { … }'),
  ],
  'nested-package': [
    snip('interface', 'interface', 'interface ${1:name} {\n\t$0\n}', 'interface name { … }'),
    snip('world', 'world', 'world ${1:name} {\n\t$0\n}', 'world name { … }'),
  ],
  interface: [
    ...TYPEDEF_SNIPPETS,
    snip('func', 'name: func', '${1:name}: func($2)$3;', 'name: func(…) -> …;'),
    snip('async', 'name: async func', '${1:name}: async func($2)$3;', 'name: async func(…) -> …;'),
    USE_SNIPPET,
  ],
  world: [
    snip('import', 'import name: func', 'import ${1:name}: func($2)$3;', 'import name: func(…);'),
    snip('export', 'export name: func', 'export ${1:name}: func($2)$3;', 'export name: func(…);'),
    snip('import', 'import name: interface', 'import ${1:name}: interface {\n\t$0\n}', 'import name: interface { … }'),
    snip('export', 'export name: interface', 'export ${1:name}: interface {\n\t$0\n}', 'export name: interface { … }'),
    snip('include', 'include', 'include ${1:world};', 'include world;'),
    USE_SNIPPET,
    ...TYPEDEF_SNIPPETS,
  ],
  resource: [
    snip('constructor', 'constructor', 'constructor($1);', 'constructor(…);'),
    snip('func', 'name: func', '${1:name}: func($2)$3;', 'method: func(…) -> …;'),
    snip('static', 'name: static func', '${1:name}: static func($2)$3;', 'name: static func(…) -> …;'),
  ],
};

/** Right after `import`/`export`: a whole named function or inline interface. */
export const EXTERN_SNIPPETS: ItemSnippet[] = [
  snip('func', 'name: func', '${1:name}: func($2)$3;', 'name: func(…);'),
  snip('async', 'name: async func', '${1:name}: async func($2)$3;', 'name: async func(…);'),
  snip('interface', 'name: interface', '${1:name}: interface {\n\t$0\n}', 'name: interface { … }'),
];

export interface AttributeInfo {
  name: string;
  /** The argument key (`version`, `feature`), none for `external-id`. */
  key?: 'version' | 'feature';
  doc: string;
}

export const ATTRIBUTES: AttributeInfo[] = [
  { name: 'since', key: 'version', doc: '`@since(version = 1.2.0)`: the item exists since this version of the package (no newer than the package\'s own version).' },
  { name: 'unstable', key: 'feature', doc: '`@unstable(feature = name)`: the item exists only when the feature is enabled (`wit.features`).' },
  { name: 'deprecated', key: 'version', doc: '`@deprecated(version = 1.2.0)`: the item is deprecated since this version; it needs `@since` or `@unstable` too.' },
  { name: 'external-id', doc: '`@external-id("…")`: an identifier for the item in an external system.' },
];
