// Inlay hints: where alias chains end (`type x = y;` with y an alias or a `use`d name), where
// `use`d names really come from (when asked), the range filter, and extra providers.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InlayHint, inlayHints } from '../../../server/src/ide/inlayHints';
import { analyzeFixture } from '../../support/fixture';

const WS = `
//- /wit/types.wit
package demo:app@0.1.0;

use wasi:io/streams@0.2.0 as st;

interface types {
  use other.{thing, input-stream};
  use st.{output-stream};
  record point { x: s32 }
  type bytes = list<u8>;
  type more = bytes;
  type direct = point;
  type via-alias = direct;
  type via-use = thing;
  type plain = u32;
  type generic = list<bytes>;
}

interface other {
  use wasi:io/streams@0.2.0.{input-stream};
  record thing { a: u8 }
}
//- /wit/deps/io/streams.wit
package wasi:io@0.2.0;

interface streams {
  resource input-stream;
  resource output-stream;
}
`;

/** Each hint as `text before it ⟨label⟩`. */
async function hints(options: { typeAliases: boolean; useOrigins: boolean }, range?: [number, number]): Promise<string[]> {
  const fx = await analyzeFixture(WS);
  const text = fx.files['/wit/types.wit'];
  const r = range ? { start: text.indexOf(String(range[0])), end: text.length } : { start: 0, end: text.length };
  return inlayHints(fx.analysis, r, options).map((h) => `${text.slice(text.lastIndexOf('\n', h.offset - 1) + 1, h.offset).trim()} ⟨${h.label}⟩`);
}

test('an alias of an alias or of a `use`d name shows where the chain ends', async () => {
  assert.deepEqual(await hints({ typeAliases: true, useOrigins: false }), [
    'type more = bytes; ⟨= list<u8>⟩',
    'type via-alias = direct; ⟨→ record point⟩',
    'type via-use = thing; ⟨→ record thing from other⟩',
  ]);
});

test('`use`d names defined elsewhere than the path says show their origin, when asked', async () => {
  assert.deepEqual(await hints({ typeAliases: false, useOrigins: true }), [
    'use other.{thing, input-stream ⟨from wasi:io/streams@0.2.0⟩',
    'use st.{output-stream ⟨from wasi:io/streams@0.2.0⟩',
  ]);
  assert.deepEqual(await hints({ typeAliases: false, useOrigins: false }), []);
});

test('only hints inside the requested range are returned', async () => {
  const fx = await analyzeFixture(WS);
  const text = fx.files['/wit/types.wit'];
  const start = text.indexOf('type via-alias');
  const got = inlayHints(fx.analysis, { start, end: text.indexOf('type plain') }, { typeAliases: true, useOrigins: true });
  assert.deepEqual(got.map((h) => h.label), ['→ record point', '→ record thing from other']);
});

test('extra providers (the Canonical ABI hints) are merged in order and filtered by range', async () => {
  const fx = await analyzeFixture(WS);
  const text = fx.files['/wit/types.wit'];
  const at = text.indexOf('record point');
  const abi = (): InlayHint[] => [{ offset: at, label: 'size 4', kind: 'type' }, { offset: text.length + 100, label: 'outside', kind: 'type' }];
  const got = inlayHints(fx.analysis, { start: 0, end: text.length }, { typeAliases: true, useOrigins: false, providers: [abi] });
  assert.deepEqual(got.map((h) => h.label), ['size 4', '= list<u8>', '→ record point', '→ record thing from other']);
});
