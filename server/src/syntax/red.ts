// The positioned "red" view over a green tree: nodes and tokens with absolute offsets and parent
// links, made on demand while walking, so that holding the tree costs only the green nodes.

import { keepShape } from '../base/shapes';
import { GreenElement, GreenNode, GreenToken, isGreenNode, makeNode, makeToken } from './green';
import { SyntaxKind, isTrivia } from './syntaxKind';

export type SyntaxElement = SyntaxNode | SyntaxToken;

export class SyntaxToken {
  constructor(
    readonly green: GreenToken,
    readonly parent: SyntaxNode,
    /** Index among the parent's children. */
    readonly index: number,
    readonly start: number,
  ) {}

  get kind(): SyntaxKind {
    return this.green.kind;
  }
  get text(): string {
    return this.green.text;
  }
  get end(): number {
    return this.start + this.green.text.length;
  }
  isNode(): this is SyntaxNode {
    return false;
  }

  /** The next token in the file, trivia included. */
  nextToken(): SyntaxToken | undefined {
    return nextTokenAfter(this.parent, this.index);
  }

  prevToken(): SyntaxToken | undefined {
    return prevTokenBefore(this.parent, this.index);
  }
}

export class SyntaxNode {
  private cachedChildren: SyntaxElement[] | undefined;

  constructor(
    readonly green: GreenNode,
    readonly parent: SyntaxNode | undefined,
    readonly index: number,
    readonly start: number,
    /** The whole file's text, shared by every node of the tree. */
    readonly source: string,
  ) {}

  static root(green: GreenNode, source: string): SyntaxNode {
    return new SyntaxNode(green, undefined, 0, 0, source);
  }

  get kind(): SyntaxKind {
    return this.green.kind;
  }
  get end(): number {
    return this.start + this.green.width;
  }
  get text(): string {
    return this.source.slice(this.start, this.end);
  }
  isNode(): this is SyntaxNode {
    return true;
  }

  children(): SyntaxElement[] {
    if (this.cachedChildren) return this.cachedChildren;
    const out: SyntaxElement[] = [];
    let offset = this.start;
    const kids = this.green.children;
    for (let i = 0; i < kids.length; i++) {
      const g: GreenElement = kids[i];
      if (isGreenNode(g)) {
        out.push(new SyntaxNode(g, this, i, offset, this.source));
        offset += g.width;
      } else {
        out.push(new SyntaxToken(g, this, i, offset));
        offset += g.text.length;
      }
    }
    this.cachedChildren = out;
    return out;
  }

  childNodes(): SyntaxNode[] {
    return this.children().filter((c): c is SyntaxNode => c instanceof SyntaxNode);
  }

  /** Child tokens that are not whitespace or comments. */
  significantTokens(): SyntaxToken[] {
    return this.children().filter(
      (c): c is SyntaxToken => c instanceof SyntaxToken && !isTrivia(c.kind),
    );
  }

  firstChild(kind: SyntaxKind): SyntaxNode | undefined {
    for (const c of this.children()) if (c instanceof SyntaxNode && c.kind === kind) return c;
    return undefined;
  }

