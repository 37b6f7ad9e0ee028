// Entry points of the syntax layer: parse() builds a tree with its errors from text and never
// throws; reparse() (reparse.ts) reuses it after an edit. Each top-level child of the tree keeps
// its own errors and how far its parse looked, which is what makes item-wise reparsing exact.

import type { Diagnostic } from '../base/diagnostic';
import { GreenElement, GreenNode, greenWidth, isGreenNode, makeNode, makeToken } from './green';
import { sourceFileItems } from './grammar/items';
import { lex } from './lexer';
import { Parser } from './parser';
import { SyntaxNode } from './red';
import { SyntaxKind } from './syntaxKind';
import { buildTree } from './treeBuilder';

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

  // Attach each item's errors to its node, and each lexer error to the child that holds it.
  const children = root.children as GreenElement[];
  const info: { errors: Diagnostic[]; peekEnd: number }[] = [];
  const childStarts: number[] = [];
  let offset = from;
  let item = 0;
  for (const child of children) {
    const width = greenWidth(child);
    childStarts.push(offset);
    const entry = { errors: [] as Diagnostic[], peekEnd: width };
    if (isGreenNode(child)) {
      const rec = records[item++];
      if (rec) {
        for (const e of rec.errors) entry.errors.push(relative(e, offset));
        entry.peekEnd = Math.max(width, rec.peekEnd - offset);
      }
    }
    info.push(entry);
    offset += width;
  }
  for (const e of lexed.errors) {
    const i = Math.max(0, upperBound(childStarts, e.start) - 1);
    if (info[i]) info[i].errors.push(relative(e, childStarts[i]));
  }
  for (const entry of info) entry.errors.sort((a, b) => a.start - b.start);
  return { children, info, lexEnd: lexed.starts[lexed.count], sawEnd: p.sawEof };
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
  const errors: Diagnostic[] = [];
  let offset = 0;
  for (let i = 0; i < children.length; i++) {
    for (const e of info[i].errors) {
      const start = e.start + offset;
      const last = errors[errors.length - 1];
      // An item that ends early and the junk after it both complain about the same token: once is enough.
      if (last && last.start === start && last.code === 'expected-token' && e.code === 'expected-token') continue;
      errors.push({ ...e, start, end: e.end + offset });
    }
    offset += greenWidth(children[i]);
  }
  errors.sort((a, b) => a.start - b.start);
  return { text, green, info, errors };
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
      if (child.kind === SyntaxKind.PACKAGE_DECL && seenItem) {
        const start = offset + leadingTriviaWidth(child);
        out.push({
          code: 'misplaced-package',
          start,
          end: start + 'package'.length,
          message: 'a `package ns:name;` declaration must come before every other item of the file (for a second package in this file, write `package ns:name { ... }`)',
        });
      }
      if (child.kind !== SyntaxKind.ERROR) seenItem = true;
    }
    offset += greenWidth(child);
  }
  return out.sort((a, b) => a.start - b.start);
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
