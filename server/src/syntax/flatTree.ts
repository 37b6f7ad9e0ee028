// A syntax tree as parallel arrays in pre-order, without whitespace: what lowering reads. A
// one-shot check builds it straight from the parser's events, so that no node object is made;
// the editor, which keeps green trees, flattens its tree instead. Both give the same arrays.

import { GreenNode, isGreenNode } from './green';
import { keepShape } from '../base/shapes';
import { EMPTY_LEXED, type LexedText } from './lexer';
import { SyntaxKind } from './syntaxKind';
import { TreeSink, placeTokens } from './treeBuilder';

export interface FlatTree {
  readonly text: string;
  /** Number of elements; element 0 is the root. */
  readonly count: number;
  readonly kinds: Uint8Array;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  /** The index just past each element's subtree (i + 1 for a token): a node's children are
   * i + 1, nexts[i + 1], ... up to nexts[i]. */
  readonly nexts: Uint32Array;
}

/** Appends elements in pre-order; arrays grow as needed. */
class FlatBuilder {
  kinds: Uint8Array;
  starts: Uint32Array;
  ends: Uint32Array;
  nexts: Uint32Array;
  count = 0;
  /** Open nodes, innermost last. */
  private stack = new Uint32Array(64);
  private depth = 0;

  constructor(capacity: number) {
    this.kinds = new Uint8Array(capacity);
    this.starts = new Uint32Array(capacity);
    this.ends = new Uint32Array(capacity);
    this.nexts = new Uint32Array(capacity);
  }

  private grow(): void {
    const size = this.kinds.length * 2 + 16;
    const kinds = new Uint8Array(size);
    const starts = new Uint32Array(size);
    const ends = new Uint32Array(size);
    const nexts = new Uint32Array(size);
    kinds.set(this.kinds);
    starts.set(this.starts);
    ends.set(this.ends);
    nexts.set(this.nexts);
    this.kinds = kinds;
    this.starts = starts;
    this.ends = ends;
    this.nexts = nexts;
  }

  leaf(kind: SyntaxKind, start: number, end: number): void {
    if (this.count === this.kinds.length) this.grow();
    const i = this.count++;
    this.kinds[i] = kind;
    this.starts[i] = start;
    this.ends[i] = end;
    this.nexts[i] = i + 1;
  }

  open(kind: SyntaxKind, start: number): void {
    if (this.count === this.kinds.length) this.grow();
    if (this.depth === this.stack.length) {
      const grown = new Uint32Array(this.stack.length * 2);
      grown.set(this.stack);
      this.stack = grown;
    }
    const i = this.count++;
    this.kinds[i] = kind;
    this.starts[i] = start;
    this.stack[this.depth++] = i;
  }

  close(end: number): void {
    const i = this.stack[--this.depth];
    this.ends[i] = end;
    this.nexts[i] = this.count;
  }

  finish(text: string): FlatTree {
    return { text, count: this.count, kinds: this.kinds, starts: this.starts, ends: this.ends, nexts: this.nexts };
  }
}

/** Feeds placed tokens to a FlatBuilder, leaving whitespace out. */
class FlatSink implements TreeSink {
  constructor(
    private readonly lexed: LexedText,
    private readonly out: FlatBuilder,
  ) {}

  token(i: number): void {
    const kind = this.lexed.kinds[i];
    if (kind !== SyntaxKind.WHITESPACE) this.out.leaf(kind, this.lexed.starts[i], this.lexed.starts[i + 1]);
  }

  open(kind: SyntaxKind, start: number): void {
    this.out.open(kind, start);
  }

  close(end: number): void {
    this.out.close(end);
  }
}

keepShape(new FlatSink(EMPTY_LEXED, keepShape(new FlatBuilder(1))));

/** The flat tree of `text` from its lexed tokens and the parser's events (as buildTree places them). */
export function flatFromEvents(text: string, lexed: LexedText, events: Int32Array, eventCount: number, rootKind: SyntaxKind): FlatTree {
  // Every element is an opened node or a lexed token, and the root.
  const out = new FlatBuilder(eventCount + lexed.count + 1);
  out.open(rootKind, lexed.starts[0]);
  placeTokens(lexed, events, eventCount, new FlatSink(lexed, out));
  out.close(lexed.starts[lexed.count]);
  return out.finish(text);
}

/** The flat tree of a green tree whose text is `text`. */
export function flatFromGreen(root: GreenNode, text: string): FlatTree {
  const out = new FlatBuilder(256);
  const walk = (node: GreenNode, start: number): void => {
    out.open(node.kind, start);
    let o = start;
    for (const c of node.children) {
      if (isGreenNode(c)) {
        walk(c, o);
        o += c.width;
      } else {
        const end = o + c.text.length;
        if (c.kind !== SyntaxKind.WHITESPACE) out.leaf(c.kind, o, end);
        o = end;
      }
    }
    out.close(o);
  };
  walk(root, 0);
  return out.finish(text);
}
