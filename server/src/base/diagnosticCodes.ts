// The one table of diagnostic codes: every diagnostic the server or the CLI reports has a stable
// code here, with its default severity and a short explanation (docs/diagnostics.md is made from it).

import type { Severity } from './diagnostic';

export interface CodeInfo {
  severity: Severity;
  /** One or two sentences: what is wrong and how to fix it. */
  doc: string;
}

export const DIAGNOSTIC_CODES = {
  // ---- lexical
  'unexpected-character': {
    severity: 'error',
    doc: 'A character that cannot start any WIT token, such as `$` or `#`, outside a comment.',
  },
  'forbidden-codepoint': {
    severity: 'error',
    doc: 'Bidirectional override characters, control characters other than tab and newline, and code points Unicode deprecates are not allowed anywhere in a WIT file, comments included, because they can make the text look different from what it means.',
  },
  'unterminated-comment': {
    severity: 'error',
    doc: 'A block comment `/* ... */` is not closed. Block comments nest, so every `/*` needs its own `*/`.',
  },
  'unterminated-string': {
    severity: 'error',
    doc: 'A string literal (only used in `@external-id("...")`) is not closed on its line.',
  },
  'invalid-string': {
    severity: 'error',
    doc: 'A string literal holds an invalid escape or character. Valid escapes are `\\"`, `\\\'`, `\\t`, `\\n`, `\\r`, `\\\\`, `\\u{hex}` and `\\HH`.',
  },
  'invalid-identifier': {
    severity: 'error',
    doc: 'Identifiers are kebab-case: parts separated by single `-`, each part all lowercase or all uppercase ASCII letters and digits, the first part starting with a letter (`get-xml-2`, `HTTP-method`).',
  },
  'invalid-number': {
    severity: 'error',
    doc: 'An integer (a list length or a version part) does not fit in 32 bits.',
  },
  // ---- syntax
  'expected-token': {
    severity: 'error',
    doc: 'The parser expected another token here; the message says what it expected and what it found.',
  },
  'keyword-as-name': {
    severity: 'error',
    doc: 'A keyword is used where a name is expected. Prefix it with `%` (`%type`) to use a keyword as a name.',
  },
  'nesting-too-deep': {
    severity: 'error',
    doc: 'Types nest at most 100 levels deep (`list<list<...>>`), and nested packages cannot nest.',
  },
  'invalid-version': {
    severity: 'error',
    doc: 'A version must be full semantic versioning: `MAJOR.MINOR.PATCH` with optional `-prerelease` and `+build` parts.',
  },
  'unknown-attribute': {
    severity: 'error',
    doc: 'Only `@since(version = ...)`, `@unstable(feature = ...)`, `@deprecated(version = ...)` and `@external-id("...")` exist.',
  },
  'misplaced-attribute': {
    severity: 'error',
    doc: 'Attributes are not allowed on this item (nested packages, top-level `use`, record fields and cases).',
  },
  'misplaced-package': {
    severity: 'error',
    doc: 'A `package ns:name;` declaration must be the first item of its file; elsewhere use a nested `package ns:name { ... }` block.',
  },
  // ---- packages and files
  'missing-package-header': {
    severity: 'error',
    doc: 'A package folder needs a `package namespace:name;` header in at least one of its files.',
  },
  'conflicting-package-name': {
    severity: 'error',
    doc: 'All files of one folder belong to one package: their `package` headers must name the same package and version.',
  },
  'multiple-package-docs': {
    severity: 'error',
    doc: 'Only one `package` header of a package may have doc comments.',
  },
  'duplicate-package': {
    severity: 'error',
    doc: 'The same package (name and version) is defined in two places, for example in two folders under `deps/`.',
  },
  'package-cycle': {
    severity: 'error',
    doc: 'Packages refer to each other in a cycle; dependencies between packages must form a tree.',
  },
  'unknown-package': {
    severity: 'error',
    doc: 'A `namespace:package/...` reference names a package that is not defined in this folder, in a nested package, or under `deps/`. Versions must match exactly.',
  },
  'binary-dependency': {
    severity: 'warning',
    doc: 'A `.wasm` or `.wat` file under `deps/` holds a binary-encoded WIT package; this tool does not read those, so references into it are not checked. Use the package in text form (`wkg get --format wit`) to check them.',
  },
  // ---- names and scopes
  'duplicate-item': {
    severity: 'error',
    doc: 'Two interfaces or worlds of one package have the same name.',
  },
  'duplicate-file-name': {
    severity: 'error',
    doc: 'A top-level `use` brings in a name that the file already defines or uses.',
  },
  'duplicate-name': {
    severity: 'error',
    doc: 'A type or function name is defined more than once in one interface or world (types and functions share one namespace).',
  },
  'shadowed-by-use': {
    severity: 'warning',
    doc: 'A type is defined before a `use` that brings in the same name. wit-parser accepts this but keeps only the `use`: the definition is never read, except for a resource\'s functions, which stay and make component validation fail.',
  },
  'duplicate-param': {
    severity: 'error',
    doc: 'A function has two parameters with the same name.',
  },
  'duplicate-method': {
    severity: 'error',
    doc: 'A resource has two methods or static functions with the same name, or more than one constructor.',
  },
  'unknown-name': {
    severity: 'error',
    doc: 'A name that is not defined where it is used: a type, an interface or world, or a name in a `use` list. The message suggests the closest name in scope.',
  },
  'wrong-kind': {
    severity: 'error',
    doc: 'A name refers to the wrong kind of thing: a world where an interface is expected (or the reverse), a function used as a type, or a function in a `use` list.',
  },
  'unknown-foreign-item': {
    severity: 'error',
    doc: 'The package exists, but has no interface, world or type with this name.',
  },
  'unused-use': {
    severity: 'hint',
    doc: 'A name brought in by `use` in an interface that nothing refers to: no type of the interface, and no other interface or world through `use`. Remove the name, or the whole `use`. Worlds are exempt: a type a world `use`s is one of the world\'s imports even when nothing refers to it.',
  },
  // ---- types
  'type-cycle': {
    severity: 'error',
    doc: 'A type refers to itself, directly or through other types; WIT types cannot be recursive.',
  },
  'item-cycle': {
    severity: 'error',
    doc: 'Interfaces `use` each other, or worlds `include` each other, in a cycle.',
  },
  'handle-not-resource': {
    severity: 'error',
    doc: '`own<T>` and `borrow<T>` take a resource type.',
  },
  'invalid-map-key': {
    severity: 'error',
    doc: 'Map keys must be `bool`, an integer type, `char` or `string`, written directly (not through an alias).',
  },
  'invalid-constructor-result': {
    severity: 'error',
    doc: 'A constructor returns its resource implicitly; if it declares a result, it must be `result<R>` or `result<R, E>` where `R` is the resource.',
  },
  'empty-type': {
    severity: 'error',
    doc: 'An `enum` or `variant` needs at least one case.',
  },
  'borrow-in-result': {
    severity: 'error',
    doc: 'A function result cannot contain `borrow<T>`: a borrowed handle cannot outlive the call. Return `own<T>` instead.',
  },
  // ---- worlds
  'world-name-conflict': {
    severity: 'error',
    doc: 'Two imports (or two exports) of a world have the same name: functions, types, labeled interfaces and included items share one namespace per direction.',
  },
  'duplicate-interface-import': {
    severity: 'error',
    doc: 'An interface can be imported at most once, and exported at most once, by a world.',
  },
  'include-shadowing': {
    severity: 'error',
    doc: 'An `include` brings in an import or export whose name the world already has; rename it with `include w with { name as new-name }`.',
  },
  'include-unknown-name': {
    severity: 'error',
    doc: '`include ... with { a as b }` can only rename plain-named imports and exports of the included world (not interfaces imported by path).',
  },
  'case-insensitive-conflict': {
    severity: 'error',
    doc: 'Kebab-case names are case-insensitive: `get-user` and `GET-USER` in the same scope collide.',
  },
  'incompatible-export': {
    severity: 'error',
    doc: 'An exported interface depends (through `use`) on an interface that would have to be both imported and exported. Export the interfaces it depends on as well, or import them all.',
  },
  // ---- feature gates
  'invalid-gate': {
    severity: 'error',
    doc: 'Feature gates: at most one of each attribute per item, not both `@since` and `@unstable`, and `@deprecated` only together with `@since` or `@unstable`.',
  },
  'gate-needs-version': {
    severity: 'error',
    doc: '`@since(version = ...)` needs a versioned package, and the version cannot be newer than the package version.',
  },
  'gated-reference': {
    severity: 'error',
    doc: 'An active item refers to an item excluded by an inactive `@unstable` feature (another package\'s gated-out interface or world included), or an active world holds a gated-out type or `use`, which wit-parser rejects. Enable the feature (`wit.features` setting, `--features`), or gate the referring item too.',
  },
  'inactive-feature': {
    severity: 'hint',
    doc: 'This item is gated by an `@unstable` feature that is not active, so it does not exist for the checker; enable it in the `wit.features` setting or with `--features`.',
  },
  'deprecated': {
    severity: 'hint',
    doc: 'A reference to an item marked `@deprecated`.',
  },
  // ---- component validation: wit-parser accepts these, so they are warnings, but a component
  // built from them fails validation
  'empty-definition': {
    severity: 'warning',
    doc: 'Component validation rejects records and flags without fields, and `tuple<>`.',
  },
  'duplicate-member': {
    severity: 'warning',
    doc: 'A record field, variant or enum case, or flag is named twice. wit-parser accepts this, but component validation rejects it.',
  },
  'function-named-like-resource': {
    severity: 'warning',
    doc: 'A method or static function has the name of its resource (`resource r { r: func(); }`). wit-parser accepts this, but component validation rejects `[method]r.r` beside `r`.',
  },
  'package-name-case': {
    severity: 'warning',
    doc: 'A package namespace or name is written in capitals (`package MY:pkg;`; mixed case such as `My` is already an invalid identifier). wit-parser accepts this, but component validation requires package names in lowercase. A quick fix writes the name in lowercase in every header and path.',
  },
  'case-insensitive-duplicate': {
    severity: 'warning',
    doc: 'Component validation rejects names that differ only in case within one record, variant, enum, flags, parameter list, resource, or interface (whose types and functions share the names).',
  },
  'too-many-flags': {
    severity: 'warning',
    doc: 'The Canonical ABI allows at most 32 flags.',
  },
  'too-many-cases': {
    severity: 'warning',
    doc: 'Enums and variants are limited to 10,000 cases by the component validator.',
  },
  'zero-length-list': {
    severity: 'warning',
    doc: 'A fixed-length list `list<T, N>` needs N of at least 1.',
  },
  'type-too-large': {
    severity: 'warning',
    doc: 'A type\'s size in memory must stay below 2^28 bytes (with 64-bit memories), as the component validator requires.',
  },
  'invalid-stream-payload': {
    severity: 'warning',
    doc: 'Component validation rejects `stream<char>`.',
  },
  // ---- input and output
  'io-error': {
    severity: 'error',
    doc: 'A file or folder could not be read: it is missing, unreadable, not UTF-8, or a `deps/` symlink loops.',
  },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function defaultSeverity(code: DiagnosticCode): Severity {
  return DIAGNOSTIC_CODES[code].severity;
}
