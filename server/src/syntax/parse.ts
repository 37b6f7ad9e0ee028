// Entry points of the syntax layer: parse() builds a tree with its errors from text and never
// throws; reparse() (reparse.ts) reuses it after an edit. Each top-level child of the tree keeps
// its own errors and how far its parse looked, which is what makes item-wise reparsing exact.

import type { Diagnostic } from '../base/diagnostic';
import { GreenElement, GreenNode, greenWidth, isGreenNode, makeNode, makeToken } from './green';
import { ItemRecord, sourceFileItems } from './grammar/items';
import { lex } from './lexer';
import { Parser } from './parser';
import { SyntaxNode } from './red';
import { FIRST_NODE, SyntaxKind } from './syntaxKind';
import { buildTree } from './treeBuilder';
import { FlatTree, flatFromEvents, flatFromGreen } from './flatTree';

/** Facts about one top-level child, with offsets relative to the child's start. */
export interface ChildInfo {
  readonly errors: readonly Diagnostic[];
  /** How far past its start the parse of this child looked (at least its width). */
  readonly peekEnd: number;
}

export interface SyntaxTree {
  readonly text: string;
  /** A SOURCE_FILE node. */
  readonly green: GreenNode;
  /** One entry per child of `green`. */
  readonly info: readonly ChildInfo[];
  /** Lexer and parser errors, with absolute offsets, in document order. */
  readonly errors: readonly Diagnostic[];
}

export interface Region {
  children: GreenElement[];
  info: ChildInfo[];
  /** Where lexing stopped: the region's end, or further when its last token ran past it. */
  lexEnd: number;
  /** The parse of some item looked at the end of the region. */
  sawEnd: boolean;
}

/** Parses text[from, to) as a sequence of top-level items. */
export function parseRegion(text: string, from: number, to: number): Region {
  const lexed = lex(text, from, to);
  const p = new Parser(text, lexed);
  const records = sourceFileItems(p);
  const root = buildTree(text, lexed, p.events, p.eventCount, SyntaxKind.SOURCE_FILE);
  const children = root.children as GreenElement[];
  const starts: number[] = [];
  const ends: number[] = [];
  const items: boolean[] = [];
  let offset = from;
  for (const child of children) {
    const width = greenWidth(child);
    starts.push(offset);
    ends.push(offset + width);
    items.push(isGreenNode(child));
    offset += width;
  }
  const info = childInfo(starts, ends, items, records, lexed.errors);
  return { children, info, lexEnd: lexed.starts[lexed.count], sawEnd: p.sawEof };
}

/**
 * Attaches each item's errors to its node, and each lexer error to the child that holds it.
 * Children are given by where they start and end, and whether they are item nodes (one per
 * record, in order); children without errors (whitespace) may be left out.
 */
function childInfo(starts: number[], ends: number[], items: boolean[], records: ItemRecord[], lexErrors: Diagnostic[]): ChildInfo[] {
  const info: { errors: Diagnostic[]; peekEnd: number }[] = [];
  let item = 0;
  for (let i = 0; i < starts.length; i++) {
    const width = ends[i] - starts[i];
    const entry = { errors: [] as Diagnostic[], peekEnd: width };
    if (items[i]) {
      const rec = records[item++];
      if (rec) {
        for (const e of rec.errors) entry.errors.push(relative(e, starts[i]));
        entry.peekEnd = Math.max(width, rec.peekEnd - starts[i]);
      }
    }
    info.push(entry);
  }
  for (const e of lexErrors) {
    const i = Math.max(0, upperBound(starts, e.start) - 1);
    if (info[i]) info[i].errors.push(relative(e, starts[i]));
  }
  for (const entry of info) entry.errors.sort((a, b) => a.start - b.start);
  return info;
}

function relative(e: Diagnostic, base: number): Diagnostic {
  return { ...e, start: e.start - base, end: e.end - base };
}

