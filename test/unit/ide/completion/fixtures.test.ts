// Completion fixtures: each file under test/data/ide/completion has a `$0` cursor; the list a
// client would show (label, kind, detail, in ranking order) is compared with the `.txt` golden
// next to it (UPDATE_GOLDEN=1 rewrites them).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertGolden, goldenCases } from '../../../support/golden';
import { complete, render } from './support';

const DIR = join('test', 'data', 'ide', 'completion');

for (const { name, path, golden } of goldenCases(DIR, '.txt')) {
  test(`completion ${name}`, async () => {
    const { list } = await complete(readFileSync(path, 'utf8'));
    assertGolden(golden, render(list));
  });
}
