// How long formatting a 10,000-line file takes, canonical and fully re-indented (every line
// changes, so the safety check re-parses the whole result). Prints the figures; the bound only
// catches a pathological slowdown, since test runs are unbundled and share the machine.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { formatDocument } from '../../../../server/src/ide/formatting';
import { parse } from '../../../../server/src/syntax';
import { SHARED, SHARED_MISSING, sharedAvailable } from '../../../support/shared';

test('formatting a 10,000-line file is fast', { skip: !sharedAvailable() && SHARED_MISSING }, () => {
  const canonical = readFileSync(join(SHARED, 'abi', 'enums-large.wit'), 'utf8');
  const reindented = canonical.replace(/^( +)/gm, '$1$1');
  const lines = canonical.split('\n').length;
  for (const [name, text] of [['canonical', canonical], ['re-indented', reindented]] as const) {
    const tree = parse(text);
    const times: number[] = [];
    let edits = 0;
    for (let i = 0; i < 7; i++) {
      const start = performance.now();
      edits = formatDocument(tree)!.length;
      times.push(performance.now() - start);
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`# formatter: ${lines}-line file (${name}, ${edits} edits): first ${times[0].toFixed(0)} ms, median ${sorted[3].toFixed(0)} ms`);
    assert.ok(sorted[3] < 1000, `median ${sorted[3]} ms`);
  }
});
