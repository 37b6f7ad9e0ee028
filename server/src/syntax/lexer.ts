// Splits WIT text into tokens, trivia included, so that the tokens cover the text exactly; it never
// fails: characters it does not know become ERROR_TOKENs, and problems are returned as diagnostics.

import type { Diagnostic } from '../base/diagnostic';
import { KEYWORDS, SyntaxKind, keywordKind } from './syntaxKind';

/**
 * Keywords by first character and length (every keyword is shorter than 16 characters): most
 * words in a file are names, and this rules nearly all of them out without comparing text.
 */
const KEYWORD_BUCKETS: ([string, SyntaxKind][] | undefined)[] = new Array(128 * 16);
for (const k of KEYWORDS) {
  const slot = (k.charCodeAt(0) << 4) | k.length;
  (KEYWORD_BUCKETS[slot] ??= []).push([k, keywordKind(k)!]);
}

function keywordAt(text: string, start: number, len: number): SyntaxKind {
  const first = text.charCodeAt(start);
  if (len >= 16 || first >= 128) return SyntaxKind.IDENT;
  const bucket = KEYWORD_BUCKETS[(first << 4) | len];
  if (bucket !== undefined) {
    for (let b = 0; b < bucket.length; b++) if (text.startsWith(bucket[b][0], start)) return bucket[b][1];
  }
  return SyntaxKind.IDENT;
}

export interface LexedText {
  /** Number of tokens, trivia included. */
  count: number;
  /** Token kinds (the first `count` entries). */
  kinds: Uint8Array;
  /** starts[i] is where token i begins (an offset into the whole text); starts[count] is where the last ends. */
  starts: Uint32Array;
  errors: Diagnostic[];
}

const XID_START = /\p{XID_Start}/u;
const XID_CONTINUE = /\p{XID_Continue}/u;

/** ASCII character classes: bit 1 starts an identifier, bit 2 continues one. */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (letter || c === 0x5f) ASCII_CLASS[c] |= 1;
  if (letter || c === 0x5f || c === 0x2d || (c >= 0x30 && c <= 0x39)) ASCII_CLASS[c] |= 2;
}

function isIdentStart(c: number, text: string, i: number): boolean {
  if (c < 0x80) return (ASCII_CLASS[c] & 1) !== 0;
  return XID_START.test(String.fromCodePoint(text.codePointAt(i)!));
}

function isIdentContinue(c: number, text: string, i: number): boolean {
  if (c < 0x80) return (ASCII_CLASS[c] & 2) !== 0;
  return XID_CONTINUE.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** Width in UTF-16 units of the code point at i. */
function cpWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
}

/** Why a code point is forbidden anywhere in a WIT file, or undefined if it is allowed. */
export function forbiddenCodepoint(cp: number): string | undefined {
  if (cp === 0x0a || cp === 0x0d || cp === 0x09) return undefined;
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) {
    return `bidirectional override character ${hex(cp)} is not allowed (it can make code read differently than it parses)`;
  }
  if (
    cp === 0x149 || cp === 0x673 || cp === 0xf77 || cp === 0xf79 || cp === 0x17a3 ||
    cp === 0x17a4 || cp === 0x17b4 || cp === 0x17b5
  ) {
    return `code point ${hex(cp)} is deprecated by Unicode and not allowed`;
  }
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return `control character ${hex(cp)} is not allowed`;
  return undefined;
}

