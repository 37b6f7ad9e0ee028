// Helpers for the formatter tests: a meaning check written independently of the formatter's own
// guard (it compares whole trees, not token lists), and edit application.

import type { TextEdit } from '../../../../server/src/ide/formatting';
import { GreenNode, GreenToken, SyntaxKind as K, isGreenNode, kindName, parse, syntaxErrors } from '../../../../server/src/syntax';

/**
 * Problems that make `after` mean something else than `before`: syntax errors, or a tree that
 * differs in anything but whitespace, trailing spaces of line comments, and trailing commas
 * before `}` `)` `>`. Empty when the meaning is the same.
 */
export function sameTokensAndComments(before: string, after: string): string[] {
  const newTree = parse(after);
  const errors = syntaxErrors(newTree).map((e) => `syntax error after formatting at ${e.start}: ${e.message}`);
  if (errors.length) return errors;
  const a = treeShape(parse(before).green);
  const b = treeShape(newTree.green);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return [`trees differ at line ${i + 1} of their outlines: ${a[i] ?? '(end)'} became ${b[i] ?? '(end)'}`];
  }
  return [];
}

/** An outline of the tree: one line per node and non-whitespace token, with its depth. */
function treeShape(root: GreenNode): string[] {
  const tokens: GreenToken[] = [];
  const collect = (n: GreenNode) => {
    for (const c of n.children) {
      if (isGreenNode(c)) collect(c);
      else if (c.kind !== K.WHITESPACE) tokens.push(c);
    }
  };
  collect(root);
  // Green tokens are shared between trees, so trailing commas are known by position.
  const trailing = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind !== K.COMMA) continue;
    let j = i + 1;
    while (j < tokens.length && (tokens[j].kind === K.LINE_COMMENT || tokens[j].kind === K.BLOCK_COMMENT)) j++;
    const k = tokens[j]?.kind;
    if (k === K.R_BRACE || k === K.R_PAREN || k === K.R_ANGLE) trailing.add(i);
  }
  const lines: string[] = [];
  let index = 0;
  const walk = (n: GreenNode, depth: number) => {
    lines.push(`${' '.repeat(depth)}${kindName(n.kind)}`);
    for (const c of n.children) {
      if (isGreenNode(c)) walk(c, depth + 1);
      else if (c.kind !== K.WHITESPACE && !trailing.has(index++)) {
        const text = c.kind === K.LINE_COMMENT ? c.text.replace(/[ \t]+$/, '') : c.text;
        lines.push(`${' '.repeat(depth + 1)}${kindName(c.kind)} ${JSON.stringify(text)}`);
      }
    }
  };
  walk(root, 0);
  return lines;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((x, y) => y.start - x.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
