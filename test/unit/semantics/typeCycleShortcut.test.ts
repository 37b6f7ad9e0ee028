// The checker runs the type cycle check only for interfaces whose bodies refer forward (to a
// definition not yet resolved) or declare a name twice. On random interfaces with forward,
// backward, self and unknown references, duplicates, uses and resources, it must report a
// cycle exactly when the name graph the text describes has one.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SourceCache } from '../../../server/src/semantics/sources';
import { checkUnit } from '../../../server/src/semantics/check';
import { type Edge, hasCycle } from '../../../server/src/semantics/toposort';
import { rng } from '../../support/random';

test('type-cycle is reported exactly when the written types go in a circle', () => {
  const r = rng();
  const cache = new SourceCache();
  let cyclic = 0;
  const cases = 600;
  for (let c = 0; c < cases; c++) {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'].slice(0, 2 + r.int(5));
    const nodes: string[] = [];
    const edges = new Map<string, Edge[]>();
    const lines = ['package t:c;', 'interface other { type u = u8; }', 'interface i {'];
    if (r.next() < 0.3) {
      lines.push('  use other.{u};');
      nodes.push('u');
    }
    for (let k = 1 + r.int(names.length + 1); k > 0; k--) {
      const name = r.pick(names);
      if (name === 'u') continue;
      nodes.push(name);
      if (r.next() < 0.15) {
        // A resource: its methods' types are not part of any cycle.
        lines.push(`  resource ${name} { m: func(x: ${r.pick(names)}); }`);
        edges.set(name, []);
        continue;
      }
      const refs = Array.from({ length: r.int(3) }, () => (r.next() < 0.1 ? 'missing' : r.pick(names)));
      const out = refs.map((to) => ({ to, range: { start: 0, end: 0 } }));
      // The last definition of a name is the one whose references count (as in the checker).
      edges.set(name, out);
      lines.push(refs.length === 0
        ? `  type ${name} = u32;`
        : `  record ${name} { ${refs.map((to, j) => `f${j}: option<${to}>`).join(', ')} }`);
    }
    lines.push('}');
    const text = lines.join('\n');
    const file = cache.get(`/t/case${c}.wit`, text);
    const { diagnostics } = checkUnit({ root: file.path, main: [file], deps: [] }, { features: new Set(), allFeatures: false });
    const reported = (diagnostics.get(file.path) ?? []).some((d) => d.code === 'type-cycle');
    const expected = hasCycle(nodes, edges);
    assert.equal(reported, expected, `seed ${r.seed}, case ${c}:\n${text}`);
    if (expected) cyclic++;
  }
  assert.ok(cyclic > cases / 10 && cyclic < cases - cases / 10, `${cyclic} of ${cases} cases had a cycle`);
});
