// Grammar pieces shared by items and types: names, paths, versions, attributes and the token
// sets that error recovery stops at.

import { Parser, TokenSet } from '../parser';
import { SyntaxKind as K, isKeyword, KEYWORDS, FIRST_KEYWORD } from '../syntaxKind';

/** Tokens that can only start a top-level item: seeing one inside a body means a `}` is missing. */
export const TOP_LEVEL_START = new TokenSet([K.PACKAGE_KW, K.INTERFACE_KW, K.WORLD_KW]);

export const TYPEDEF_START = new TokenSet([
  K.TYPE_KW, K.RECORD_KW, K.VARIANT_KW, K.ENUM_KW, K.FLAGS_KW, K.RESOURCE_KW,
]);

export const INTERFACE_ITEM_START = TYPEDEF_START.union([K.USE_KW, K.AT, K.IDENT, K.EXPLICIT_IDENT]);
export const WORLD_ITEM_START = TYPEDEF_START.union([K.USE_KW, K.AT, K.IMPORT_KW, K.EXPORT_KW, K.INCLUDE_KW]);

/** Where a broken construct inside a body gives up: the next item, or the end of the body. */
export const ITEM_RECOVERY = TYPEDEF_START.union(TOP_LEVEL_START).union([
  K.USE_KW, K.AT, K.IMPORT_KW, K.EXPORT_KW, K.INCLUDE_KW, K.R_BRACE, K.SEMICOLON,
]);

export const NAME_TOKENS = new TokenSet([K.IDENT, K.EXPLICIT_IDENT]);

export function atName(p: Parser): boolean {
  return p.atSet(NAME_TOKENS);
}

/**
 * A keyword where a name belongs is accepted as the name with an error that suggests `%`,
 * when the token after it shows that a name was meant (`record r { type: u32 }`).
 */
export function atKeywordAsName(p: Parser, followers: TokenSet): boolean {
  return isKeyword(p.current()) && p.current() !== K.UNDERSCORE && followers.has(p.nth(1));
}

/** True when text[from, n) has the common shape `abc-def-2` (lowercase parts), checked without allocating. */
function isPlainLowerKebab(text: string, from: number, n = text.length): boolean {
  if (from >= n) return false;
  let c = text.charCodeAt(from);
  if (c < 0x61 || c > 0x7a) return false;
  let prevDash = false;
  for (let i = from + 1; i < n; i++) {
    c = text.charCodeAt(i);
    if (c === 0x2d) {
      if (prevDash) return false;
      prevDash = true;
    } else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) prevDash = false;
    else return false;
  }
  return !prevDash;
}

/** Checks an identifier's spelling the way wit-parser does and reports what is wrong. */
export function identifierError(text: string): string | undefined {
  if (isPlainLowerKebab(text, text.charCodeAt(0) === 0x25 ? 1 : 0)) return undefined;
  const id = text.startsWith('%') ? text.slice(1) : text;
  if (id.length === 0) return 'expected an identifier after `%`';
  const parts = id.split('-');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part.length === 0) {
      return `invalid identifier \`${id}\`: identifiers must have characters between '-'s (no leading, trailing or double '-')`;
    }
    const first = part.charCodeAt(0);
    const isLetter = (first >= 0x61 && first <= 0x7a) || (first >= 0x41 && first <= 0x5a);
    if (i === 0 && !isLetter) {
      return `invalid identifier \`${id}\`: it must start with a letter`;
    }
    let upper: boolean | undefined;
    for (const ch of part) {
      const c = ch.charCodeAt(0);
      if (c >= 0x30 && c <= 0x39 && ch.length === 1) continue;
      const isUpper = c >= 0x41 && c <= 0x5a;
      const isLower = c >= 0x61 && c <= 0x7a;
      if (!isUpper && !isLower) {
        return `invalid character ${JSON.stringify(ch)} in identifier \`${id}\`: identifiers are kebab-case, with ASCII letters, digits and single '-'`;
      }
      if (upper === undefined) upper = isUpper;
      else if (upper !== isUpper) {
        return `invalid identifier \`${id}\`: each '-'-separated part must be all lowercase or all uppercase (write \`${suggestKebab(id)}\`)`;
      }
    }
  }
  return undefined;
}

