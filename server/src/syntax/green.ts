// The immutable "green" tree: nodes know their kind, children and text length but not their
// position, so an unchanged subtree can be shared between the old and the new tree after an edit.

import { SyntaxKind, fixedText } from './syntaxKind';

export interface GreenToken {
  readonly kind: SyntaxKind;
  readonly text: string;
}

export interface GreenNode {
  readonly kind: SyntaxKind;
  /** Length of the node's text in UTF-16 units. */
  readonly width: number;
  readonly children: readonly GreenElement[];
}

export type GreenElement = GreenNode | GreenToken;

export function isGreenNode(e: GreenElement): e is GreenNode {
  return (e as GreenNode).children !== undefined;
}

export function greenWidth(e: GreenElement): number {
  return (e as GreenNode).children !== undefined ? (e as GreenNode).width : (e as GreenToken).text.length;
}

export function makeNode(kind: SyntaxKind, children: GreenElement[], knownWidth?: number): GreenNode {
  if (knownWidth !== undefined) return { kind, width: knownWidth, children };
  let width = 0;
  for (const c of children) width += greenWidth(c);
  return { kind, width, children };
}

/**
 * Tokens that recur (keywords, punctuation, common names and indentation) are shared, which
 * keeps a large file's tree small and its construction cheap. The intern table is looked up
 * with the text's position in the source, so a token that is already known costs no string
 * allocation. Bounded, so it cannot grow with the input; and only tokens of up to 12 characters go
 * in, because V8 makes a longer slice a view that keeps its whole source text alive, and the
 * table would then keep an old version of every edited file (22 MB after 400 edits of a 60 KB
 * file, test/unit/syntax/retention.test.ts).
 */
const TABLE_BITS = 14;
const TABLE_SIZE = 1 << TABLE_BITS;
const internTable: (GreenToken | undefined)[] = new Array(TABLE_SIZE);
const MAX_INTERNED_LENGTH = 12;

export function makeToken(kind: SyntaxKind, text: string): GreenToken {
  return internToken(kind, text, 0, text.length);
}

/** The token for `source.slice(start, end)`, shared with every equal token seen before. */
export function internToken(kind: SyntaxKind, source: string, start: number, end: number): GreenToken {
  const len = end - start;
  if (len > MAX_INTERNED_LENGTH) return { kind, text: source.slice(start, end) };
  let h = (kind * 31 + len) | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ source.charCodeAt(i), 0x01000193);
  const slot = (h ^ (h >>> TABLE_BITS)) & (TABLE_SIZE - 1);
  const t = internTable[slot];
  if (t !== undefined && t.kind === kind && t.text.length === len) {
    const text = t.text;
    let same = true;
    for (let i = 0; i < len; i++) {
      if (text.charCodeAt(i) !== source.charCodeAt(start + i)) {
        same = false;
        break;
      }
    }
    if (same) return t;
  }
  // A miss (or a collision) replaces the slot: the table keeps what recurs lately.
  const fresh: GreenToken = { kind, text: source.slice(start, end) };
  internTable[slot] = fresh;
  return fresh;
}

/** Shared tokens for the kinds whose text never varies (keywords and punctuation). */
export const FIXED_TOKENS: (GreenToken | undefined)[] = [];
for (let k = SyntaxKind.EQ; k <= SyntaxKind.UNDERSCORE; k++) {
  const text = fixedText(k);
  if (text !== undefined) FIXED_TOKENS[k] = { kind: k, text };
}

/** The text of a green element (concatenated token texts). */
export function greenText(e: GreenElement): string {
  if (!isGreenNode(e)) return e.text;
  const parts: string[] = [];
  const stack: GreenElement[] = [e];
  while (stack.length) {
    const x = stack.pop()!;
    if (isGreenNode(x)) for (let i = x.children.length - 1; i >= 0; i--) stack.push(x.children[i]);
    else parts.push(x.text);
  }
  return parts.join('');
}
