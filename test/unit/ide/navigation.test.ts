// Navigation over fixtures: definition across files, into deps/ and through `use`, declaration,
// type definition, references (with `use` and `as`), highlights and package links.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  documentHighlights, documentLinks, findReferences, gotoDeclaration, gotoDefinition, gotoTypeDefinition,
} from '../../../server/src/ide/navigation';
import { analyzeFixture } from '../../support/fixture';

const WS = `
//- /wit/api.wit
package demo:app@0.1.0;

interface api {
  use types.{point, point as pt};
  use demo:log/sink@1.0.0.{level};
  move: func(p: point, q: pt, l: level) -> point;
}
//- /wit/types.wit
package demo:app@0.1.0;

interface types {
  /// A point.
  record point { x: s32, y: s32 }
  type alias = point;
  f: func() -> alias;
}
//- /wit/deps/log/sink.wit
package demo:log@1.0.0;

interface sink {
  enum level { info, error }
}
`;

const textAt = (files: Record<string, string>, t: { file: string; range: { start: number; end: number } }) => files[t.file].slice(t.range.start, t.range.end);

test('definition of a type used in a signature goes through `use` to its definition in another file', async () => {
  const fx = await analyzeFixture(WS.replace('-> point;', '-> po$0int;'));
  const [d] = gotoDefinition(fx.analysis, fx.offset);
  assert.equal(d.file, '/wit/types.wit');
  assert.equal(textAt(fx.files, d), 'point');
});

test('definition into deps/ through a versioned foreign `use`', async () => {
  for (const marked of [WS.replace('l: level', 'l: le$0vel'), WS.replace('.{level}', '.{lev$0el}')]) {
    const f = await analyzeFixture(marked);
    const [d] = gotoDefinition(f.analysis, f.offset);
    assert.equal(d.file, '/wit/deps/log/sink.wit');
    assert.equal(textAt(f.files, d), 'level');
  }
});

test('declaration of a name brought in with `as` is the `use` entry; definition is the original', async () => {
  const fx = await analyzeFixture(WS.replace('q: pt', 'q: p$0t'));
  const [decl] = gotoDeclaration(fx.analysis, fx.offset);
  assert.equal(decl.file, '/wit/api.wit');
  assert.equal(textAt(fx.files, decl), 'pt');
  const [def] = gotoDefinition(fx.analysis, fx.offset);
  assert.equal(def.file, '/wit/types.wit');
});

test('type definition goes through aliases; for a function, to its result type', async () => {
  const fx = await analyzeFixture(WS.replace('f: func() -> alias', 'f: func() -> ali$0as'));
  const [t] = gotoTypeDefinition(fx.analysis, fx.offset);
  assert.equal(textAt(fx.files, t), 'point');
  const fx2 = await analyzeFixture(WS.replace('  f: func', '  $0f: func'));
  const [r] = gotoTypeDefinition(fx2.analysis, fx2.offset);
  assert.equal(textAt(fx2.files, r), 'point');
});

test('references include uses in other files, aliased `use`s and their uses', async () => {
  const fx = await analyzeFixture(WS.replace('record point', 'record po$0int'));
  const refs = findReferences(fx.analysis, fx.offset, true);
  const where = refs.map((r) => `${r.file}:${textAt(fx.files, r)}:${r.kind}`);
  assert.deepEqual(where.filter((w) => w.startsWith('/wit/types.wit')), [
    '/wit/types.wit:point:declaration', '/wit/types.wit:point:reference',
  ]);
  const api = where.filter((w) => w.startsWith('/wit/api.wit'));
  // use types.{point, point as pt}: both names; pt's declaration and use; point twice in move.
  assert.equal(api.filter((w) => w.endsWith('point:reference')).length, 4);
  assert.equal(api.filter((w) => w.endsWith('pt:reference')).length, 2);
});

test('highlights in the current file mark the declaration as a write', async () => {
  const fx = await analyzeFixture(WS.replace('record point', 'record po$0int'));
  const hs = documentHighlights(fx.analysis, fx.offset);
  assert.deepEqual(hs.map((h) => h.kind).sort(), ['declaration', 'reference']);
});

test('package names in foreign paths link to the file that declares the package', async () => {
  const fx = await analyzeFixture(WS.replace('interface api', 'interface a$0pi'));
  const links = documentLinks(fx.analysis);
  assert.equal(links.length, 1);
  assert.equal(links[0].target, '/wit/deps/log/sink.wit');
  assert.equal(fx.files['/wit/api.wit'].slice(links[0].range.start, links[0].range.end), 'demo:log');
});