function hex(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Lexes `text` from `from` until a token ends at or after `stopAt`. The last token may run past
 * `stopAt` (an unterminated comment, say): incremental reparsing checks where it ended.
 */
export function lex(text: string, from = 0, stopAt = text.length): LexedText {
  // At most one token per character: typed arrays of that size need no growing and stay out
  // of the garbage collector's way on large files.
  const capacity = Math.max(0, stopAt - from) + 2;
  const kinds = new Uint8Array(capacity);
  const starts = new Uint32Array(capacity + 1);
  let count = 0;
  const errors: Diagnostic[] = [];
  const n = text.length;
  let i = from;

  if (from === 0 && text.charCodeAt(0) === 0xfeff) {
    kinds[count] = SyntaxKind.WHITESPACE;
    starts[count++] = 0;
    i = 1;
  }

  // Each case advances `i` past one token and sets its kind; the token is stored below.
  while (i < stopAt) {
    const start = i;
    const c = text.charCodeAt(i);
    let kind: SyntaxKind;
    switch (c) {
      case 0x20: // space
      case 0x09: // tab
      case 0x0a: // \n
      case 0x0d: { // \r, whitespace only as part of \r\n
        if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) {
          i++;
          kind = SyntaxKind.ERROR_TOKEN;
          errors.push({ code: 'unexpected-character', start, end: i, message: 'a carriage return is only allowed before a line feed' });
          break;
        }
        i++;
        for (;;) {
          const d = text.charCodeAt(i);
          if (d === 0x20 || d === 0x09 || d === 0x0a) i++;
          else if (d === 0x0d && text.charCodeAt(i + 1) === 0x0a) i += 2;
          else break;
        }
        kind = SyntaxKind.WHITESPACE;
        break;
      }
      case 0x2f: { // /
        const d = text.charCodeAt(i + 1);
        if (d === 0x2f) {
          let j = i + 2;
          while (j < n) {
            const e = text.charCodeAt(j);
            if (e === 0x0a) break;
            j = isPlain(e) ? j + 1 : checkCodepoint(text, j, errors);
          }
          i = j;
          // A \r before the \n belongs to the line ending, not to the comment.
          if (j < n && text.charCodeAt(i - 1) === 0x0d) i--;
          kind = SyntaxKind.LINE_COMMENT;
        } else if (d === 0x2a) {
          i = blockCommentEnd(text, i, errors);
          kind = SyntaxKind.BLOCK_COMMENT;
        } else {
          i++;
          kind = SyntaxKind.SLASH;
        }
        break;
      }
      case 0x3d: i++; kind = SyntaxKind.EQ; break;
      case 0x2c: i++; kind = SyntaxKind.COMMA; break;
      case 0x3a: i++; kind = SyntaxKind.COLON; break;
      case 0x2e: i++; kind = SyntaxKind.PERIOD; break;
      case 0x3b: i++; kind = SyntaxKind.SEMICOLON; break;
      case 0x28: i++; kind = SyntaxKind.L_PAREN; break;
      case 0x29: i++; kind = SyntaxKind.R_PAREN; break;
      case 0x7b: i++; kind = SyntaxKind.L_BRACE; break;
      case 0x7d: i++; kind = SyntaxKind.R_BRACE; break;
      case 0x3c: i++; kind = SyntaxKind.L_ANGLE; break;
      case 0x3e: i++; kind = SyntaxKind.R_ANGLE; break;
      case 0x2a: i++; kind = SyntaxKind.STAR; break;
      case 0x40: i++; kind = SyntaxKind.AT; break;
      case 0x2b: i++; kind = SyntaxKind.PLUS; break;
      case 0x2d: // - or ->
        if (text.charCodeAt(i + 1) === 0x3e) {
          i += 2;
          kind = SyntaxKind.ARROW;
        } else {
          i++;
          kind = SyntaxKind.MINUS;
        }
        break;
      case 0x25: { // %name
        i++;
        if (i < n && isIdentStart(text.charCodeAt(i), text, i)) i = identEnd(text, afterIdentStart(text, i, errors), errors);
        kind = SyntaxKind.EXPLICIT_IDENT;
        break;
      }
      case 0x22: // "string"
        i = lexString(text, i, errors);
        // Strings are rare and short: their forbidden code points are looked for afterwards.
        for (let j = start; j < i;) j = isPlain(text.charCodeAt(j)) ? j + 1 : checkCodepoint(text, j, errors);
        kind = SyntaxKind.STRING;
        break;
      default: {
        if (c >= 0x30 && c <= 0x39) {
          i++;
          for (let d = text.charCodeAt(i); d >= 0x30 && d <= 0x39; d = text.charCodeAt(i)) i++;
          kind = SyntaxKind.INTEGER;
        } else if (isIdentStart(c, text, i)) {
          i = identEnd(text, afterIdentStart(text, i, errors), errors);
          kind = keywordAt(text, start, i - start);
        } else {
          i += cpWidth(text, i);
          kind = SyntaxKind.ERROR_TOKEN;
          const cp = text.codePointAt(start)!;
          const why = forbiddenCodepoint(cp);
          errors.push(why
            ? { code: 'forbidden-codepoint', start, end: i, message: why }
            : { code: 'unexpected-character', start, end: i, message: `unexpected character ${JSON.stringify(String.fromCodePoint(cp))}` });
          // A lone high surrogate takes the next unit into its token: that one is checked too.
          if (cp <= 0xffff && i - start === 2) checkCodepoint(text, start + 1, errors);
        }
      }
    }
    kinds[count] = kind;
    starts[count++] = start;
  }
  starts[count] = i;
  return { count, kinds, starts, errors };
}

