// Walks a syntax tree once and decides, for the gap before every significant token, what the
// canonical style wants there (nothing, a space, or a line break with its indentation and
// blank-line policy), and where trailing commas are added or dropped. render.ts turns this plan
// into text edits; the style decisions themselves are listed in ../formatting.ts.

import type { GreenNode } from '../../syntax';
import { SyntaxKind as K, isGreenNode } from '../../syntax';

/** What goes in the gap before a significant token when no comment is in it. */
export const NONE = 0;
export const SPACE = 1;
export const NEWLINE = 2;

/** Blank-line policy of a line break. */
export const FORBID = 0;
export const PRESERVE = 1;
export const ENFORCE = 2;

/** The layout of a file, as parallel arrays (a 10,000-line file has some 30,000 tokens). */
export interface Plan {
  readonly text: string;
  /** Every non-whitespace token (significant tokens and comments) in document order. */
  readonly elKind: K[];
  readonly elStart: number[];
  /** End offset; for line comments, before their trailing spaces (which the formatter drops). */
  readonly elEnd: number[];
  /** The significant-token index of an element, or -1 for a comment. */
  readonly elSig: number[];

  /** Per significant token (by its index among significant tokens): */
  readonly sigKind: K[];
  readonly parentKind: K[];
  /** Indentation level of the line the token starts, when it starts one. */
  readonly depth: number[];
  /** The token closes an indented body or list: comments before it sit one level deeper. */
  readonly closer: Uint8Array;
  /** NONE, SPACE or NEWLINE: the gap before the token. */
  readonly space: Uint8Array;
  /** Blank-line policy for the first line break of the gap before the token... */
  readonly blankFirst: Uint8Array;
  /** ...and for the line break right before the token. */
  readonly blankLast: Uint8Array;
  /** A comma is inserted right after the token (a multi-line list without a trailing comma). */
  readonly commaAfter: Uint8Array;
  /** The token is a trailing comma that a one-line list drops. */
  readonly drop: Uint8Array;
}

// Container roles.
const C_NONE = 0;
/** Items, one per line: the file, interface/world/package bodies and resource bodies. */
const C_ITEMS = 1;
/** A comma-separated list laid out one element per line, with a trailing comma. */
const C_MULTI = 2;
/** A comma-separated list on one line, without a trailing comma. */
const C_SINGLE = 3;

const MEMBER_LISTS = new Set<K>([K.FIELD_LIST, K.CASE_LIST, K.ENUM_CASE_LIST, K.FLAG_LIST]);
/** Lists that stay on one line unless the user broke them over lines. */
const SPLITTABLE_LISTS = new Set<K>([K.PARAM_LIST, K.USE_NAME_LIST, K.INCLUDE_NAME_LIST]);

