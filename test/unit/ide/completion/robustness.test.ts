// Completion where it is used most: in broken files (syntax errors earlier in the file, an item
// left unfinished), with a resolution one edit older than the text, inside dependencies of a real
// WASI layout, and at every offset of real files, where it must never throw.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { completion } from '../../../../server/src/ide/completion';
import type { Analysis } from '../../../../server/src/ide/analysis';
import { nodeFileSystem } from '../../../../server/src/node/fileSystem';
import { checkUnit } from '../../../../server/src/semantics/check';
import { loadUnit } from '../../../../server/src/semantics/load';
import { parse } from '../../../../server/src/syntax';
import { rng } from '../../../support/random';
import { SHARED, SHARED_MISSING, sharedAvailable } from '../../../support/shared';
import { complete } from './support';

test('syntax errors earlier in the file do not stop completion further down', async () => {
  const broken = [
    'interface broken {\n  f: func(a: u32 -> ;\n  type = ;\n}',
    'interface broken {\n  record r { a: }\n  variant v { }\n  g: func() -> result<;\n}',
    'world oops {\n  import ;\n  export : func(;\n}',
    '@since(\ninterface half',
  ];
  for (const b of broken) {
    const { labels } = await complete(`package a:b@1.0.0;\n${b}\ninterface good {\n  record point {}\n  f: func(p: $0);\n}`);
    assert.ok(labels.includes('point') && labels.includes('u32'), `after:\n${b}\ngot [${labels.join(', ')}]`);
  }
});

test('a line typed above an unfinished item (no `;`) still offers item keywords', async () => {
  const { labels } = await complete('package a:b;\ninterface i {\n  type x = u32\n  rec$0\n}');
  assert.ok(labels.includes('record'));
});

test('a function swallowed by recovery after a stray `;;` still gets its parameter types', async () => {
  const { labels } = await complete('package a:b;\ninterface i {\n  record point {}\n  g: func();;\n  h: func(p: po$0\n}');
  assert.deepEqual(labels, ['point']);
});

test('an unfinished item that the next line continues is read token by token', async () => {
  const { labels } = await complete('package a:b;\ninterface i {\n  record point {}\n  f: func(x: $0\n  g: func();\n}');
  assert.ok(labels.includes('point'));
});

const CHECKED = `package demo:app@0.1.0;

interface api {
  record point { x: s32 }
  f: func();
}
`;

test('names typed since the last check come from the current syntax', async () => {
  const { labels, list } = await complete(CHECKED, (t) => t.replace('f: func();', 'record fresh-one {}\n  f: func(a: fr$0);'));
  assert.equal(labels[0], 'fresh-one');
  assert.equal(list.items[0].kind, 'record');
  assert.equal(list.items[0].docId, undefined, 'no documentation is known for it yet');
});

test('an interface renamed since the last check is found by neither name, and completion still works', async () => {
  const { labels } = await complete(CHECKED, (t) => t.replace('interface api', 'interface api2').replace('f: func();', 'f: func(a: $0);'));
  assert.ok(labels.includes('point'), 'the renamed interface still declares point in its text');
  assert.ok(labels.includes('u8'));
});

test('items deleted since the last check or offsets that no longer match never break completion', async () => {
  for (const current of ['$0', 'package demo:app@0.1.0;\n$0', 'interface api { f: func(a: $0', '\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n$0']) {
    await assert.doesNotReject(complete(CHECKED, () => current), `completion threw for ${JSON.stringify(current)}`);
  }
});

/** A unit read from disk, and its files' analyses. */
async function layout(root: string): Promise<(path: string) => Analysis> {
  const { input } = await loadUnit(root, { fs: nodeFileSystem });
  const { resolution } = checkUnit(input, { features: new Set(), allFeatures: false });
  const files = [...input.main, ...input.deps.flatMap((d) => ('files' in d ? d.files : []))];
  return (path) => ({ file: files.find((f) => f.path === path)!, resolution, input });
}

const LAYOUT = join(SHARED, 'conformance', 'wasi', 'layouts', 'user-app-0.2.12', 'wit');

test('inside a dependency: its own types, its use lists and its sibling packages', { skip: !sharedAvailable() && SHARED_MISSING }, async () => {
  const analysisOf = await layout(LAYOUT);
  const path = join(LAYOUT, 'deps', 'http', 'types.wit');
  const a = analysisOf(path);
  const text = a.file.text;
  const typed = (edit: (t: string) => string) => {
    const next = edit(text);
    const offset = next.indexOf('$0');
    return completion(a, parse(next.replace('$0', '')), offset).items.map((i) => i.label);
  };
  // A new function at the end of `interface types`: its own resources and the names it `use`s.
  const inTypes = typed((t) => t.replace(/(\n\s*resource fields \{)/, '\n  probe: func(x: $0);$1'));
  for (const want of ['fields', 'incoming-request', 'error-code', 'input-stream', 'duration']) assert.ok(inTypes.includes(want), `${want} in [${inTypes.join(', ')}]`);
  assert.ok(!inTypes.includes('datetime'), 'only what is in scope');
  // A `use` naming a sibling dependency, filtered by what is typed.
  const paths = typed((t) => t.replace(/(\n\s*resource fields \{)/, '\n  use wasi:clocks/$0$1'));
  assert.ok(paths.some((p) => p.startsWith('wasi:clocks/monotonic-clock@')), `[${paths.join(', ')}]`);
  assert.ok(paths.every((p) => p.startsWith('wasi:clocks/')));
  assert.ok(!paths.some((p) => p.startsWith('example:app')), 'a dependency is not offered the root package');
});

test('at the root of a WASI layout, `import wasi:` offers every WASI interface with its version', { skip: !sharedAvailable() && SHARED_MISSING }, async () => {
  const analysisOf = await layout(LAYOUT);
  const path = join(LAYOUT, 'world.wit');
  const a = analysisOf(path);
  const next = a.file.text.replace('export run:', 'import wasi:$0\n  export run:');
  const items = completion(a, parse(next.replace('$0', '')), next.indexOf('$0')).items.map((i) => i.label);
  for (const want of ['wasi:io/streams@0.2.12', 'wasi:http/types@0.2.12', 'wasi:cli/environment@0.2.12', 'wasi:clocks/wall-clock@0.2.12']) {
    assert.ok(items.includes(want), `${want} in [${items.slice(0, 8).join(', ')}, …]`);
  }
});

test('completion never throws, at any offset of real files and of randomly damaged copies', { skip: !sharedAvailable() && SHARED_MISSING }, async () => {
  const analysisOf = await layout(LAYOUT);
  const paths = ['world.wit', 'deps/http/types.wit', 'deps/io/streams.wit', 'deps/cli/command.wit'].map((p) => join(LAYOUT, p));
  const random = rng();
  let calls = 0;
  for (const path of paths) {
    const a = analysisOf(path);
    const text = readFileSync(path, 'utf8');
    const texts = [text];
    for (let i = 0; i < 6; i++) {
      // Delete or duplicate a random slice: the resolution no longer matches the text.
      const at = random.int(text.length);
      const len = random.int(40);
      texts.push(i % 2 ? text.slice(0, at) + text.slice(at + len) : text.slice(0, at) + text.slice(at, at + len) + text.slice(at));
    }
    for (const t of texts) {
      const tree = parse(t);
      const step = t === text ? 2 : 11;
      for (let offset = 0; offset <= t.length; offset += step) {
        completion(a, tree, offset);
        calls++;
      }
    }
  }
  assert.ok(calls > 20_000, `seed ${random.seed}`);
});
