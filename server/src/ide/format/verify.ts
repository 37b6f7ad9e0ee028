// The formatter's safety net: edits are only handed out when the edited text parses without
// errors and keeps the same significant tokens (kind and text, in order) and the same comments;
// the only tolerated token difference is a trailing comma before `}`, `)` or `>`, which the
// grammar accepts with or without.

import type { GreenNode, GreenToken, SyntaxTree, TextEdit } from '../../syntax';
import { SyntaxKind as K, isGreenNode, parse, syntaxErrors } from '../../syntax';

/** The text after applying non-overlapping edits (given in any order). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    parts.push(text.slice(at, e.start), e.newText);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** The edits if applying them to `tree` is safe, otherwise undefined. */
export function checkedEdits(tree: SyntaxTree, edits: TextEdit[]): TextEdit[] | undefined {
  if (edits.length === 0) return edits;
  if (!editsAreOrdered(edits, tree.text.length)) return undefined;
  return sameMeaning(tree, parse(applyEdits(tree.text, edits))) ? edits : undefined;
}

/** The new tree has no syntax errors and the same tokens and comments as the old one. */
export function sameMeaning(before: SyntaxTree, after: SyntaxTree): boolean {
  if (syntaxErrors(after).length > 0) return false;
  const a = nonWhitespaceTokens(before.green);
  const b = nonWhitespaceTokens(after.green);
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && sameToken(a[i], b[j])) {
      i++;
      j++;
    } else if (i < a.length && isTrailingComma(a, i)) {
      i++;
    } else if (j < b.length && isTrailingComma(b, j)) {
      j++;
    } else {
      return false;
    }
  }
  return true;
}

/** Same kind and text; line comments may differ in trailing spaces (docs ignore those). */
function sameToken(a: GreenToken, b: GreenToken): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  if (a.text === b.text) return true;
  return a.kind === K.LINE_COMMENT && trimEnd(a.text) === trimEnd(b.text);
}

function trimEnd(s: string): string {
  return s.replace(/[ \t]+$/, '');
}

function nonWhitespaceTokens(root: GreenNode): GreenToken[] {
  const out: GreenToken[] = [];
  const visit = (node: GreenNode): void => {
    for (const c of node.children) {
      if (isGreenNode(c)) visit(c);
      else if (c.kind !== K.WHITESPACE) out.push(c);
    }
  };
  visit(root);
  return out;
}

function isTrailingComma(toks: GreenToken[], i: number): boolean {
  if (toks[i].kind !== K.COMMA) return false;
  for (let j = i + 1; j < toks.length; j++) {
    const k = toks[j].kind;
    if (k === K.LINE_COMMENT || k === K.BLOCK_COMMENT) continue;
    return k === K.R_BRACE || k === K.R_PAREN || k === K.R_ANGLE;
  }
  return false;
}

function editsAreOrdered(edits: readonly TextEdit[], length: number): boolean {
  let at = 0;
  for (const e of edits) {
    if (e.start < at || e.end < e.start || e.end > length) return false;
    at = e.end;
  }
  return true;
}