export function planLayout(root: GreenNode, text: string): Plan {
  const elKind: K[] = [];
  const elStart: number[] = [];
  const elEnd: number[] = [];
  const elSig: number[] = [];
  const sigKind: K[] = [];
  const parentKind: K[] = [];
  const depthOf: number[] = [];
  // Indexed by significant token; sized by the text (every token has at least one character).
  const cap = text.length + 1;
  const closer = new Uint8Array(cap);
  const opener = new Uint8Array(cap);
  const emptyBody = new Uint8Array(cap);
  const itemStart = new Uint8Array(cap);
  const itemBlank = new Uint8Array(cap);
  const commaAfter = new Uint8Array(cap);
  const drop = new Uint8Array(cap);
  let pos = 0;
  let comments = 0;

  const walk = (node: GreenNode, ownerKind: K, depth: number): void => {
    const role = containerRole(node);
    const indented = role === C_MULTI || (role === C_ITEMS && node.kind !== K.SOURCE_FILE);
    const inner = indented ? depth + 1 : depth;
    let open = -1;
    let commentsAtOpen = 0;
    let lastDirect = -1;
    let elements = 0;
    let prevItem: GreenNode | undefined;
    for (const child of node.children) {
      if (isGreenNode(child)) {
        const first = sigKind.length;
        walk(child, node.kind, inner);
        elements++;
        if ((role === C_ITEMS || role === C_MULTI) && sigKind.length > first) {
          itemStart[first] = 1;
          itemBlank[first] = itemBlankPolicy(node, ownerKind, prevItem, child);
          prevItem = child;
        }
        continue;
      }
      const kind = child.kind;
      const len = child.text.length;
      if (kind === K.WHITESPACE) {
        pos += len;
        continue;
      }
      if (kind === K.LINE_COMMENT || kind === K.BLOCK_COMMENT) {
        elKind.push(kind);
        elStart.push(pos);
        elEnd.push(kind === K.LINE_COMMENT ? pos + trimmedLength(child.text) : pos + len);
        elSig.push(-1);
        comments++;
        pos += len;
        continue;
      }
      const i = sigKind.length;
      elKind.push(kind);
      elStart.push(pos);
      elEnd.push(pos + len);
      elSig.push(i);
      sigKind.push(kind);
      parentKind.push(node.kind);
      pos += len;
      if (indented && open < 0 && (kind === K.L_BRACE || kind === K.L_PAREN)) {
        open = i;
        commentsAtOpen = comments;
        opener[i] = 1;
        depthOf.push(depth);
      } else if (indented && open >= 0 && (kind === K.R_BRACE || kind === K.R_PAREN)) {
        closer[i] = 1;
        depthOf.push(depth);
        if (open === i - 1) {
          if (comments === commentsAtOpen) emptyBody[i] = 1;
        } else if (role === C_MULTI && elements > 0 && !(lastDirect === i - 1 && sigKind[i - 1] === K.COMMA)) {
          commaAfter[i - 1] = 1;
        }
      } else {
        if (role === C_SINGLE && elements > 0 && lastDirect === i - 1 && sigKind[i - 1] === K.COMMA &&
          (kind === K.R_BRACE || kind === K.R_PAREN || kind === K.R_ANGLE)) {
          drop[i - 1] = 1;
        }
        depthOf.push(inner);
      }
      lastDirect = i;
    }
  };
  walk(root, K.SOURCE_FILE, 0);

  const n = sigKind.length;
  const space = new Uint8Array(n);
  const blankFirst = new Uint8Array(n);
  const blankLast = new Uint8Array(n);
  const closerOut = closer.slice(0, n);
  for (let i = 0; i < n; i++) {
    blankLast[i] = PRESERVE;
    if (i === 0) {
      // The first token starts the file; comments before it keep their blank lines.
      space[i] = NEWLINE;
      blankFirst[i] = PRESERVE;
    } else if (closer[i]) {
      if (emptyBody[i]) {
        space[i] = NONE;
      } else {
        space[i] = NEWLINE;
        blankFirst[i] = opener[i - 1] ? FORBID : PRESERVE;
        blankLast[i] = FORBID;
      }
    } else if (opener[i - 1]) {
      space[i] = NEWLINE;
      blankFirst[i] = FORBID;
    } else if (itemStart[i]) {
      space[i] = NEWLINE;
      blankFirst[i] = itemBlank[i];
    } else if (sigKind[i - 1] === K.R_PAREN && parentKind[i - 1] === K.ATTRIBUTE) {
      space[i] = NEWLINE;
      blankFirst[i] = FORBID;
      blankLast[i] = FORBID;
    } else {
      space[i] = spaceBetween(sigKind[i - 1], parentKind[i - 1], sigKind[i], parentKind[i]);
    }
  }
  return {
    text, elKind, elStart, elEnd, elSig, sigKind, parentKind, depth: depthOf, closer: closerOut, space,
    blankFirst, blankLast, commaAfter: commaAfter.slice(0, n), drop: drop.slice(0, n),
  };
}

function containerRole(node: GreenNode): number {
  const k = node.kind;
  if (k === K.SOURCE_FILE || k === K.ITEM_LIST || k === K.RESOURCE_BODY) return C_ITEMS;
  if (MEMBER_LISTS.has(k)) return C_MULTI;
  if (SPLITTABLE_LISTS.has(k)) return userSplit(node) ? C_MULTI : C_SINGLE;
  if (k === K.TUPLE_TYPE) return C_SINGLE;
  return C_NONE;
}

