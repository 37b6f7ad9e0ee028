// Fixture tests of the parser: each input under test/data/parser/{ok,err} is dumped with its
// errors and compared with a `.rast` golden file next to it. Inputs under ok/ must have no errors.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { debugDump, greenText, parse, syntaxErrors } from '../../../server/src/syntax';
import { assertGolden, goldenCases } from '../../support/golden';

const DATA = join('test', 'data', 'parser');

for (const dir of ['ok', 'err']) {
  for (const { name, path, golden } of goldenCases(join(DATA, dir), '.rast')) {
    test(`parser ${dir}/${name}`, () => {
      const text = readFileSync(path, 'utf8');
      const tree = parse(text);
      assert.equal(greenText(tree.green), text);
      const errors = syntaxErrors(tree);
      if (dir === 'ok') assert.deepEqual(errors.map((e) => e.message), []);
      else assert.ok(errors.length > 0, 'an err/ fixture must have errors');
      const dump = debugDump(tree.green) + errors.map((e) => `error ${e.start}..${e.end} [${e.code}]: ${e.message}\n`).join('');
      assertGolden(golden, dump);
    });
  }
}
