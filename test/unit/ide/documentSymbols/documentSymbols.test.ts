// Document symbols over fixtures: each file under test/data/ide/document-symbols is a workspace
// whose first file's outline is compared with the `.outline` golden next to it (UPDATE_GOLDEN=1
// rewrites them). Ranges are checked: a symbol's selection lies in its range, and children lie
// in their parent.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { OutlineSymbol, documentSymbols } from '../../../../server/src/ide/documentSymbols';
import { parse } from '../../../../server/src/syntax';
import { analyzeFixture } from '../../../support/fixture';
import { assertGolden, goldenCases } from '../../../support/golden';
import { outlineProblems, renderOutline } from '../editorFeatures/support';

const DIR = join('test', 'data', 'ide', 'document-symbols');

for (const { name, path, golden } of goldenCases(DIR, '.outline')) {
  test(`document symbols ${name}`, async () => {
    const fx = await analyzeFixture(readFileSync(path, 'utf8'));
    const { file } = fx.analysis;
    const outline = documentSymbols(file.tree, fx.analysis);
    assert.deepEqual(outlineProblems(outline, file.text.length), []);
    assertGolden(golden, renderOutline(file.text, outline));
  });
}

test('without the model the outline has the same shape; `use`d names are plain types', async () => {
  const fx = await analyzeFixture(readFileSync(join(DIR, 'interface.wit'), 'utf8'));
  const { file } = fx.analysis;
  const shape = (ss: OutlineSymbol[]): unknown => ss.map((s) => [s.name, shape(s.children)]);
  const withModel = documentSymbols(file.tree, fx.analysis);
  const syntaxOnly = documentSymbols(parse(file.text));
  assert.deepEqual(shape(syntaxOnly), shape(withModel));
  const use = syntaxOnly[1].children[0];
  assert.deepEqual(use.children.map((c) => `${c.kind} ${c.name}`), ['type base', 'type h']);
  const useModel = withModel[1].children[0];
  assert.deepEqual(useModel.children.map((c) => `${c.kind} ${c.name}`), ['record base', 'resource h']);
});

test('an item being typed still appears, named as well as can be', () => {
  const text = 'package a:b;\ninterface i {\n  record r {\n    x: u32,\n';
  const outline = documentSymbols(parse(text));
  assert.deepEqual(outlineProblems(outline, text.length), []);
  assert.equal(outline[1].name, 'i');
  assert.equal(outline[1].children[0].name, 'r');
  assert.equal(outline[1].children[0].children[0].name, 'x');
});
