// The immutable "green" tree: nodes know their kind, children and text length but not their
// position, so an unchanged subtree can be shared between the old and the new tree after an edit.

import { INTERN_TABLE_SIZE, MAX_INTERNED_LENGTH, equalsSlice, internSlot } from '../base/intern';
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
 * keeps a large file's tree small and its construction cheap (see base/intern.ts for the table's
 * hash, bound and length limit).
 */
const internTable: (GreenToken | undefined)[] = new Array(INTERN_TABLE_SIZE);

export function makeToken(kind: SyntaxKind, text: string): GreenToken {
  return internToken(kind, text, 0, text.length);
}

/** The token for `source.slice(start, end)`, shared with every equal token seen before. */
export function internToken(kind: SyntaxKind, source: string, start: number, end: number): GreenToken {
  const len = end - start;
  if (len > MAX_INTERNED_LENGTH) return { kind, text: source.slice(start, end) };
  const slot = internSlot(source, start, end, (kind * 31 + len) | 0);
  const t = internTable[slot];
  if (t !== undefined && t.kind === kind && equalsSlice(t.text, source, start, end)) return t;
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