/** Where the identifier whose first character ends at `i` ends; its non-ASCII code points are checked. */
function identEnd(text: string, i: number, errors: Diagnostic[]): number {
  const n = text.length;
  // ASCII names (nearly all) are scanned without calls; past the end charCodeAt gives NaN.
  for (;;) {
    const d = text.charCodeAt(i);
    if (d < 0x80) {
      if ((ASCII_CLASS[d] & 2) === 0) return i;
      i++;
    } else if (i < n && isIdentContinue(d, text, i)) i = checkCodepoint(text, i, errors);
    else return i;
  }
}

/** Where the (nesting) block comment that opens at `i` ends; reports it if it never does. */
function blockCommentEnd(text: string, i: number, errors: Diagnostic[]): number {
  const n = text.length;
  const start = i;
  i += 2;
  let depth = 1;
  while (i < n && depth > 0) {
    const e = text.charCodeAt(i);
    if (e === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      depth++;
      i += 2;
    } else if (e === 0x2a && text.charCodeAt(i + 1) === 0x2f) {
      depth--;
      i += 2;
    } else i = isPlain(e) ? i + 1 : checkCodepoint(text, i, errors);
  }
  if (depth > 0) {
    errors.push({ code: 'unterminated-comment', start, end: start + 2, message: 'unterminated block comment: this `/*` has no matching `*/` (block comments nest)' });
  }
  return i;
}

/*
 * Forbidden code points are reported wherever they are, comments and strings included (as
 * wit-parser does). Whitespace, numbers and punctuation are plain ASCII by construction, so only
 * comments, strings, names with non-ASCII letters and unexpected characters are looked at, each
 * where the loop above scans it anyway: a separate pass over the whole text cost more.
 */

/** Printable ASCII, tab, line feed or carriage return: never forbidden. */
function isPlain(c: number): boolean {
  return (c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** Reports the code point at `i` if it is forbidden; returns the offset after it. */
function checkCodepoint(text: string, i: number, errors: Diagnostic[]): number {
  const cp = text.codePointAt(i)!;
  const end = i + (cp > 0xffff ? 2 : 1);
  const why = forbiddenCodepoint(cp);
  if (why) errors.push({ code: 'forbidden-codepoint', start: i, end, message: why });
  return end;
}

/** Past the first character of a name, checking it when it is not ASCII (some deprecated code points are letters). */
function afterIdentStart(text: string, i: number, errors: Diagnostic[]): number {
  return text.charCodeAt(i) < 0x80 ? i + 1 : checkCodepoint(text, i, errors);
}

/** The lexing of empty text: trivial input for the instances that keepShape holds on to. */
export const EMPTY_LEXED: LexedText = lex('');

/** Scans a string literal starting at the opening quote; returns the offset after it. */
function lexString(text: string, i: number, errors: Diagnostic[]): number {
  const start = i;
  const n = text.length;
  i++;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c === 0x0a || c === 0x0d) break;
    if (c === 0x5c) {
      const escStart = i;
      const e = text.charCodeAt(i + 1);
      i += 2;
      if (e === 0x22 || e === 0x27 || e === 0x74 || e === 0x6e || e === 0x72 || e === 0x5c) continue;
      if (e === 0x75 && text.charCodeAt(i) === 0x7b) { // \u{...}
        const close = text.indexOf('}', i);
        const digits = close < 0 ? '' : text.slice(i + 1, close).replace(/_/g, '');
        const value = /^[0-9a-fA-F]{1,6}$/.test(digits) ? parseInt(digits, 16) : NaN;
        if (close < 0 || Number.isNaN(value) || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) {
          errors.push({ code: 'invalid-string', start: escStart, end: close < 0 ? i : close + 1, message: 'invalid unicode escape: expected `\\u{...}` with a valid code point in hex' });
        }
        if (close >= 0 && text.slice(i, close).indexOf('"') < 0) i = close + 1;
        continue;
      }
      if (isHex(e) && isHex(text.charCodeAt(i))) {
        i++;
        continue;
      }
      errors.push({ code: 'invalid-string', start: escStart, end: Math.min(i, n), message: `invalid string escape \`${text.slice(escStart, Math.min(i, n))}\`` });
      continue;
    }
    if (c < 0x20 || c === 0x7f) {
      errors.push({ code: 'invalid-string', start: i, end: i + 1, message: 'control characters are not allowed in strings' });
    }
    i++;
  }
  errors.push({ code: 'unterminated-string', start, end: i, message: 'unterminated string: expected a closing `"` on this line' });
  return i;
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}
