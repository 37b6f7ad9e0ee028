// Fixture tests of the formatter: each input test/data/format/NAME.wit is formatted and compared
// with its golden NAME.formatted.wit; the golden must itself be left unchanged (idempotence), and
// the formatted text must keep every token and comment.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { formatDocument, formatText } from '../../../../server/src/ide/formatting';
import { parse } from '../../../../server/src/syntax';
import { assertGolden, goldenCases } from '../../../support/golden';
import { sameTokensAndComments } from './support';

const DATA = join('test', 'data', 'format');

const inputs = goldenCases(DATA, '.formatted.wit', { exclude: (n) => n.endsWith('.formatted.wit') });

test('there are formatter fixtures', () => {
  assert.ok(inputs.length >= 8, `only ${inputs.length} fixtures in ${DATA}`);
});

for (const { name, path, golden } of inputs) {
  test(`format ${name}`, () => {
    const text = readFileSync(path, 'utf8');
    const formatted = formatText(parse(text));
    assert.ok(formatted !== undefined, 'the fixture must have no syntax errors');
    assertGolden(golden, formatted);
    assert.deepEqual(formatDocument(parse(formatted)), [], 'formatting the result again must change nothing');
    assert.deepEqual(sameTokensAndComments(text, formatted), []);
  });
}

test('canonical.wit is already formatted', () => {
  const text = readFileSync(join(DATA, 'canonical.wit'), 'utf8');
  assert.deepEqual(formatDocument(parse(text)), []);
});
