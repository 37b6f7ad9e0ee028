// The --json ABI report built entry by entry: the same text as JSON.stringify of the whole report,
// later entries replacing earlier ones with the same key in place, and a clean stop past the limit.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JsonReport } from '../../../server/src/cli/jsonReport';

test('the same text as JSON.stringify of the whole report, a repeated key replaced in place', () => {
  const entries: ['types' | 'functions', string, unknown][] = [
    ['types', 'a:b/i/t', { kind: 'record', flat: ['i32', 'i64'], fields: [{ name: 'x', offset: 0 }], note: 'a "quoted"\nline' }],
    ['functions', 'a:b/i/f', { kind: 'freestanding', valid: true, lift: { params: [], results: ['i32'] } }],
    ['types', 'a:b/i/u', { kind: 'enum', case_count: 3 }],
    ['types', 'a:b/i/t', { kind: 'alias:u8', flat: ['i32'] }],
  ];
  const report = new JsonReport(1 << 20);
  const whole = { types: {} as Record<string, unknown>, functions: {} as Record<string, unknown> };
  for (const [section, key, entry] of entries) {
    assert.equal(report.add(section, key, entry), true);
    Object.assign(whole[section], { [key]: entry });
  }
  assert.equal(report.text(), JSON.stringify(whole, null, 2) + '\n');
  assert.equal(new JsonReport(100).text(), JSON.stringify({ types: {}, functions: {} }, null, 2) + '\n');
});

test('past the limit it keeps nothing and refuses more', () => {
  const report = new JsonReport(200);
  assert.equal(report.add('types', 'a:b/i/t', { flat: ['i32'] }), true);
  assert.equal(report.tooLarge, false);
  assert.equal(report.add('types', 'a:b/i/u', { flat: Array(50).fill('i64') }), false);
  assert.equal(report.tooLarge, true);
  assert.equal(report.add('functions', 'a:b/i/f', {}), false);
  assert.equal(report.text(), JSON.stringify({ types: {}, functions: {} }, null, 2) + '\n');
});
