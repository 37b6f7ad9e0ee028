// The quick cycle test that type and item cycle checks run first must agree with toposort,
// which only runs when there is a cycle: on random graphs, hasCycle says "cycle" exactly when
// toposort finds an edge to report. The edges of a type definition come from bodyEdges.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lowerFile } from '../../../server/src/semantics/lower';
import { bodyEdges } from '../../../server/src/semantics/resolve';
import { type Edge, hasCycle, toposort } from '../../../server/src/semantics/toposort';
import { parse } from '../../../server/src/syntax';
import { rng } from '../../support/random';

test('hasCycle agrees with toposort on random graphs', () => {
  const r = rng();
  let cyclic = 0;
  const graphs = 3000;
  for (let g = 0; g < graphs; g++) {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].slice(0, 1 + r.int(7));
    // Nodes may repeat (a name declared twice) and edges may point at names that are not nodes.
    const nodes = Array.from({ length: 1 + r.int(names.length + 1) }, () => r.pick(names));
    const edges = new Map<string, Edge[]>();
    for (let k = r.int(2 * names.length); k > 0; k--) {
      const from = r.pick(names);
      const to = r.next() < 0.1 ? 'outside' : r.pick(names);
      edges.set(from, [...(edges.get(from) ?? []), { to, range: { start: 0, end: 0 } }]);
    }
    const expected = toposort([...new Set(nodes)], edges).cycleEdge !== undefined;
    assert.equal(hasCycle(nodes, edges), expected, `seed ${r.seed}, graph ${g}: ${JSON.stringify({ nodes, edges: [...edges] })}`);
    if (expected) cyclic++;
  }
  // Both answers must have been exercised.
  assert.ok(cyclic > graphs / 10 && cyclic < graphs - graphs / 10, `${cyclic} of ${graphs} graphs had a cycle`);
});

test('bodyEdges lists the names a body refers to, in the order they are written', () => {
  const text = [
    'package t:c;',
    'interface i {',
    '  record r { a: result<k, tuple<list<v>, option<borrow<h>>>>, b: u32, c: map<m, own<g>> }',
    '  variant v { x(future<stream<w>>), y, z(result<_, e>) }',
    '  type t = list<q, 4>;',
    '  enum e { p }',
    '}',
  ].join('\n');
  const hir = lowerFile(parse(text));
  const iface = hir.items[0];
  assert.ok(iface.kind === 'interface');
  const got = iface.members.flatMap((m) => (m.kind === 'typedef' ? [`${m.name}: ${bodyEdges(m.def).map((e) => e.to).join(' ')}`] : []));
  assert.deepEqual(got, ['r: k v h m g', 'v: w e', 't: q', 'e: ']);
  // Each edge carries the range of the name as written.
  for (const m of iface.members) {
    if (m.kind !== 'typedef') continue;
    for (const e of bodyEdges(m.def)) assert.equal(text.slice(e.range.start, e.range.end), e.to);
  }
});
