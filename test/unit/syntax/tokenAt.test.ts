// tokenAt finds a node's child by binary search: it must give the token a scan of the children
// gives, at every offset and either side of a boundary, also in broken files with empty nodes.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SyntaxNode, SyntaxToken, parse, rootNode } from '../../../server/src/syntax';
import { rng } from '../../support/random';
import { SHARED, filesUnder, sharedAvailable } from '../../support/shared';

/** The walk tokenAt made before: the first child holding the offset, scanning in order. */
function scanTokenAt(root: SyntaxNode, offset: number, preferLeft: boolean): SyntaxToken | undefined {
  if (offset < root.start || offset > root.end) return undefined;
  let node = root;
  for (;;) {
    const kids = node.children();
    let next = kids.find((k) => (preferLeft ? k.start < offset && offset <= k.end : k.start <= offset && offset < k.end));
    next ??= preferLeft || offset >= node.end ? kids[kids.length - 1] : kids[0];
    if (!next) return undefined;
    if (next instanceof SyntaxToken) return next;
    node = next;
  }
}

const BROKEN = [
  '',
  'package a:b;',
  'package a:b;\ninterface i {\n  type = ;\n  record r { a: , }\n  f: func(x: list<) -> ;\n}\n',
  'world w { import ; export %; include with { } }',
  '/* unterminated\npackage a:b;',
  'interface i { use . {}; type t = tuple<u8, ; }\n\n\n',
];

test('tokenAt agrees with a scan of the children at every offset, either side of each boundary', () => {
  const r = rng(7);
  const texts = [...BROKEN];
  if (sharedAvailable()) {
    const files = filesUnder(join(SHARED, 'conformance/wit-parser/tests/ui')).filter((f) => f.endsWith('.wit'));
    for (let i = 0; i < 40; i++) texts.push(readFileSync(files[r.int(files.length)], 'utf8'));
  }
  let checked = 0;
  for (const text of texts) {
    const root = rootNode(parse(text));
    for (let offset = -1; offset <= text.length + 1; offset++) {
      for (const preferLeft of [false, true]) {
        const want = scanTokenAt(root, offset, preferLeft);
        const got = root.tokenAt(offset, preferLeft);
        assert.equal(got?.start, want?.start, `${JSON.stringify(text.slice(0, 40))} at ${offset} (preferLeft ${preferLeft})`);
        assert.equal(got?.kind, want?.kind);
        checked++;
      }
    }
  }
  assert.ok(checked > 1000);
});
