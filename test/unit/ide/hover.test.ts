// Hover fixtures: each file under test/data/ide/hover has a `$0` cursor; the Markdown hover is
// compared with the `.md` golden next to it (UPDATE_GOLDEN=1 rewrites them).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { abiHoverSection } from '../../../server/src/ide/abiHover';
import { hover } from '../../../server/src/ide/hover';
import { analyzeFixture } from '../../support/fixture';
import { assertGolden, goldenCases } from '../../support/golden';

const DIR = join('test', 'data', 'ide', 'hover');

for (const { name, path, golden } of goldenCases(DIR, '.md')) {
  test(`hover ${name}`, async () => {
    const fx = await analyzeFixture(readFileSync(path, 'utf8'));
    const h = hover(fx.analysis, fx.offset);
    assert.ok(h, 'a hover is shown');
    assertGolden(golden, h.contents + '\n');
  });
}

// With the Canonical ABI section (one fixture per kind of type and function).
const ABI_DIR = join('test', 'data', 'ide', 'hover-abi');
for (const { name, path, golden } of goldenCases(ABI_DIR, '.md')) {
  test(`hover with ABI ${name}`, async () => {
    const fx = await analyzeFixture(readFileSync(path, 'utf8'));
    const h = hover(fx.analysis, fx.offset, { abi: abiHoverSection });
    assert.ok(h, 'a hover is shown');
    assert.match(h.contents, /Canonical ABI|offset|case \d|bit \d/, 'the ABI section is there');
    assertGolden(golden, h.contents + '\n');
  });
}
