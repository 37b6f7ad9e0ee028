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

export function makeNode(kind: SyntaxKind, children: GreenElement[]): GreenNode {
  let width = 0;
  for (const c of children) width += greenWidth(c);
  return { kind, width, children };
}

/**
 * Tokens that recur (keywords, punctuation, common names and indentation) are shared, which
 * keeps a large file's tree small and its construction cheap. One cache per kind, bounded so it
 * cannot grow with the input.
 */
const tokenCaches: Map<string, GreenToken>[] = [];
let cachedTokens = 0;

export function makeToken(kind: SyntaxKind, text: string): GreenToken {
  if (text.length > 24) return { kind, text };
  let cache = tokenCaches[kind];
  if (cache === undefined) cache = tokenCaches[kind] = new Map();
  let t = cache.get(text);
  if (t === undefined) {
    if (++cachedTokens > 50_000) {
      for (const c of tokenCaches) c?.clear();
      cachedTokens = 0;
    }
    t = { kind, text };
    cache.set(text, t);
  }
  return t;
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
