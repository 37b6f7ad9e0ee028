// Turns the parser's events and the lexed tokens into a green tree, placing whitespace and
// comments: comments right before an item become part of the item (they are its docs), and any
// other trivia goes to the innermost node that is open when it occurs.

import { FIXED_TOKENS, GreenElement, GreenNode, internToken, makeNode } from './green';
import type { LexedText } from './lexer';
import { EV_FINISH, EV_TOKEN, EV_TOMBSTONE } from './parser';
import { SyntaxKind } from './syntaxKind';

/** Nodes that take the comments before them as their own (wit-parser reads those as docs). */
const DOC_OWNERS: boolean[] = [];
for (const k of [
  SyntaxKind.PACKAGE_DECL, SyntaxKind.NESTED_PACKAGE, SyntaxKind.TOPLEVEL_USE,
  SyntaxKind.INTERFACE, SyntaxKind.WORLD, SyntaxKind.USE, SyntaxKind.TYPE_ALIAS,
  SyntaxKind.RECORD, SyntaxKind.VARIANT, SyntaxKind.ENUM, SyntaxKind.FLAGS, SyntaxKind.RESOURCE,
  SyntaxKind.CONSTRUCTOR, SyntaxKind.METHOD, SyntaxKind.STATIC_METHOD, SyntaxKind.FUNC,
  SyntaxKind.IMPORT, SyntaxKind.EXPORT, SyntaxKind.INCLUDE, SyntaxKind.FIELD,
  SyntaxKind.VARIANT_CASE, SyntaxKind.ENUM_CASE, SyntaxKind.FLAG, SyntaxKind.ERROR,
]) DOC_OWNERS[k] = true;

const LAST_TRIVIA = SyntaxKind.BLOCK_COMMENT;

export function buildTree(text: string, lexed: LexedText, events: Int32Array, eventCount: number, rootKind: SyntaxKind): GreenNode {
  const { kinds, starts } = lexed;
  const n = lexed.count;
  const tok = (i: number) => FIXED_TOKENS[kinds[i]] ?? internToken(kinds[i], text, starts[i], starts[i + 1]);
  const kindStack: SyntaxKind[] = [rootKind];
  const childStack: GreenElement[][] = [[]];
  /** Where each open node starts: its width is known at its end without summing its children. */
  const startStack: number[] = [starts[0] ?? 0];
  let children = childStack[0];
  let raw = 0; // next lexed token to place

  for (let e = 0; e < eventCount; e++) {
    const ev = events[e];
    if (ev === EV_TOKEN) {
      while (raw < n && kinds[raw] <= LAST_TRIVIA) {
        children.push(tok(raw));
        raw++;
      }
      children.push(tok(raw));
      raw++;
    } else if (ev === EV_FINISH) {
      const node = makeNode(kindStack.pop()!, childStack.pop()!, starts[raw] - startStack.pop()!);
      children = childStack[childStack.length - 1];
      children.push(node);
    } else if (ev !== EV_TOMBSTONE) {
      // A node opens. Trivia up to the first comment stays outside; a doc owner takes the rest.
      const kind = ev as SyntaxKind;
      const own: GreenElement[] = [];
      if (DOC_OWNERS[kind]) {
        while (raw < n && kinds[raw] === SyntaxKind.WHITESPACE) {
          children.push(internToken(SyntaxKind.WHITESPACE, text, starts[raw], starts[raw + 1]));
          raw++;
        }
        while (raw < n && kinds[raw] <= LAST_TRIVIA) {
          own.push(tok(raw));
          raw++;
        }
      } else {
        while (raw < n && kinds[raw] <= LAST_TRIVIA) {
          children.push(tok(raw));
          raw++;
        }
      }
      kindStack.push(kind);
      childStack.push(own);
      // The node starts at its own first token: taken comments, or the next token.
      startStack.push(own.length ? starts[raw] - own.reduce((w, t) => w + (t as { text: string }).text.length, 0) : starts[raw]);
      children = own;
    }
  }
  // Whatever is left (trailing trivia, tokens the grammar never consumed) goes to the root.
  while (childStack.length > 1) {
    startStack.pop();
    const node = makeNode(kindStack.pop()!, childStack.pop()!);
    children = childStack[childStack.length - 1];
    children.push(node);
  }
  while (raw < n) {
    children.push(tok(raw));
    raw++;
  }
  return makeNode(rootKind, childStack[0]);
}
