// Folding ranges over the files under test/data/ide/folding, compared with the `.folding` golden
// next to each (`first-last kind: first line`; UPDATE_GOLDEN=1 rewrites them).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { foldingRanges } from '../../../../server/src/ide/folding';
import { parse } from '../../../../server/src/syntax';
import { assertGolden, goldenCases } from '../../../support/golden';
import { renderFolding } from '../editorFeatures/support';

const DIR = join('test', 'data', 'ide', 'folding');

for (const { name, path, golden } of goldenCases(DIR, '.folding')) {
  test(`folding ranges ${name}`, () => {
    const text = readFileSync(path, 'utf8');
    const ranges = foldingRanges(parse(text));
    for (const r of ranges) assert.ok(0 <= r.start && r.start < r.end && r.end <= text.length);
    assertGolden(golden, renderFolding(text, ranges));
  });
}

test('a closing brace alone on its line stays visible; one after content is folded with it', () => {
  const text = 'interface a {\n  f: func();\n}\ninterface b {\n  g: func(); }\n';
  const lines = renderFolding(text, foldingRanges(parse(text)));
  assert.equal(lines, '1-2: interface a {\n4-5: interface b {\n');
});

test('CRLF line breaks', () => {
  const text = 'interface a {\r\n  f: func();\r\n}\r\n// x\r\n// y\r\n';
  assert.equal(renderFolding(text, foldingRanges(parse(text))), '1-2: interface a {\n4-5 comment: // x\n');
});
