// The parser's machinery: a cursor over the significant tokens, markers that open and close
// nodes, and error reporting. The grammar (grammar/*.ts) drives it; treeBuilder.ts turns the
// resulting events into a green tree. Nothing here throws on bad input.

import type { Diagnostic } from '../base/diagnostic';
import type { DiagnosticCode } from '../base/diagnosticCodes';
import { keepShape } from '../base/shapes';
import { EMPTY_LEXED, type LexedText } from './lexer';
import { SyntaxKind, describeKind } from './syntaxKind';

const LAST_TRIVIA = SyntaxKind.BLOCK_COMMENT;

/** Event encoding: a node kind opens a node; these two values close one or take a token. */
export const EV_FINISH = -1;
export const EV_TOKEN = -2;
/** An opened node that was abandoned: the builder skips it. */
export const EV_TOMBSTONE = -3;

export class TokenSet {
  private readonly bits: Uint32Array;
  constructor(kinds: readonly SyntaxKind[]) {
    this.bits = new Uint32Array(8);
    for (const k of kinds) this.bits[k >>> 5] |= 1 << (k & 31);
  }
  has(kind: SyntaxKind): boolean {
    return (this.bits[kind >>> 5] & (1 << (kind & 31))) !== 0;
  }
  union(other: TokenSet | readonly SyntaxKind[]): TokenSet {
    const r = new TokenSet([]);
    const o = other instanceof TokenSet ? other : new TokenSet(other);
    for (let i = 0; i < 8; i++) r.bits[i] = this.bits[i] | o.bits[i];
    return r;
  }
}

/** Total lookahead steps of every parse so far: a deterministic measure of parser work for tests. */
let totalWork = 0;
export function parseWork(): number {
  return totalWork;
}

/** Tokens where skipping a broken `(...)` group stops. */
const PAREN_STOP = new TokenSet([SyntaxKind.L_BRACE, SyntaxKind.R_BRACE, SyntaxKind.SEMICOLON]);
/** Keywords that start top-level items: skipping junk never goes past one. */
const ITEM_KEYWORDS = new TokenSet([SyntaxKind.INTERFACE_KW, SyntaxKind.WORLD_KW, SyntaxKind.PACKAGE_KW]);

/** An opened node: the index of its event (a number, so that opening a node allocates nothing). */
export type Marker = number;

/**
 * Copies the significant tokens of `lexed` into the given arrays; returns how many there are.
 * A function of its own because V8 compiles a long loop while it runs (on-stack replacement):
 * in the constructor, that code met the lines after the loop without type feedback and was
 * thrown away at the end of every parse.
 */
function copySignificant(lexed: LexedText, kinds: Uint8Array, starts: Uint32Array, ends: Uint32Array): number {
  const lk = lexed.kinds;
  const ls = lexed.starts;
  const count = lexed.count;
  let sig = 0;
  for (let i = 0; i < count; i++) {
    const k = lk[i];
    if (k <= LAST_TRIVIA) continue;
    kinds[sig] = k;
    starts[sig] = ls[i];
    ends[sig++] = ls[i + 1];
  }
  return sig;
}

export class Parser {
  /** Kinds of the significant (non-trivia) tokens, followed by one EOF. */
  private readonly kinds: Uint8Array;
  private readonly starts: Uint32Array;
  private readonly ends: Uint32Array;
  /** Index of the EOF entry: the number of significant tokens. */
  private readonly last: number;
  pos = 0;
  /** Events (see EV_*), the first `eventCount` entries. */
  events: Int32Array = new Int32Array(1024);
  eventCount = 0;
  readonly errors: Diagnostic[] = [];
  /** Set when the grammar looked at the end of input; incremental reparsing needs to know. */
  sawEof = false;
  /** The furthest significant token the grammar has looked at (an index into kinds). */
  maxPeek = 0;
  /** Set once nested packages reach the depth limit (one error for the whole nest is enough). */
  nestingLimitHit = false;
  /** Set once a type expression reaches the depth limit; cleared as each outermost type starts. */
  typeDepthReported = false;
  /** Index in `errors` of the first error of the item being parsed. */
  itemErrorStart = 0;
  /** Where the input ends: the text's length, or the end of the region being reparsed. */
  readonly endOffset: number;
  /** Guards against a grammar bug turning into a hang: looking without consuming is bounded. */
  private steps = 0;

  constructor(
    readonly text: string,
    lexed: LexedText,
  ) {
    const count = lexed.count;
    // One pass into arrays sized for every token: counting the significant ones first costs
    // more than the unused room.
    const kinds = new Uint8Array(count + 1);
    const starts = new Uint32Array(count + 1);
    const ends = new Uint32Array(count + 1);
    const sig = copySignificant(lexed, kinds, starts, ends);
    const endOffset = lexed.starts[count];
    kinds[sig] = SyntaxKind.EOF;
    starts[sig] = endOffset;
    ends[sig] = endOffset;
    this.kinds = kinds;
    this.starts = starts;
    this.ends = ends;
    this.last = sig;
    this.endOffset = endOffset;
  }

  private pushEvent(ev: number): void {
    if (this.eventCount === this.events.length) {
      const grown = new Int32Array(this.events.length * 2);
      grown.set(this.events);
      this.events = grown;
    }
    this.events[this.eventCount++] = ev;
  }

  nth(n: number): SyntaxKind {
    totalWork++;
    if (++this.steps > 10_000_000) throw new Error('parser made no progress (grammar bug)');
    const i = this.pos + n;
    if (i >= this.last) {
      this.markEof();
      return SyntaxKind.EOF;
    }
    if (i > this.maxPeek) this.maxPeek = i;
    return this.kinds[i];
  }

  current(): SyntaxKind {
    return this.nth(0);
  }