/** `fooBar_baz` → `foo-bar-baz`: the spelling a quick fix offers. */
export function suggestKebab(id: string): string {
  return id
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[_\s.]+/g, '-')
    .replace(/[^A-Za-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

function checkIdentifier(p: Parser): void {
  // Nearly every name is plain kebab-case: check it in place before slicing its text out.
  const start = p.currentStart();
  if (isPlainLowerKebab(p.text, p.text.charCodeAt(start) === 0x25 ? start + 1 : start, p.currentEnd())) return;
  const msg = identifierError(p.currentText());
  if (msg) p.error(msg, 'invalid-identifier');
}

/** Consumes the current keyword as a name, with an error suggesting `%`. */
function keywordAsName(p: Parser): void {
  const kw = KEYWORDS[p.current() - FIRST_KEYWORD];
  p.error(`expected an identifier, found keyword \`${kw}\` (write \`%${kw}\` to use a keyword as a name)`, 'keyword-as-name');
  p.bump();
}

/**
 * NAME: a name being declared. Returns false (and reports) when there is none. `followers`
 * are the tokens that may come after the name, used to accept a keyword as a name.
 */
export function name(p: Parser, followers?: TokenSet, kind: K = K.NAME): boolean {
  if (atName(p)) {
    const m = p.start();
    checkIdentifier(p);
    p.bump();
    p.complete(m, kind);
    return true;
  }
  if (followers && atKeywordAsName(p, followers)) {
    const m = p.start();
    keywordAsName(p);
    p.complete(m, kind);
    return true;
  }
  p.errorExpected('an identifier');
  return false;
}

export function nameRef(p: Parser, followers?: TokenSet): boolean {
  return name(p, followers, K.NAME_REF);
}

/**
 * VERSION: `1.2.3`, `1.2.3-pre.1`, `1.2.3+build`. Like wit-parser, the pre-release and build
 * parts take identifiers, integers, `-` and `.` as long as they continue the version, and the
 * version's text ends with the last of those: a `-` or `+` with nothing after it is consumed
 * but is not part of the version (wit-parser reads `1.0.0-;` as 1.0.0). Lowering's versionText
 * reads the same text from the tree.
 */
export function version(p: Parser): void {
  const m = p.start();
  const start = p.currentStart();
  let ok = true;
  for (let part = 0; part < 3 && ok; part++) {
    if (part > 0 && !p.eat(K.PERIOD)) {
      p.error(
        `expected \`.\` and the ${part === 1 ? 'minor' : 'patch'} number, found ${p.describeCurrent()} (versions have three parts: MAJOR.MINOR.PATCH)`,
        'invalid-version',
      );
      ok = false;
      break;
    }
    if (!p.eat(K.INTEGER)) {
      p.error(`expected a version number (MAJOR.MINOR.PATCH), found ${p.describeCurrent()}`, 'invalid-version');
      ok = false;
    }
  }
  if (ok) {
    let end = p.prevEnd();
    for (const prefix of [K.MINUS, K.PLUS]) {
      if (!p.eat(prefix)) continue;
      for (;;) {
        const k = p.current();
        if (k === K.IDENT || k === K.INTEGER || k === K.MINUS) p.bump();
        else if (k === K.PERIOD && [K.IDENT, K.INTEGER, K.MINUS].includes(p.nth(1))) {
          p.bump();
          p.bump();
        } else break;
        end = p.prevEnd();
      }
    }
    const text = p.text.slice(start, end);
    const why = semverError(text);
    if (why) p.error(`invalid version \`${text}\`: ${why}`, 'invalid-version', start, end);
  }
  p.complete(m, K.VERSION);
}

const NUMERIC = /^(0|[1-9][0-9]*)$/;
const U64_MAX = '18446744073709551615';
const IDENT_PART = /^[0-9A-Za-z-]+$/;

/** Why `text` is not a semantic version (semver.org 2.0), or undefined if it is one. */
export function semverError(text: string): string | undefined {
  return isPlainVersion(text) ? undefined : fullSemverError(text);
}

/** semverError without the shortcut for plain versions (exported for the test that compares them). */
export function fullSemverError(text: string): string | undefined {
  const plus = text.indexOf('+');
  const build = plus >= 0 ? text.slice(plus + 1) : undefined;
  const rest = plus >= 0 ? text.slice(0, plus) : text;
  const dash = rest.indexOf('-');
  const pre = dash >= 0 ? rest.slice(dash + 1) : undefined;
  const core = dash >= 0 ? rest.slice(0, dash) : rest;
  const nums = core.split('.');
  if (nums.length !== 3) return 'expected MAJOR.MINOR.PATCH';
  for (const n of nums) {
    if (!NUMERIC.test(n)) return n.length > 1 && n.startsWith('0') ? 'numbers may not have leading zeros' : 'expected MAJOR.MINOR.PATCH';
    // Each part is a u64, as in the semver crate wit-parser uses.
    if (n.length > 19 && (n.length > 20 || n > U64_MAX)) return 'number too large';
  }
  if (pre !== undefined) {
    if (pre === '') return 'empty pre-release';
    for (const id of pre.split('.')) {
      if (!IDENT_PART.test(id)) return 'invalid pre-release part';
      if (/^[0-9]+$/.test(id) && !NUMERIC.test(id)) return 'numeric pre-release parts may not have leading zeros';
    }
  }
  if (build !== undefined) {
    if (build === '') return 'empty build metadata';
    for (const id of build.split('.')) if (!IDENT_PART.test(id)) return 'invalid build metadata';
  }
  return undefined;
}

/**
 * Whether `text` is `MAJOR.MINOR.PATCH` of plain digits without leading zeros, small enough to be
 * exact: nearly every version written, answered by one scan instead of splits and regexes.
 */
function isPlainVersion(text: string): boolean {
  let dots = 0;
  let partStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x2e;
    if (c === 0x2e) {
      const len = i - partStart;
      if (len === 0 || len > 15 || (len > 1 && text.charCodeAt(partStart) === 0x30)) return false;
      dots++;
      partStart = i + 1;
    } else if (c < 0x30 || c > 0x39) return false;
  }
  return dots === 3;
}

/** PACKAGE_NAME: `ns:name` with an optional `@version`. */
export function packageName(p: Parser, withVersion: boolean): void {
  const m = p.start();
  if (atName(p)) {
    checkIdentifier(p);
    p.bump();
  } else p.errorExpected('a package namespace (`namespace:name`)');
  if (p.expect(K.COLON)) {
    if (atName(p)) {
      checkIdentifier(p);
      p.bump();
    } else p.errorExpected('a package name after `:`');
  }
  if (withVersion && p.eat(K.AT)) version(p);
  p.complete(m, K.PACKAGE_NAME);
}

/** USE_PATH: `name`, or `ns:pkg/name@version`. */
export function usePath(p: Parser): void {
  const m = p.start();
  if (p.nth(1) === K.COLON && atName(p)) {
    packageName(p, false);
    if (p.expect(K.SLASH, '`/` and an interface or world name (`namespace:package/name`)')) nameRef(p);
    if (p.eat(K.AT)) version(p);
  } else {
    nameRef(p);
  }
  p.complete(m, K.USE_PATH);
}

const ATTRIBUTE_NAMES = ['since', 'unstable', 'deprecated', 'external-id'];

/** Zero or more ATTRIBUTEs: `@since(version = 1.0.0)`, `@unstable(feature = x)`, ... */
export function attributes(p: Parser): number {
  let count = 0;
  while (p.at(K.AT)) {
    count++;
    const m = p.start();
    p.bump();
    const attr = p.currentText();
    if (!atName(p) || !ATTRIBUTE_NAMES.includes(attr)) {
      if (atName(p)) {
        p.error(`unknown attribute \`@${attr}\`: expected \`@since\`, \`@unstable\`, \`@deprecated\` or \`@external-id\``, 'unknown-attribute');
        p.bump();
        if (p.at(K.L_PAREN)) p.bumpBalanced(ITEM_RECOVERY);
      } else {
        p.errorExpected('an attribute name (`since`, `unstable`, `deprecated` or `external-id`)');
      }
      p.complete(m, K.ATTRIBUTE);
      continue;
    }
    p.bump();
    if (p.expect(K.L_PAREN)) {
      if (attr === 'external-id') {
        p.expect(K.STRING, 'a string literal');
      } else {
        const key = attr === 'unstable' ? 'feature' : 'version';
        if (atName(p) && p.currentText() === key) {
          p.bump();
          p.expect(K.EQ);
          if (key === 'feature') nameRef(p);
          else version(p);
        } else {
          // One error for a malformed argument list, then on to its `)`.
          const found = atName(p) ? `\`${p.currentText()}\`` : p.describeCurrent();
          p.error(`expected \`${key}\`, found ${found} (write \`@${attr}(${key} = ${key === 'feature' ? 'name' : '1.0.0'})\`)`);
          while (!p.atEnd() && !p.at(K.R_PAREN) && !p.atSet(ITEM_RECOVERY)) p.bump();
        }
      }
      p.expect(K.R_PAREN);
    }
    p.complete(m, K.ATTRIBUTE);
  }
  return count;
}

/**
 * A comma-separated list between `open` and `close`. `item` parses one element when
 * `atItem` says one starts; `stop` ends the list early (a missing closer) without consuming.
 */
export function delimited(
  p: Parser,
  open: K,
  close: K,
  atItem: () => boolean,
  item: () => void,
  what: string,
  stop: TokenSet,
): void {
  if (!p.expect(open)) {
    if (!atItem()) return;
  }
  for (;;) {
    if (p.eat(close)) return;
    if (!atItem()) {
      if (p.atEnd() || p.atSet(stop)) {
        p.errorExpected(`${what} or ${describeCloser(close)}`);
        return;
      }
      p.errorAndBump(`expected ${what} or ${describeCloser(close)}, found ${p.describeCurrent()}`);
      continue;
    }
    item();
    if (p.eat(K.COMMA)) continue;
    if (p.at(close)) continue;
    if (atItem()) {
      p.errorExpected(`\`,\` or ${describeCloser(close)}`);
      continue;
    }
    if (p.atEnd() || p.atSet(stop)) {
      p.errorExpected(`\`,\` or ${describeCloser(close)}`);
      return;
    }
    p.errorAndBump(`expected \`,\` or ${describeCloser(close)}, found ${p.describeCurrent()}`);
  }
}

function describeCloser(k: K): string {
  switch (k) {
    case K.R_BRACE: return '`}`';
    case K.R_PAREN: return '`)`';
    case K.R_ANGLE: return '`>`';
    default: return 'the end of the list';
  }
}