  childrenOfKind(kind: SyntaxKind): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    for (const c of this.children()) if (c instanceof SyntaxNode && c.kind === kind) out.push(c);
    return out;
  }

  firstToken(kind: SyntaxKind): SyntaxToken | undefined {
    for (const c of this.children()) if (c instanceof SyntaxToken && c.kind === kind) return c;
    return undefined;
  }

  /** The first token of the node's subtree that is not trivia. */
  firstSignificantToken(): SyntaxToken | undefined {
    for (const t of this.tokens()) if (!isTrivia(t.kind)) return t;
    return undefined;
  }

  lastSignificantToken(): SyntaxToken | undefined {
    let node: SyntaxNode = this;
    for (;;) {
      const kids = node.children();
      let descended = false;
      for (let i = kids.length - 1; i >= 0; i--) {
        const k = kids[i];
        if (k instanceof SyntaxToken) {
          if (!isTrivia(k.kind)) return k;
        } else if (k.firstSignificantToken()) {
          node = k;
          descended = true;
          break;
        }
      }
      if (!descended) return undefined;
    }
  }

  /** Every node of the subtree in document order, this one first. */
  *descendants(): Generator<SyntaxNode> {
    const stack: SyntaxNode[] = [this];
    while (stack.length) {
      const n = stack.pop()!;
      yield n;
      const kids = n.children();
      for (let i = kids.length - 1; i >= 0; i--) {
        const k = kids[i];
        if (k instanceof SyntaxNode) stack.push(k);
      }
    }
  }

  /** Every token of the subtree in document order, trivia included. */
  *tokens(): Generator<SyntaxToken> {
    const stack: SyntaxElement[] = [this];
    while (stack.length) {
      const e = stack.pop()!;
      if (e instanceof SyntaxToken) {
        yield e;
        continue;
      }
      const kids = e.children();
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
  }

  /**
   * The token that contains `offset`. At a boundary between two tokens the right one is
   * returned, unless `preferLeft` is set (useful for a cursor at the end of a word).
   */
  tokenAt(offset: number, preferLeft = false): SyntaxToken | undefined {
    if (offset < this.start || offset > this.end) return undefined;
    let node: SyntaxNode = this;
    for (;;) {
      const kids = node.children();
      let next = kids[childAt(kids, offset, preferLeft)] as SyntaxElement | undefined;
      if (!next) {
        // offset at the very end (or start) of the file: take the last (first) token.
        const edge = preferLeft || offset >= node.end ? kids[kids.length - 1] : kids[0];
        if (!edge) return undefined;
        next = edge;
      }
      if (next instanceof SyntaxToken) return next;
      node = next;
    }
  }

  /** The deepest node whose range covers [start, end]. */
  coveringNode(start: number, end: number): SyntaxNode {
    let node: SyntaxNode = this;
    for (;;) {
      let deeper: SyntaxNode | undefined;
      for (const k of node.children()) {
        if (k instanceof SyntaxNode && k.start <= start && end <= k.end && k.end > k.start) {
          deeper = k;
          break;
        }
      }
      if (!deeper) return node;
      node = deeper;
    }
  }
}

/**
 * The index of the child whose range holds `offset` (`start < offset <= end` with `preferLeft`,
 * else `start <= offset < end`), or -1. Children are contiguous and in order, so this is a binary
 * search: a body of 10,000 members must not be scanned once per lookup.
 */
function childAt(kids: readonly SyntaxElement[], offset: number, preferLeft: boolean): number {
  let lo = 0;
  let hi = kids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = kids[mid];
    if (preferLeft ? offset <= k.start : offset < k.start) hi = mid - 1;
    else if (preferLeft ? offset > k.end : offset >= k.end) lo = mid + 1;
    else return mid; // an empty child never gets here: it holds no offset
  }
  return -1;
}

function nextTokenAfter(parent: SyntaxNode, index: number): SyntaxToken | undefined {
  let node: SyntaxNode | undefined = parent;
  let i = index;
  while (node) {
    const kids = node.children();
    for (let j = i + 1; j < kids.length; j++) {
      const k = kids[j];
      if (k instanceof SyntaxToken) return k;
      const first = k.tokens().next();
      if (!first.done) return first.value;
    }
    i = node.index;
    node = node.parent;
  }
  return undefined;
}

function prevTokenBefore(parent: SyntaxNode, index: number): SyntaxToken | undefined {
  let node: SyntaxNode | undefined = parent;
  let i = index;
  while (node) {
    const kids = node.children();
    for (let j = i - 1; j >= 0; j--) {
      const k = kids[j];
      if (k instanceof SyntaxToken) return k;
      const last = lastTokenOf(k);
      if (last) return last;
    }
    i = node.index;
    node = node.parent;
  }
  return undefined;
}

function lastTokenOf(node: SyntaxNode): SyntaxToken | undefined {
  const kids = node.children();
  for (let j = kids.length - 1; j >= 0; j--) {
    const k = kids[j];
    if (k instanceof SyntaxToken) return k;
    const t = lastTokenOf(k);
    if (t) return t;
  }
  return undefined;
}

// A node with one child token: both classes' shapes stay (see keepShape).
keepShape(SyntaxNode.root(makeNode(SyntaxKind.SOURCE_FILE, [makeToken(SyntaxKind.WHITESPACE, ' ')]), ' ').children());
