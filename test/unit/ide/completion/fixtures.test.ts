// Completion fixtures: each file under test/data/ide/completion has a `$0` cursor; the list a
// client would show (label, kind, detail, in ranking order) is compared with the `.txt` golden
// next to it (UPDATE_GOLDEN=1 rewrites them).

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertGolden } from '../../../support/golden';
import { complete, render } from './support';

const DIR = join('test', 'data', 'ide', 'completion');

for (const name of readdirSync(DIR).filter((n) => n.endsWith('.wit'))) {
  test(`completion ${name}`, async () => {
    const { list } = await complete(readFileSync(join(DIR, name), 'utf8'));
    assertGolden(join(DIR, name.replace(/\.wit$/, '.txt')), render(list));
  });
}
