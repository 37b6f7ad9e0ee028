// The command line lowers straight from the parser's events (parseFlat), the editor from its
// green trees: both must give the same flat tree, the same item summary and the same syntax
// errors, on corpus files and on broken versions of them made by random edits.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { lowerFile, lowerFlat } from '../../../server/src/semantics/lower';
import { flatFromGreen, parse, parseFlat, syntaxErrors } from '../../../server/src/syntax';
import { rng } from '../../support/random';
import { SHARED, filesUnder, sharedAvailable } from '../../support/shared';

const TYPED = [
  'a', ' ', '\n', '{', '}', '(', ')', '<', '>', ';', ':', ',', '/*', '*/', '//', '///', '"', '%',
  'interface x {', 'package a:b;', 'package q:r {', 'type t = u8;', 'list<u8, 3>', 'borrow<x>',
  '@since(version = 1.0.0)', '@unstable(feature = f)', '\u0001', '\r',
];

function corpus(): string[] {
  const dirs = [join('test', 'data')];
  if (sharedAvailable()) dirs.push(join(SHARED, 'conformance'));
  return dirs.flatMap((d) => filesUnder(d)).map((f) => readFileSync(f, 'utf8'));
}

test('lowering from the parser equals lowering from the green tree, errors included', () => {
  const r = rng();
  const texts: string[] = [];
  for (const text of corpus()) {
    texts.push(text);
    if (text.length > 30_000) continue;
    let t = text;
    for (let i = 0; i < 4; i++) {
      const at = r.int(t.length + 1);
      const removed = r.next() < 0.3 ? r.int(20) : 0;
      t = t.slice(0, at) + (r.next() < 0.7 ? r.pick(TYPED) : '') + t.slice(at + removed);
      texts.push(t);
    }
  }
  let broken = 0;
  for (const text of texts) {
    const context = `seed ${r.seed}: ${JSON.stringify(text.slice(0, 80))}`;
    const tree = parse(text);
    const lean = parseFlat(text);
    const flat = flatFromGreen(tree.green, text);
    assert.equal(lean.flat.count, flat.count, context);
    for (const k of ['kinds', 'starts', 'ends', 'nexts'] as const) {
      assert.deepEqual(lean.flat[k].subarray(0, flat.count), flat[k].subarray(0, flat.count), `${k}: ${context}`);
    }
    assert.deepEqual(lean.errors, syntaxErrors(tree), context);
    assert.deepEqual(lowerFlat(lean.flat), lowerFile(tree), context);
    if (lean.errors.length) broken++;
  }
  console.log(`# ${texts.length} texts (${broken} with syntax errors) lower the same both ways`);
  assert.ok(broken > texts.length / 4, 'the random edits should break many texts');
});
