// What surrounds a cursor in a syntax tree that is usually broken while typing: the word being
// typed, the significant token before it, the innermost bracket that is still open around it
// and the tokens of the element (item, field, argument) written so far. Completion and
// signature help read the cursor's situation from these, token by token, because the tree's
// node structure around an unfinished construct depends on how error recovery went.

import { SyntaxKind as K, SyntaxNode, SyntaxToken, isKeyword, isTrivia } from '../syntax';

export interface Word {
  start: number;
  /** End of the word, which may extend past the cursor. */
  end: number;
  /** What is typed of it: text[start, cursor). */
  text: string;
}

export interface Cursor {
  root: SyntaxNode;
  offset: number;
  word: Word;
  /** The last significant token before the word (undefined at the start of the file). */
  prev: SyntaxToken | undefined;
  /** True inside a comment or a string literal, where nothing is completed. */
  inTrivia: boolean;
}

const isWordKind = (k: K) => k === K.IDENT || k === K.EXPLICIT_IDENT || k === K.INTEGER || (isKeyword(k) && k !== K.UNDERSCORE);

export function cursorAt(root: SyntaxNode, offset: number): Cursor {
  offset = Math.max(0, Math.min(offset, root.end));
  const text = root.source;
  const at = root.tokenAt(offset, true);
  let word: Word = { start: offset, end: offset, text: '' };
  let before: SyntaxToken | undefined;
  let inTrivia = false;
  if (at && at.start < offset) {
    if (at.kind === K.LINE_COMMENT) inTrivia = true;
    else if (at.kind === K.BLOCK_COMMENT || at.kind === K.STRING) {
      const closer = at.kind === K.STRING ? '"' : '*/';
      inTrivia = offset < at.end || at.text.length < 2 || !at.text.endsWith(closer);
    }
    if (isWordKind(at.kind)) {
      word = { start: at.start, end: at.end, text: text.slice(at.start, offset) };
      before = at.prevToken();
    } else before = at;
  }
  if (word.text === '') {
    // A word right after the cursor is replaced by a completion in "replace" mode.
    const next = at && at.end === offset ? at.nextToken() : at && at.start === offset ? at : undefined;
    if (next && next.start === offset && isWordKind(next.kind)) word = { ...word, end: next.end };
  }
  let prev = before;
  while (prev && isTrivia(prev.kind)) prev = prev.prevToken();
  return { root, offset, word, prev, inTrivia };
}

/** Nodes that hold a bracketed list, with their opening and closing token kinds. */
const BRACKETS = new Map<K, [K, K]>([
  [K.ITEM_LIST, [K.L_BRACE, K.R_BRACE]],
  [K.RESOURCE_BODY, [K.L_BRACE, K.R_BRACE]],
  [K.FIELD_LIST, [K.L_BRACE, K.R_BRACE]],
  [K.CASE_LIST, [K.L_BRACE, K.R_BRACE]],
  [K.ENUM_CASE_LIST, [K.L_BRACE, K.R_BRACE]],
  [K.FLAG_LIST, [K.L_BRACE, K.R_BRACE]],
  [K.USE_NAME_LIST, [K.L_BRACE, K.R_BRACE]],
  [K.INCLUDE_NAME_LIST, [K.L_BRACE, K.R_BRACE]],
  [K.PARAM_LIST, [K.L_PAREN, K.R_PAREN]],
  [K.ATTRIBUTE, [K.L_PAREN, K.R_PAREN]],
  [K.VARIANT_CASE, [K.L_PAREN, K.R_PAREN]],
  [K.LIST_TYPE, [K.L_ANGLE, K.R_ANGLE]],
  [K.MAP_TYPE, [K.L_ANGLE, K.R_ANGLE]],
  [K.OPTION_TYPE, [K.L_ANGLE, K.R_ANGLE]],
  [K.RESULT_TYPE, [K.L_ANGLE, K.R_ANGLE]],
  [K.TUPLE_TYPE, [K.L_ANGLE, K.R_ANGLE]],
  [K.FUTURE_TYPE, [K.L_ANGLE, K.R_ANGLE]],
  [K.STREAM_TYPE, [K.L_ANGLE, K.R_ANGLE]],
  [K.HANDLE_TYPE, [K.L_ANGLE, K.R_ANGLE]],
]);

