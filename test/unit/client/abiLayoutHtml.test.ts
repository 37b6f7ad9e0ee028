// The layout view's HTML for layouts the server computes: one byte-map cell per byte (or per
// group of bytes for big types), padding marked, every span in the table, text escaped, no script.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layoutBody, layoutPage } from '../../../client/src/abiLayoutHtml';
import { layoutViewAt } from '../../../server/src/ide/abiLayoutView';
import { analyzeFixture } from '../../support/fixture';

async function viewAt(source: string) {
  const { analysis, offset } = await analyzeFixture(source);
  const view = layoutViewAt(analysis, offset);
  assert.ok(view, 'no layout at the cursor');
  return view;
}

const cells = (html: string) => [...html.matchAll(/<div class="cell ([^"]*)" title="([^"]*)"/g)].map((m) => ({ cls: m[1], title: m[2] }));

test('a record: one cell per byte, padding between fields, spans in the table', async () => {
  const view = await viewAt(`
package t:t;
interface i {
  record p$0air { a: u8, b: u32, c: u16 }
}`);
  const html = layoutBody(view, 'main.wit');
  assert.match(html, /size <b>12<\/b>/);
  assert.match(html, /align <b>4<\/b>/);
  const map = cells(html);
  assert.equal(map.length, 12);
  assert.deepEqual(map.map((c) => c.cls.split(' ')[0]), ['field', 'padding', 'padding', 'padding', 'field', 'field', 'field', 'field', 'field', 'field', 'padding', 'padding']);
  assert.equal(map[4].title, 'byte 4: b (u32)');
  // Neighbouring fields alternate colors, so b and c are told apart.
  assert.notEqual(map[4].cls, map[8].cls);
  for (const label of ['>a<', '>b<', '>c<', '>padding<']) assert.ok(html.includes(label), label);
});

test('a variant: discriminant, payload and the cases as notes', async () => {
  const view = await viewAt(`
package t:t;
interface i {
  variant sh$0ape { none, circle(f64), square(u32) }
}`);
  const html = layoutBody(view, 'main.wit');
  const map = cells(html);
  assert.equal(map.length, 16);
  assert.equal(map[0].cls, 'discriminant');
  assert.equal(map[1].cls, 'padding');
  assert.equal(map[8].cls, 'payload');
  assert.match(html, /case 1 `circle`: f64, 8 bytes at 8/);
});

test('big types draw one cell per group of bytes', async () => {
  const view = await viewAt(`
package t:t;
interface i {
  type bu$0f = list<u64, 100>;
}`);
  const html = layoutBody(view, 'main.wit');
  const map = cells(html);
  assert.ok(map.length <= 256, `${map.length} cells`);
  assert.match(html, /One cell per 4 bytes/);
  assert.equal(map[0].title, 'bytes 0–3: [0] (u64)');
});

test('functions show lifted and lowered core signatures', async () => {
  const view = await viewAt(`
package t:t;
interface i {
  gr$0eet: func(name: string, times: u32) -> string;
}`);
  const html = layoutBody(view, 'main.wit');
  // `->` is escaped like any text of the view.
  assert.match(html, /lifted \(export\)<\/th><td><code>\(i32, i32, i32\) -&#62; i32<\/code>/);
  assert.match(html, /lowered \(import\)/);
});

test('nothing at the cursor gives a hint; names are escaped; the page runs no script', () => {
  const empty = layoutBody(null, 'wit/<a>.wit');
  assert.match(empty, /Put the cursor on a type or function in wit\/&#60;a&#62;\.wit/);
  const page = layoutPage(empty, 'vscode-resource:');
  assert.doesNotMatch(page, /<script/);
  assert.match(page, /Content-Security-Policy" content="default-src 'none'/);
});
