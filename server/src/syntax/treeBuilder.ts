// Turns the parser's events and the lexed tokens into a tree, placing whitespace and comments:
// comments right before an item become part of the item (they are its docs), and any other
// trivia goes to the innermost node that is open when it occurs. The placement is written once
// (placeTokens) and drives either a green tree (here) or a flat tree (flatTree.ts).

import { FIXED_TOKENS, GreenElement, GreenNode, internToken, makeNode } from './green';
import { keepShape } from '../base/shapes';
import { EMPTY_LEXED, type LexedText } from './lexer';
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

/** What receives the tree as placeTokens walks it; the root is open before the first call. */
export interface TreeSink {
  /** Lexed token `i` belongs to the innermost open node. */
  token(i: number): void;
  /** A node opens at `start`: its first token, or the first comment it takes. */
  open(kind: SyntaxKind, start: number): void;
  /** The innermost open node ends at `end`. */
  close(end: number): void;
}

/** Replays the events into `sink`, deciding where every lexed token, trivia included, goes. */
export function placeTokens(lexed: LexedText, events: Int32Array, eventCount: number, sink: TreeSink): void {
  const { kinds, starts } = lexed;
  const n = lexed.count;
  let raw = 0; // next lexed token to place
  let open = 0; // nodes open below the root

  for (let e = 0; e < eventCount; e++) {
    const ev = events[e];
    if (ev === EV_TOKEN) {
      while (raw < n && kinds[raw] <= LAST_TRIVIA) sink.token(raw++);
      sink.token(raw++);
    } else if (ev === EV_FINISH) {
      sink.close(starts[raw]);
      open--;
    } else if (ev !== EV_TOMBSTONE) {
      // A node opens. Trivia up to the first comment stays outside; a doc owner takes the rest.
      if (DOC_OWNERS[ev]) {
        while (raw < n && kinds[raw] === SyntaxKind.WHITESPACE) sink.token(raw++);
        sink.open(ev, starts[raw]);
      } else {
        while (raw < n && kinds[raw] <= LAST_TRIVIA) sink.token(raw++);
        sink.open(ev, starts[raw]);
      }
      while (raw < n && kinds[raw] <= LAST_TRIVIA) sink.token(raw++);
      open++;
    }
  }
  // Whatever is left (trailing trivia, tokens the grammar never consumed) goes to the root.
  for (; open > 0; open--) sink.close(starts[raw]);
  while (raw < n) sink.token(raw++);
}

/** Builds green nodes; a node's width is known at its end without summing its children. */
class GreenSink implements TreeSink {
  private readonly kindStack: SyntaxKind[];
  private readonly childStack: GreenElement[][] = [[]];
  private readonly startStack: number[] = [];
  children: GreenElement[] = this.childStack[0];

  constructor(
    private readonly text: string,
    private readonly lexed: LexedText,
    rootKind: SyntaxKind,
  ) {
    this.kindStack = [rootKind];
  }

  token(i: number): void {
    const kinds = this.lexed.kinds;
    const starts = this.lexed.starts;
    this.children.push(FIXED_TOKENS[kinds[i]] ?? internToken(kinds[i], this.text, starts[i], starts[i + 1]));
  }

  open(kind: SyntaxKind, start: number): void {
    this.kindStack.push(kind);
    this.startStack.push(start);
    this.childStack.push((this.children = []));
  }

  close(end: number): void {
    const node = makeNode(this.kindStack.pop()!, this.childStack.pop()!, end - this.startStack.pop()!);
    this.children = this.childStack[this.childStack.length - 1];
    this.children.push(node);
  }
}

keepShape(new GreenSink('', EMPTY_LEXED, SyntaxKind.SOURCE_FILE));

export function buildTree(text: string, lexed: LexedText, events: Int32Array, eventCount: number, rootKind: SyntaxKind): GreenNode {
  const sink = new GreenSink(text, lexed, rootKind);
  placeTokens(lexed, events, eventCount, sink);
  return makeNode(rootKind, sink.children);
}