/** Index of the first element greater than x. */
function upperBound(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function assembleTree(text: string, children: GreenElement[], info: ChildInfo[]): SyntaxTree {
  const green = makeNode(SyntaxKind.SOURCE_FILE, children);
  const starts: number[] = [];
  let offset = 0;
  for (const c of children) {
    starts.push(offset);
    offset += greenWidth(c);
  }
  return { text, green, info, errors: joinErrors(info, starts) };
}

/** The children's errors with absolute offsets, in document order. */
function joinErrors(info: readonly ChildInfo[], starts: readonly number[]): Diagnostic[] {
  const errors: Diagnostic[] = [];
  for (let i = 0; i < info.length; i++) {
    for (const e of info[i].errors) {
      const start = e.start + starts[i];
      const last = errors[errors.length - 1];
      // An item that ends early and the junk after it both complain about the same token: once is enough.
      if (last && last.start === start && last.code === 'expected-token' && e.code === 'expected-token') continue;
      errors.push({ ...e, start, end: e.end + starts[i] });
    }
  }
  errors.sort((a, b) => a.start - b.start);
  return errors;
}

export function parse(text: string): SyntaxTree {
  try {
    const region = parseRegion(text, 0, text.length);
    return assembleTree(text, region.children, region.info);
  } catch (err) {
    // A bug in the grammar must not take the server down: keep the text, report the failure.
    const message = `internal parser error: ${err instanceof Error ? err.message : String(err)}`;
    const children = [makeNode(SyntaxKind.ERROR, [makeToken(SyntaxKind.ERROR_TOKEN, text)])];
    return assembleTree(text, children, [{ errors: [{ code: 'expected-token', start: 0, end: Math.min(1, text.length), message }], peekEnd: text.length }]);
  }
}

/** The root as a positioned node. */
export function rootNode(tree: SyntaxTree): SyntaxNode {
  return SyntaxNode.root(tree.green, tree.text);
}

/**
 * Every syntax error of the file: lexer and parser errors plus the checks that depend on an
 * item's position in the file (which reparsing an item on its own cannot know).
 */
export function syntaxErrors(tree: SyntaxTree): Diagnostic[] {
  const out = [...tree.errors];
  let offset = 0;
  let seenItem = false;
  for (const child of tree.green.children) {
    if (isGreenNode(child)) {
      if (child.kind === SyntaxKind.PACKAGE_DECL && seenItem) out.push(misplacedPackage(offset + leadingTriviaWidth(child)));
      if (child.kind !== SyntaxKind.ERROR) seenItem = true;
    }
    offset += greenWidth(child);
  }
  return out.sort((a, b) => a.start - b.start);
}

function misplacedPackage(start: number): Diagnostic {
  return {
    code: 'misplaced-package',
    start,
    end: start + 'package'.length,
    message: 'a `package ns:name;` declaration must come before every other item of the file (for a second package in this file, write `package ns:name { ... }`)',
  };
}

/**
 * A one-shot parse for lowering: the flat tree and syntaxErrors(parse(text)), without making
 * green nodes (the command line keeps no trees). Falls back to parse() on a grammar bug.
 */
export function parseFlat(text: string): { flat: FlatTree; errors: Diagnostic[] } {
  try {
    const lexed = lex(text, 0, text.length);
    const p = new Parser(text, lexed);
    const records = sourceFileItems(p);
    const flat = flatFromEvents(text, lexed, p.events, p.eventCount, SyntaxKind.SOURCE_FILE);
    const { kinds, starts: s, ends: e, nexts } = flat;
    // The root's children, as parseRegion sees them (whitespace, which has no errors, aside).
    const starts: number[] = [];
    const ends: number[] = [];
    const items: boolean[] = [];
    for (let c = 1; c < flat.count; c = nexts[c]) {
      starts.push(s[c]);
      ends.push(e[c]);
      items.push(kinds[c] >= FIRST_NODE);
    }
    const out = joinErrors(childInfo(starts, ends, items, records, lexed.errors), starts);
    let seenItem = false;
    for (let c = 1; c < flat.count; c = nexts[c]) {
      const kind = kinds[c];
      if (kind < FIRST_NODE) continue;
      if (kind === SyntaxKind.PACKAGE_DECL && seenItem) {
        // Past the trivia it starts with, into its first child node as leadingTriviaWidth goes.
        let at = e[c];
        for (let t = c + 1, limit = nexts[c]; t < limit; t++) {
          if (kinds[t] >= FIRST_NODE) {
            limit = nexts[t];
            at = e[t];
          } else if (kinds[t] > SyntaxKind.BLOCK_COMMENT) {
            at = s[t];
            break;
          }
        }
        out.push(misplacedPackage(at));
      }
      if (kind !== SyntaxKind.ERROR) seenItem = true;
    }
    return { flat, errors: out.sort((a, b) => a.start - b.start) };
  } catch {
    const tree = parse(text);
    return { flat: flatFromGreen(tree.green, text), errors: syntaxErrors(tree) };
  }
}

/** Width of the comments and whitespace a node starts with. */
export function leadingTriviaWidth(node: GreenNode): number {
  let w = 0;
  for (const c of node.children) {
    if (isGreenNode(c)) return w + leadingTriviaWidth(c);
    if (c.kind > SyntaxKind.BLOCK_COMMENT) return w;
    w += c.text.length;
  }
  return w;
}
