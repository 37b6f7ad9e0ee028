// Turns the parser's events and the lexed tokens into a green tree, placing whitespace and
// comments: comments right before an item become part of the item (they are its docs), and any
// other trivia goes to the innermost node that is open when it occurs.

import { GreenElement, GreenNode, makeNode, makeToken } from './green';
import type { LexedText } from './lexer';
import { EV_FINISH, EV_TOKEN, EV_TOMBSTONE } from './parser';
import { SyntaxKind, isTrivia } from './syntaxKind';

/** Nodes that take the comments before them as their own (wit-parser reads those as docs). */
const DOC_OWNERS = new Set<SyntaxKind>([
  SyntaxKind.PACKAGE_DECL, SyntaxKind.NESTED_PACKAGE, SyntaxKind.TOPLEVEL_USE,
  SyntaxKind.INTERFACE, SyntaxKind.WORLD, SyntaxKind.USE, SyntaxKind.TYPE_ALIAS,
  SyntaxKind.RECORD, SyntaxKind.VARIANT, SyntaxKind.ENUM, SyntaxKind.FLAGS, SyntaxKind.RESOURCE,
  SyntaxKind.CONSTRUCTOR, SyntaxKind.METHOD, SyntaxKind.STATIC_METHOD, SyntaxKind.FUNC,
  SyntaxKind.IMPORT, SyntaxKind.EXPORT, SyntaxKind.INCLUDE, SyntaxKind.FIELD,
  SyntaxKind.VARIANT_CASE, SyntaxKind.ENUM_CASE, SyntaxKind.FLAG, SyntaxKind.ERROR,
]);

export function buildTree(text: string, lexed: LexedText, events: number[], rootKind: SyntaxKind): GreenNode {
  const { kinds, starts } = lexed;
  const stack: { kind: SyntaxKind; children: GreenElement[] }[] = [{ kind: rootKind, children: [] }];
  let raw = 0; // next lexed token to place

  const tokenAt = (i: number) => makeToken(kinds[i], text.slice(starts[i], starts[i + 1]));
  const top = () => stack[stack.length - 1].children;

  /** Moves the trivia before the next significant token into `into`. */
  const flushTrivia = (into: GreenElement[]) => {
    while (raw < kinds.length && isTrivia(kinds[raw])) into.push(tokenAt(raw++));
  };

  for (let e = 0; e < events.length; e++) {
    const ev = events[e];
    if (ev === EV_TOMBSTONE) continue;
    if (ev === EV_TOKEN) {
      flushTrivia(top());
      top().push(tokenAt(raw++));
      continue;
    }
    if (ev === EV_FINISH) {
      const done = stack.pop()!;
      top().push(makeNode(done.kind, done.children));
      continue;
    }
    // A node opens. Trivia up to the first comment stays outside; a doc owner takes the rest.
    const kind = ev as SyntaxKind;
    const children: GreenElement[] = [];
    if (DOC_OWNERS.has(kind)) {
      let firstComment = raw;
      while (firstComment < kinds.length && kinds[firstComment] === SyntaxKind.WHITESPACE) firstComment++;
      while (raw < firstComment) top().push(tokenAt(raw++));
      flushTrivia(children);
    } else {
      flushTrivia(top());
    }
    stack.push({ kind, children });
  }
  // Whatever is left (trailing trivia, tokens the grammar never consumed) goes to the root.
  while (stack.length > 1) {
    const done = stack.pop()!;
    top().push(makeNode(done.kind, done.children));
  }
  while (raw < kinds.length) top().push(tokenAt(raw++));
  return makeNode(rootKind, stack[0].children);
}
