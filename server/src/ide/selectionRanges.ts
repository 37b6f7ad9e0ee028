// Smart selection: from the token under the cursor outward along the syntax tree — the name, the
// member (a field, a parameter, a function), the item, the contents of the enclosing body, the
// body with its brackets, the item that owns it, up to the nested package and the whole file.
// Each step strictly contains the previous one.

import type { Range } from '../semantics/hir';
import { SyntaxKind as K, SyntaxNode, SyntaxToken, SyntaxTree, isTrivia, rootNode } from '../syntax';

const OPENERS = new Set<K>([K.L_BRACE, K.L_PAREN, K.L_ANGLE]);
const CLOSERS = new Set<K>([K.R_BRACE, K.R_PAREN, K.R_ANGLE]);
/** Tokens a cursor right after them still belongs to (a cursor at the end of a word). */
const WORDS = new Set<K>([K.IDENT, K.EXPLICIT_IDENT, K.INTEGER, K.STRING]);

/** For each offset, the ranges to select, innermost first, the whole file last. */
export function selectionRanges(tree: SyntaxTree, offsets: number[]): Range[][] {
  const root = rootNode(tree);
  return offsets.map((o) => expand(root, Math.max(0, Math.min(o, tree.text.length))));
}

function expand(root: SyntaxNode, offset: number): Range[] {
  const out: Range[] = [];
  const add = (r: Range | undefined) => {
    if (!r || r.end < r.start) return;
    const last = out[out.length - 1];
    if (last && (r.start === last.start && r.end === last.end)) return;
    // Only ranges that hold the previous one: a body's contents do not hold its own bracket.
    if (last && !(r.start <= last.start && last.end <= r.end)) return;
    out.push(r);
  };

  const token = tokenAt(root, offset);
  let node: SyntaxNode | undefined;
  if (token && token.kind !== K.WHITESPACE) {
    add({ start: token.start, end: token.end });
    node = token.parent;
  } else {
    node = root.coveringNode(offset, offset);
  }
  for (; node; node = node.parent) {
    if (node.kind === K.SOURCE_FILE) break;
    const toks = node.significantTokens();
    const open = toks[0];
    const close = toks[toks.length - 1];
    if (open && OPENERS.has(open.kind) && close && close !== open && CLOSERS.has(close.kind)) add(between(open, close));
    add(significantRange(node));
    add(withComments(node));
  }
  add({ start: 0, end: root.end });
  return out;
}

/** The token at the cursor; at the end of a word, the word rather than what follows it. */
function tokenAt(root: SyntaxNode, offset: number): SyntaxToken | undefined {
  const right = root.tokenAt(offset);
  if (right && right.start === offset) {
    const left = root.tokenAt(offset, true);
    if (left && left !== right && left.end === offset && WORDS.has(left.kind) && !WORDS.has(right.kind)) return left;
  }
  return right;
}

/** Between two brackets, without the whitespace next to them (empty brackets: nothing). */
function between(open: SyntaxToken, close: SyntaxToken): Range | undefined {
  let first = open.nextToken();
  while (first && first !== close && first.kind === K.WHITESPACE) first = first.nextToken();
  if (!first || first === close) return undefined;
  let last = close.prevToken();
  while (last && last.kind === K.WHITESPACE) last = last.prevToken();
  return last && last.end > first.start ? { start: first.start, end: last.end } : undefined;
}

/** The node from its first to its last token that is not whitespace or a comment. */
function significantRange(node: SyntaxNode): Range | undefined {
  const first = node.firstSignificantToken();
  const last = node.lastSignificantToken();
  return first && last ? { start: first.start, end: last.end } : undefined;
}

/** The node with its leading doc comments (but not the whitespace before them). */
function withComments(node: SyntaxNode): Range | undefined {
  const last = node.lastSignificantToken();
  if (!last) return undefined;
  for (const t of node.tokens()) {
    if (t.kind === K.WHITESPACE) continue;
    return isTrivia(t.kind) || t.start <= last.start ? { start: t.start, end: last.end } : undefined;
  }
  return undefined;
}