/**
 * Blank lines between two items of a body: the file and nested packages always separate their
 * items by one (except runs of top-level `use`); interfaces and worlds do so around multi-line
 * type definitions and functions; elsewhere the user's blank lines are kept (at most one).
 */
function itemBlankPolicy(container: GreenNode, ownerKind: K, prev: GreenNode | undefined, cur: GreenNode): number {
  if (!prev) return PRESERVE;
  if (container.kind === K.SOURCE_FILE || (container.kind === K.ITEM_LIST && ownerKind === K.NESTED_PACKAGE)) {
    return prev.kind === K.TOPLEVEL_USE && cur.kind === K.TOPLEVEL_USE ? PRESERVE : ENFORCE;
  }
  if (container.kind === K.ITEM_LIST && (isMultilineItem(prev) || isMultilineItem(cur))) return ENFORCE;
  return PRESERVE;
}

/** Items that the formatter lays out over several lines (comments aside). */
export function isMultilineItem(node: GreenNode): boolean {
  switch (node.kind) {
    case K.RECORD:
    case K.VARIANT:
    case K.ENUM:
    case K.FLAGS:
    case K.RESOURCE:
      for (const c of node.children) {
        if (isGreenNode(c) && (MEMBER_LISTS.has(c.kind) || c.kind === K.RESOURCE_BODY)) return hasContent(c);
      }
      return false;
    case K.FUNC:
      for (const c of node.children) {
        if (isGreenNode(c) && c.kind === K.FUNC_TYPE) {
          for (const d of c.children) if (isGreenNode(d) && d.kind === K.PARAM_LIST) return userSplit(d);
        }
      }
      return false;
    default:
      return false;
  }
}

/** A list the user broke over lines: it has content and a line break somewhere inside. */
function userSplit(list: GreenNode): boolean {
  return hasContent(list) && hasLineBreak(list);
}

/** Anything besides whitespace between the delimiters. */
function hasContent(list: GreenNode): boolean {
  const kids = list.children;
  for (let i = 1; i < kids.length - 1; i++) {
    if (kids[i].kind !== K.WHITESPACE) return true;
  }
  return false;
}

function hasLineBreak(node: GreenNode): boolean {
  for (const c of node.children) {
    if (isGreenNode(c)) {
      if (hasLineBreak(c)) return true;
    } else if ((c.kind === K.WHITESPACE && c.text.includes('\n')) || c.kind === K.LINE_COMMENT) {
      return true;
    }
  }
  return false;
}

/** Length of a line comment without its trailing spaces and tabs. */
function trimmedLength(s: string): number {
  let n = s.length;
  while (n > 0) {
    const c = s.charCodeAt(n - 1);
    if (c !== 0x20 && c !== 0x09) break;
    n--;
  }
  return n;
}

/**
 * The space between two significant tokens on one line: none inside names, paths, versions and
 * type arguments and before `,` `;` `:` `)` `>`, one elsewhere (around `=` and `->`, after `,`
 * and `:`).
 */
function spaceBetween(prev: K, prevParent: K, cur: K, curParent: K): number {
  if (curParent === K.VERSION && prevParent === K.VERSION) return NONE;
  switch (cur) {
    case K.COMMA:
    case K.SEMICOLON:
    case K.R_PAREN:
    case K.R_ANGLE:
    case K.COLON:
    case K.PERIOD:
    case K.L_ANGLE:
    case K.L_PAREN:
    case K.SLASH:
      return NONE;
    case K.AT:
      return curParent === K.PACKAGE_NAME || curParent === K.USE_PATH ? NONE : SPACE;
    case K.R_BRACE:
      // Only one-line lists get here: `use a.{b}`, `include w with { a as b }`.
      return curParent === K.INCLUDE_NAME_LIST && prev !== K.L_BRACE ? SPACE : NONE;
  }
  switch (prev) {
    case K.L_PAREN:
    case K.L_ANGLE:
    case K.AT:
    case K.PERIOD:
    case K.SLASH:
      return NONE;
    case K.COLON:
      return prevParent === K.PACKAGE_NAME ? NONE : SPACE;
    case K.L_BRACE:
      return prevParent === K.INCLUDE_NAME_LIST ? SPACE : NONE;
  }
  return SPACE;
}
