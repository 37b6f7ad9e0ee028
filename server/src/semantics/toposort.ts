// Orders named nodes so that each comes after what it depends on, and finds the edge to report
// when they cannot be ordered. Ties are broken by declaration order, and the reported edge is
// chosen the way wit-parser chooses it, so cycle errors land where the reference points.

import type { Range } from './hir';

export interface Edge {
  to: string;
  range: Range;
  /** The file the edge is written in (edges of one package may span files). */
  file?: string;
}

export interface TopoResult {
  order: string[];
  /** Set when there is a cycle: an edge that lies on or leads into it. */
  cycleEdge?: Edge;
  /** Every node that could not be ordered (in a cycle or depending on one). */
  unordered: Set<string>;
}

/** `nodes` in declaration order; edges to names that are not nodes are ignored. */
export function toposort(nodes: string[], edges: Map<string, Edge[]>): TopoResult {
  const index = new Map<string, number>();
  nodes.forEach((n, i) => index.set(n, i));
  const remaining = new Array<number>(nodes.length).fill(0);
  const reverse: number[][] = nodes.map(() => []);
  nodes.forEach((n, i) => {
    for (const e of edges.get(n) ?? []) {
      const j = index.get(e.to);
      if (j === undefined) continue;
      remaining[i]++;
      reverse[j].push(i);
    }
  });
  // A min-heap on declaration index keeps the order stable and predictable.
  const heap: number[] = [];
  const push = (x: number) => {
    heap.push(x);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p] <= heap[i]) break;
      [heap[p], heap[i]] = [heap[i], heap[p]];
      i = p;
    }
  };
  const pop = (): number => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && heap[l] < heap[m]) m = l;
        if (r < heap.length && heap[r] < heap[m]) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i], heap[m]];
        i = m;
      }
    }
    return top;
  };
  remaining.forEach((r, i) => r === 0 && push(i));
  const order: string[] = [];
  while (heap.length) {
    const i = pop();
    order.push(nodes[i]);
    for (const k of reverse[i]) if (--remaining[k] === 0) push(k);
  }
  const unordered = new Set<string>();
  let cycleEdge: Edge | undefined;
  nodes.forEach((n, i) => {
    if (remaining[i] === 0) return;
    unordered.add(n);
    if (cycleEdge) return;
    for (const e of edges.get(n) ?? []) {
      const j = index.get(e.to);
      if (j !== undefined && remaining[j] > 0) {
        cycleEdge = e;
        break;
      }
    }
  });
  return { order, cycleEdge, unordered };
}

/**
 * Whether the edges among `nodes` go in a circle (edges to other names are ignored, as in
 * toposort). A depth-first walk that allocates little: nearly every interface has no cycle, and
 * only those that do need toposort's ordering to choose the edge to report.
 */
export function hasCycle(nodes: readonly string[], edges: ReadonlyMap<string, readonly Edge[]>): boolean {
  // 0: not visited, 1: on the current path, 2: finished.
  const state = new Map<string, number>();
  for (const n of nodes) state.set(n, 0);
  const path: string[] = [];
  const next: number[] = [];
  for (const root of nodes) {
    if (state.get(root) !== 0) continue;
    state.set(root, 1);
    path.push(root);
    next.push(0);
    while (path.length > 0) {
      const top = path.length - 1;
      const out = edges.get(path[top]);
      const i = next[top];
      if (out !== undefined && i < out.length) {
        next[top] = i + 1;
        const to = out[i].to;
        const s = state.get(to);
        if (s === 1) return true;
        if (s === 0) {
          state.set(to, 1);
          path.push(to);
          next.push(0);
        }
      } else {
        state.set(path[top], 2);
        path.pop();
        next.pop();
      }
    }
  }
  return false;
}
