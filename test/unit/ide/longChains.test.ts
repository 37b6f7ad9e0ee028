// Whole-file features over long chains of `use`s and aliases, which each name's walk to the end
// of its chain made quadratic: 20k interfaces that each `use` a type of the next, in a circle,
// took minutes to color and to outline, and 100k aliases of aliases hung inlay hints, completion
// and the ABI table. Each feature now walks a chain once per request (chainEnd, whose test counts
// the steps); these tests check that the results stay those of the plain walks.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { abiInlayHints } from '../../../server/src/ide/abiInlayHints';
import { completion } from '../../../server/src/ide/completion';
import { documentSymbols } from '../../../server/src/ide/documentSymbols';
import { inlayHints } from '../../../server/src/ide/inlayHints';
import { semanticTokens, TOKEN_TYPES } from '../../../server/src/ide/semanticTokens';
import { analyzeFixture } from '../../support/fixture';

const N = 20000;

/** Interfaces i1..iN each `use` r from the one before; i0 holds `last`. Checks how each `r` is colored and outlined. */
async function checkUseChain(last: string, kind: 'type' | 'resource', uses: number): Promise<void> {
  const chain = Array.from({ length: N }, (_, k) => `interface i${k + 1} {\n  use i${k}.{r};\n}\n`).join('');
  const fx = await analyzeFixture(`//- /p/a.wit\npackage a:b;\n${chain}interface i0 {\n  ${last}\n}\n`);
  const a = fx.analysis;
  const text = a.file.text;
  const names = semanticTokens(a.file.tree, a).filter((t) => text.slice(t.start, t.start + t.length) === 'r');
  assert.equal(names.length, N + 1);
  assert.ok(names.every((t) => TOKEN_TYPES[t.type] === kind));
  const outlined = documentSymbols(a.file.tree, a).flatMap((s) => s.children).filter((c) => c.children.some((u) => u.name === 'r'));
  assert.equal(outlined.length, uses);
  assert.ok(outlined.every((u) => u.children[0].kind === kind));
}

test('20,000 interfaces, each using `r` from the next, in a circle: every `r` colored and outlined as a type', async () => {
  // The circle (an error) makes each walk go all the way round: the worst case for the plain walk.
  await checkUseChain(`use i${N}.{r};`, 'type', N + 1);
});

test('20,000 interfaces, each using a resource through the next: every `r` colored and outlined as a resource', async () => {
  await checkUseChain('resource r;', 'resource', N);
});

test('20,000 aliases of aliases: each hinted with where the chain ends, all offered with the right kind', async () => {
  const chain = Array.from({ length: N }, (_, k) => `  type a${k + 1} = a${k};\n`).join('');
  const fx = await analyzeFixture(`//- /p/a.wit\npackage a:b;\ninterface i {\n  record a0 { x: u8 }\n${chain}  f: func(x: $0);\n}\n`);
  const a = fx.analysis;
  const hints = inlayHints(a, { start: 0, end: a.file.text.length }, { typeAliases: true, useOrigins: true });
  assert.equal(hints.length, N - 1);
  assert.ok(hints.every((h) => h.label === '→ record a0'));
  assert.equal(abiInlayHints(a, { start: 0, end: a.file.text.length }).length > 0, true);
  const offered = completion(a, a.file.tree, fx.offset).items.filter((i) => /^a\d+$/.test(i.label));
  assert.equal(offered.length, N + 1);
  assert.ok(offered.every((i) => i.kind === 'record'), JSON.stringify(offered.find((i) => i.kind !== 'record')));
});
