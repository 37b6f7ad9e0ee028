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
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function defaultSeverity(code: DiagnosticCode): Severity {
  return DIAGNOSTIC_CODES[code].severity;
}