  at(kind: SyntaxKind): boolean {
    return this.nth(0) === kind;
  }

  atSet(set: TokenSet): boolean {
    return set.has(this.nth(0));
  }

  atEnd(): boolean {
    if (this.pos < this.last) return false;
    this.markEof();
    return true;
  }

  /** Looking at the end of input makes the current item depend on everything after it. */
  private markEof(): void {
    this.sawEof = true;
    this.maxPeek = this.last;
  }

  /** True at the end of input, without counting as a look at it: only the file's item loop may ask. */
  isDone(): boolean {
    return this.pos >= this.last;
  }

  /** End offset of the furthest token looked at so far. */
  peekEnd(): number {
    return this.ends[Math.min(this.maxPeek, this.last)];
  }

  currentStart(): number {
    return this.starts[this.pos];
  }

  currentEnd(): number {
    return this.ends[this.pos];
  }

  currentText(): string {
    return this.text.slice(this.starts[this.pos], this.ends[this.pos]);
  }

  nthText(n: number): string {
    const i = Math.min(this.pos + n, this.last);
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  /** Kind of the last consumed significant token. */
  prevKind(): SyntaxKind | undefined {
    return this.pos > 0 ? this.kinds[this.pos - 1] : undefined;
  }

  /** End of the last consumed significant token (where a missing token would go). */
  prevEnd(): number {
    return this.pos > 0 ? this.ends[this.pos - 1] : 0;
  }

  bump(): void {
    if (this.pos >= this.last) return;
    this.steps = 0;
    if (this.pos > this.maxPeek) this.maxPeek = this.pos;
    this.pushEvent(EV_TOKEN);
    this.pos++;
  }

  eat(kind: SyntaxKind): boolean {
    if (!this.at(kind)) return false;
    this.bump();
    return true;
  }

  /** Consumes `kind` or reports "expected <what>, found <current>" without consuming. */
  expect(kind: SyntaxKind, what?: string): boolean {
    if (this.eat(kind)) return true;
    this.errorExpected(what ?? describeKind(kind));
    return false;
  }

  start(): Marker {
    this.pushEvent(EV_TOMBSTONE);
    return this.eventCount - 1;
  }

  complete(m: Marker, kind: SyntaxKind): void {
    this.events[m] = kind;
    this.pushEvent(EV_FINISH);
  }

  /** Drops an opened node; its tokens go to the parent. */
  abandon(m: Marker): void {
    if (m === this.eventCount - 1) this.eventCount--;
    // otherwise the tombstone stays, and the builder ignores it.
  }

  /** Changes the kind of a node that was already completed. */
  retype(m: Marker, kind: SyntaxKind): void {
    this.events[m] = kind;
  }

  error(message: string, code: DiagnosticCode = 'expected-token', start?: number, end?: number): void {
    // The lexer has already reported a character it does not know; a second error adds nothing.
    if (start === undefined && code === 'expected-token' && this.kinds[this.pos] === SyntaxKind.ERROR_TOKEN) return;
    // At the end of input this is an empty range at the very end, where wit-parser puts it too.
    const s = start ?? this.starts[this.pos];
    const e = end ?? this.ends[this.pos];
    // One error per position is enough: the first one says what went wrong. (Only within an
    // item: items are reparsed on their own, so they must not depend on each other's errors.)
    const last = this.errors.length > this.itemErrorStart ? this.errors[this.errors.length - 1] : undefined;
    if (last && last.start === s && last.code === code && code === 'expected-token') return;
    this.errors.push({ code, start: s, end: e, message });
  }

  errorExpected(what: string): void {
    this.error(`expected ${what}, found ${this.describeCurrent()}`);
  }

  describeCurrent(): string {
    const k = this.current();
    if (k === SyntaxKind.IDENT || k === SyntaxKind.EXPLICIT_IDENT) return `identifier \`${this.currentText()}\``;
    if (k === SyntaxKind.ERROR_TOKEN) return `\`${this.currentText()}\``;
    return describeKind(k);
  }

  /** Wraps the current token in an ERROR node after reporting `message`. */
  errorAndBump(message: string): void {
    this.error(message);
    if (this.atEnd()) return;
    const m = this.start();
    this.bumpBalanced();
    this.complete(m, SyntaxKind.ERROR);
  }

  /**
   * Consumes the current token; if it opens a `{`, `(` or `<` group, consumes through the
   * matching closer (not past `stop`), so that skipping junk does not end the enclosing body.
   */
  bumpBalanced(stop?: TokenSet): void {
    const open = this.current();
    const close =
      open === SyntaxKind.L_BRACE ? SyntaxKind.R_BRACE
        : open === SyntaxKind.L_PAREN ? SyntaxKind.R_PAREN
          : undefined;
    this.bump();
    if (close === undefined) return;
    let depth = 1;
    while (!this.atEnd() && depth > 0) {
      const k = this.current();
      if (stop && stop.has(k)) return;
      // A `(` group never holds braces or items: an unclosed one ends at the first of those.
      if (open === SyntaxKind.L_PAREN && PAREN_STOP.has(k)) return;
      // Item keywords that only start top-level items end any group that was left open.
      if (ITEM_KEYWORDS.has(k)) return;
      if (k === open) depth++;
      else if (k === close) depth--;
      this.bump();
    }
  }

  /** Skips tokens into one ERROR node until one in `recovery` (or the end) is current. */
  skipUntil(recovery: TokenSet): void {
    if (this.atEnd() || this.atSet(recovery)) return;
    const m = this.start();
    while (!this.atEnd() && !this.atSet(recovery)) this.bumpBalanced(recovery);
    this.complete(m, SyntaxKind.ERROR);
  }
}

keepShape(new Parser('', EMPTY_LEXED));
