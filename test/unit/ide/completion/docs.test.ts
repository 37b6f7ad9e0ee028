// Documentation of completion items, computed from the id an item carries: doc comments and
// signatures of types (also through `use`), interfaces, built-in types and keywords, found again
// in a later check of the unit and absent (not failing) when the item is gone.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completionDocs } from '../../../../server/src/ide/completion';
import { analyzeFixture } from '../../../support/fixture';
import { complete } from './support';

const FIXTURE = `
//- /wit/types.wit
package demo:app@0.1.0;

interface types {
  use wasi:io/streams@0.2.0.{output-stream as sink};

  /// A point on the plane.
  record point { x: s32, y: s32 }

  f: func(p: $0);
}
//- /wit/deps/io/streams.wit
package wasi:io@0.2.0;

/// Byte streams.
interface streams {
  /// Where bytes go.
  resource output-stream {
    write: func(bytes: list<u8>);
  }
}
`;

async function docsOf(label: string, fixture = FIXTURE): Promise<string | undefined> {
  const { fx, list } = await complete(fixture);
  const item = list.items.find((i) => i.label === label);
  assert.ok(item?.docId, `${label} carries a documentation id`);
  return completionDocs(fx.analysis.resolution, item.docId);
}

test('a type: its definition, doc comment and where it is defined', async () => {
  const docs = await docsOf('point');
  assert.equal(docs, '```wit\nrecord point {\n  x: s32,\n  y: s32,\n}\n```\n\nA point on the plane.\n\n*defined in* interface `types` of package `demo:app@0.1.0`');
});

test('a name brought in with `use … as`: the original definition and where it comes from', async () => {
  const docs = await docsOf('sink');
  assert.match(docs!, /resource output-stream \{\n {2}write: func\(bytes: list<u8>\);\n\}/);
  assert.match(docs!, /Where bytes go\./);
  assert.match(docs!, /\*brought in with\* `use` \*from\* interface `streams` of package `wasi:io@0\.2\.0`/);
});

test('an interface path, a built-in type and a keyword', async () => {
  const iface = await docsOf('wasi:io/streams@0.2.0', FIXTURE.replace('f: func(p: $0);', '}\nworld w {\n  import $0'));
  assert.match(iface!, /^```wit\ninterface streams\n```\n\nByte streams\.\n\ninterface of package `wasi:io@0\.2\.0`$/);
  assert.match((await docsOf('list<T>'))!, /a sequence of `T`/);
  const kw = await docsOf('record', FIXTURE.replace('f: func(p: $0);', '$0'));
  assert.match(kw!, /named fields/);
});

test('an id still resolves against a later check of the unit, and a vanished item has no docs', async () => {
  const { list } = await complete(FIXTURE);
  const id = list.items.find((i) => i.label === 'point')!.docId!;
  const again = await analyzeFixture(FIXTURE);
  assert.match(completionDocs(again.analysis.resolution, id)!, /A point on the plane\./);
  const renamed = await analyzeFixture(FIXTURE.replace('record point', 'record spot'));
  assert.equal(completionDocs(renamed.analysis.resolution, id), undefined);
  assert.equal(completionDocs(again.analysis.resolution, 'not json'), undefined);
});
