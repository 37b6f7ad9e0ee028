// Semantic tokens over fixtures: each file under test/data/ide/semantic-tokens is a workspace
// whose first file's tokens are compared with the `.tokens` golden next to it
// (`line:col len type [mods] "text"`; UPDATE_GOLDEN=1 rewrites them). Also: names are classified
// by what they resolve to, range requests, and the LSP encoding and deltas.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SemanticToken, TOKEN_TYPES, describeToken, semanticTokens } from '../../../../server/src/ide/semanticTokens';
import { LineIndex } from '../../../../server/src/lsp/lineIndex';
import { encodeTokens, tokenEdits } from '../../../../server/src/lsp/handlers/semanticTokens';
import { parse } from '../../../../server/src/syntax';
import { analyzeFixture } from '../../../support/fixture';
import { assertGolden, goldenCases } from '../../../support/golden';
import { renderTokens, tokenProblems } from '../editorFeatures/support';

const DIR = join('test', 'data', 'ide', 'semantic-tokens');

for (const { name, path, golden } of goldenCases(DIR, '.tokens')) {
  test(`semantic tokens ${name}`, async () => {
    const fx = await analyzeFixture(readFileSync(path, 'utf8'));
    const { file } = fx.analysis;
    const tokens = semanticTokens(file.tree, fx.analysis);
    assert.deepEqual(tokenProblems(file.text, tokens), []);
    assertGolden(golden, renderTokens(file.text, tokens));
  });
}

const tokenOf = (text: string, tokens: SemanticToken[], word: string, nth = 0) => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(word, at + 1);
  const t = tokens.find((x) => x.start === at);
  return t && describeToken(t);
};

test('a name is colored by what it resolves to, across files', async () => {
  const fx = await analyzeFixture(`
//- /wit/main.wit
package demo:app;
interface api {
  use types.{handle, shape};
  type h2 = handle;
  f: func(a: h2, b: shape);
}
//- /wit/types.wit
package demo:app;
interface types {
  resource handle;
  record shape { x: u32 }
}
`);
  const { file } = fx.analysis;
  const withModel = semanticTokens(file.tree, fx.analysis);
  // `h2` is an alias of a resource brought in from another file: it is a resource where used.
  assert.equal(tokenOf(file.text, withModel, 'h2', 1)?.type, 'resource');
  assert.equal(tokenOf(file.text, withModel, 'handle', 1)?.type, 'resource');
  assert.equal(tokenOf(file.text, withModel, 'shape', 1)?.type, 'type');
  // Without the model the same names fall back to what their place in the tree says.
  const syntaxOnly = semanticTokens(file.tree);
  assert.equal(tokenOf(file.text, syntaxOnly, 'h2', 1)?.type, 'type');
  assert.deepEqual(tokenOf(file.text, syntaxOnly, 'h2', 0), { type: 'type', modifiers: ['declaration'] });
});

test('a model of other text is not used (the document changed since the check)', async () => {
  const fx = await analyzeFixture('package demo:app;\ninterface i { resource r; f: func(x: r); }\n');
  const edited = parse(fx.analysis.file.text.replace('interface i', 'interface ii'));
  const tokens = semanticTokens(edited, fx.analysis);
  const r = tokens.find((t) => edited.text.slice(t.start, t.start + t.length) === 'r' && t.start > edited.text.indexOf('x:'));
  assert.equal(r && TOKEN_TYPES[r.type], 'type', 'syntax fallback, not the stale model');
});

test('range requests return the tokens that intersect the range, and only those', async () => {
  const fx = await analyzeFixture(readFileSync(join(DIR, 'cross-file.wit'), 'utf8'));
  const { file } = fx.analysis;
  const all = semanticTokens(file.tree, fx.analysis);
  const start = file.text.indexOf('  move:');
  const end = file.text.indexOf('  resource r');
  const part = semanticTokens(file.tree, fx.analysis, { start, end });
  assert.deepEqual(part, all.filter((t) => t.start + t.length > start && t.start < end));
  assert.ok(part.length > 5);
});

test('LSP encoding is relative to the previous token', () => {
  const text = 'ab cd\n  ef';
  const index = new LineIndex(text);
  const tokens: SemanticToken[] = [
    { start: 0, length: 2, type: 1, modifiers: 0 },
    { start: 3, length: 2, type: 2, modifiers: 1 },
    { start: 8, length: 2, type: 3, modifiers: 3 },
  ];
  assert.deepEqual(encodeTokens(index, tokens), [0, 0, 2, 1, 0, 0, 3, 2, 2, 1, 1, 2, 2, 3, 3]);
});

test('deltas: one edit, whole tokens, that turns the previous data into the new', async () => {
  const source = readFileSync(join(DIR, 'cross-file.wit'), 'utf8');
  const before = await analyzeFixture(source);
  const after = await analyzeFixture(source.replace('  old: func();', '  old: func();\n  newer: func(x: u32);'));
  const encode = (a: typeof before) => encodeTokens(new LineIndex(a.analysis.file.text), semanticTokens(a.analysis.file.tree, a.analysis));
  const prev = encode(before);
  const next = encode(after);
  const edits = tokenEdits(prev, next);
  assert.equal(edits.length, 1);
  const [e] = edits;
  assert.equal(e.start % 5, 0);
  assert.equal(e.deleteCount % 5, 0);
  assert.ok(e.data!.length < next.length / 4, `a small edit (${e.data!.length} of ${next.length} integers)`);
  const applied = [...prev.slice(0, e.start), ...e.data!, ...prev.slice(e.start + e.deleteCount)];
  assert.deepEqual(applied, next);
  assert.deepEqual(tokenEdits(next, next), []);
});