/** Containers whose elements are items (separated by their own `;` or `}`), not commas. */
export const ITEM_CONTAINERS = new Set<K>([K.SOURCE_FILE, K.ITEM_LIST, K.RESOURCE_BODY]);

/** A bracketed node's opening token, and its closing one when written. */
export function brackets(n: SyntaxNode): { open?: SyntaxToken; close?: SyntaxToken } {
  const kinds = BRACKETS.get(n.kind);
  if (!kinds) return {};
  let open: SyntaxToken | undefined;
  let close: SyntaxToken | undefined;
  for (const c of n.children()) {
    if (c.isNode()) continue;
    if (!open && c.kind === kinds[0]) open = c;
    else if (open && c.kind === kinds[1]) close = c;
  }
  return { open, close };
}

function isOpenAt(n: SyntaxNode, offset: number): boolean {
  const { open, close } = brackets(n);
  return !!open && open.end <= offset && (!close || close.start >= offset);
}

/**
 * The innermost bracketed node that is open at the cursor: its opener is before the cursor and
 * its closer, if any, after. A node whose closer is missing counts as open, which is what an
 * unfinished `list<u32, ` or `record r {` looks like. The file itself when nothing is open.
 */
export function openContainer(c: Cursor): SyntaxNode {
  for (let n = c.prev?.parent; n; n = n.parent) {
    if (BRACKETS.has(n.kind) && isOpenAt(n, c.offset)) return n;
  }
  return c.root;
}

/**
 * The significant tokens of the element being written in `container`, from its start to the
 * token before the word. In a list, the element starts after the opener or the last comma; in
 * an item container, at the item (after its attributes), and a finished item (its `;` or
 * closing `}` is the token before the cursor) leaves an empty element: a new item starts.
 */
export function elementTokens(container: SyntaxNode, prev: SyntaxToken | undefined): SyntaxToken[] {
  if (!prev) return [];
  let from: number;
  if (ITEM_CONTAINERS.has(container.kind)) {
    let item: SyntaxNode | SyntaxToken = prev;
    while (item.parent && item.parent !== container) item = item.parent;
    if (item.parent !== container || !item.isNode()) return [];
    const last = item.lastSignificantToken();
    const finished = prev.kind === K.SEMICOLON || (prev.kind === K.R_BRACE && item.kind !== K.USE);
    if (last && last.start === prev.start && finished) return [];
    from = item.start;
    for (const ch of item.children()) if (ch.isNode() && ch.kind === K.ATTRIBUTE && ch.end <= prev.end) from = ch.end;
  } else {
    from = container.start;
  }
  const out: SyntaxToken[] = [];
  for (let t: SyntaxToken | undefined = prev; t && t.start >= from; t = t.prevToken()) {
    if (isTrivia(t.kind)) continue;
    if (!ITEM_CONTAINERS.has(container.kind) && t.parent === container && (t.kind === K.COMMA || BRACKETS.get(container.kind)?.[0] === t.kind)) break;
    out.push(t);
  }
  return out.reverse();
}

/** How many commas of `container` itself come before the cursor: the index of the argument being written. */
export function argumentIndex(container: SyntaxNode, offset: number): number {
  let n = 0;
  for (const c of container.children()) if (!c.isNode() && c.kind === K.COMMA && c.end <= offset) n++;
  return n;
}

/** A declared or referenced name's text inside a NAME / NAME_REF child, without `%`. */
export function nameText(n: SyntaxNode | undefined, kind: K = K.NAME): string | undefined {
  const t = n?.firstChild(kind)?.firstSignificantToken();
  if (!t) return undefined;
  return t.text.startsWith('%') ? t.text.slice(1) : t.text;
}

/** A node's text without comments and whitespace (`wasi : io` reads `wasi:io`). */
export function compactText(n: SyntaxNode): string {
  let s = '';
  for (const t of n.tokens()) if (!isTrivia(t.kind)) s += t.text;
  return s;
}
