// Folding ranges: the bodies of interfaces, worlds, nested packages, inline interfaces, records,
// variants, enums, flags and resources, `use` and `include` name lists, parameter and type
// argument lists that span lines, runs of line comments and multi-line block comments (kind
// `comment`), and runs of `use` items (kind `imports`). From the syntax tree alone, walked once
// without building positioned nodes, since editors ask again after every edit.

import {
  GreenNode, SyntaxKind as K, SyntaxTree, greenWidth, isGreenNode, isTrivia, leadingTriviaWidth,
} from '../syntax';

export interface FoldingRange {
  /** Where the fold starts: its first line is the line of this offset. */
  start: number;
  /** Its last folded line is the line of this offset (a closing `}` alone on its line stays visible). */
  end: number;
  kind?: 'comment' | 'imports';
}

/** Nodes that are a bracketed list: their contents fold. */
const BRACKETED = new Set<K>([
  K.ITEM_LIST, K.FIELD_LIST, K.CASE_LIST, K.ENUM_CASE_LIST, K.FLAG_LIST, K.RESOURCE_BODY,
  K.USE_NAME_LIST, K.INCLUDE_NAME_LIST, K.PARAM_LIST, K.TYPE_ARG_LIST,
]);
const OPENERS = new Set<K>([K.L_BRACE, K.L_PAREN, K.L_ANGLE]);
const CLOSERS = new Set<K>([K.R_BRACE, K.R_PAREN, K.R_ANGLE]);
const USE_KINDS = new Set<K>([K.USE, K.TOPLEVEL_USE]);

export function foldingRanges(tree: SyntaxTree): FoldingRange[] {
  const text = tree.text;
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const out: FoldingRange[] = [];
  const add = (start: number, end: number, kind?: FoldingRange['kind']) => {
    if (lineOf(end) > lineOf(start)) out.push(kind ? { start, end, kind } : { start, end });
  };

  /** Where a fold closed by the token at `close` ends: before the line of a closer alone on it. */
  const endBefore = (close: number) => {
    const lineStart = lineStarts[lineOf(close)];
    return lineStart > 0 && /^\s*$/.test(text.slice(lineStart, close)) ? lineStart - 1 : close;
  };
  /** The end of a node without the whitespace it may end with. */
  const trimmedEnd = (start: number, end: number) => {
    while (end > start && /\s/.test(text[end - 1])) end--;
    return end;
  };

  // Line comments alone on consecutive lines make one run.
  let runStart = -1;
  let runEnd = -1;
  let runLine = -1;
  let codeLine = -1;
  const flushRun = () => {
    if (runStart >= 0) add(runStart, runEnd, 'comment');
    runStart = -1;
  };
  const token = (kind: K, start: number, length: number) => {
    if (kind === K.WHITESPACE) return;
    const line = lineOf(start);
    if (kind === K.LINE_COMMENT && line !== codeLine) {
      if (runStart >= 0 && line === runLine + 1) runEnd = start + length;
      else {
        flushRun();
        runStart = start;
        runEnd = start + length;
      }
      runLine = line;
      return;
    }
    flushRun();
    // A block comment folds up to the line of its `*/`.
    if (kind === K.BLOCK_COMMENT) add(start, start + Math.max(0, length - 1), 'comment');
    // What ends on this line keeps a line comment after it out of any run.
    codeLine = lineOf(start + Math.max(0, length - 1));
  };

  const bracketed = (node: GreenNode, start: number) => {
    let open = -1;
    let lastKind: K | undefined;
    let lastStart = -1;
    let o = start;
    for (const c of node.children) {
      if (!isGreenNode(c) && !isTrivia(c.kind)) {
        if (open < 0 && lastKind === undefined) {
          if (!OPENERS.has(c.kind)) return;
          open = o;
        }
        lastKind = c.kind;
        lastStart = o;
      } else if (isGreenNode(c) && open >= 0) {
        lastKind = c.kind;
      }
      o += greenWidth(c);
    }
    if (open < 0) return;
    if (lastKind !== undefined && CLOSERS.has(lastKind) && lastStart > open) add(open, endBefore(lastStart));
    // Unclosed (the file is being typed): fold what is there.
    else add(open, trimmedEnd(open, start + node.width));
  };

  /** Runs of two or more consecutive `use` items among a list's children. */
  const useRuns = (node: GreenNode, start: number) => {
    let first = -1;
    let count = 0;
    let lastEnd = -1;
    const flush = () => {
      if (count > 1) add(first, lastEnd, 'imports');
      count = 0;
    };
    let o = start;
    for (const c of node.children) {
      const w = greenWidth(c);
      if (isGreenNode(c)) {
        if (USE_KINDS.has(c.kind)) {
          if (count++ === 0) first = o + leadingTriviaWidth(c);
          lastEnd = trimmedEnd(o, o + w);
        } else flush();
      }
      o += w;
    }
    flush();
  };

  const walk = (node: GreenNode, start: number) => {
    if (BRACKETED.has(node.kind)) bracketed(node, start);
    if (node.kind === K.SOURCE_FILE || node.kind === K.ITEM_LIST) useRuns(node, start);
    let o = start;
    for (const c of node.children) {
      if (isGreenNode(c)) {
        walk(c, o);
        o += c.width;
      } else {
        token(c.kind, o, c.text.length);
        o += c.text.length;
      }
    }
  };
  walk(tree.green, 0);
  flushRun();
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}
