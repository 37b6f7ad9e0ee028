// Incremental re-checking must give exactly what a full check gives: random edits inside
// function signatures and doc comments (re-resolved for the edited file alone) and edits that
// change what other files see (checked in full), compared on diagnostics and references.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { checkUnit } from '../../../server/src/semantics/check';
import { memoryFileSystem } from '../../../server/src/semantics/fileSystem';
import type { Resolution, Symbol } from '../../../server/src/semantics/model';
import { Workspace } from '../../../server/src/semantics/workspace';
import { parse } from '../../../server/src/syntax';
import { rng } from '../../support/random';
import { SHARED, SHARED_MISSING, filesUnder, sharedAvailable } from '../../support/shared';

const OPTIONS = { features: new Set<string>(), allFeatures: false };

function describe(s: Symbol): string {
  const loc = s.kind === 'package' ? s.decls[0] : s.loc;
  return `${s.kind}:${'name' in s ? s.name : ''}@${loc?.file}:${loc?.nameRange.start}`;
}

function summary(res: Resolution, diagnostics: Map<string, { code: string; start: number; end: number; message: string }[]>): string {
  const ds = [...diagnostics].sort().map(([f, list]) => `${f}\n${list.map((d) => `  ${d.start}-${d.end} ${d.code} ${d.message}`).join('\n')}`);
  const refs = res.references.map((r) => `${r.file}:${r.range.start}-${r.range.end} ${r.role ?? ''} -> ${describe(r.target)}`).sort();
  return ds.join('\n') + '\n--\n' + refs.join('\n');
}

/** A workspace over files in memory, where edits arrive as open buffers. */
function workspaceOf(files: Record<string, string>) {
  const ws = new Workspace(memoryFileSystem(files), OPTIONS);
  return ws;
}

test('random edits: incremental re-checks equal full checks', { skip: !sharedAvailable() && SHARED_MISSING }, async () => {
  const r = rng();
  const layout = join(SHARED, 'conformance', 'wasi', 'layouts', 'http-proxy-0.2.12', 'wit');
  const files: Record<string, string> = {};
  for (const f of filesUnder(layout)) files['/ws/' + relative(layout, f)] = readFileSync(f, 'utf8');
  const paths = Object.keys(files).filter((p) => /func\(/.test(files[p]));
  const ws = workspaceOf(files);
  const root = '/ws';
  await ws.check(root);
  let edits = 0;
  for (let i = 0; i < 60; i++) {
    const path = r.pick(paths);
    const text = files[path];
    const funcs = [...text.matchAll(/func\(/g)].map((m) => m.index! + 5);
    const at = r.pick(funcs);
    const kinds = [
      `extra-${i}: u32, `, // a new parameter
      `bad-${i}: nope-${i}, `, // an unknown type: an error in this file only
      '', // a doc comment, below
    ];
    let next: string;
    const k = r.int(kinds.length);
    if (k < 2) next = text.slice(0, at) + kinds[k] + text.slice(at);
    else {
      const line = text.lastIndexOf('\n', at) + 1;
      next = text.slice(0, line) + `  /// note ${i}\n` + text.slice(line);
    }
    files[path] = next;
    ws.setOverlay(path, next, parse(next), true);
    const inc = await ws.check(root);
    const full = checkUnit(inc.input, OPTIONS);
    assert.equal(summary(inc.resolution, inc.diagnostics), summary(full.resolution, full.diagnostics), `edit ${i} in ${path}`);
    edits++;
  }
  console.log(`# incremental semantics: ${edits} edits (seed ${r.seed}) equal a full check; ${ws.stats.patched} re-resolved one file, ${ws.stats.full} needed a full check`);
  assert.ok(ws.stats.patched >= edits * 0.8, 'signature and doc edits are re-resolved for the file alone');
});

test('an edit that changes what other files see is checked in full, with the same result', async () => {
  const files = {
    '/ws/a.wit': 'package t:t;\ninterface a {\n  record r { x: u32 }\n  f: func(p: r);\n}\n',
    '/ws/b.wit': 'package t:t;\ninterface b {\n  use a.{r};\n  g: func(p: r) -> r;\n}\n',
  };
  const ws = workspaceOf(files);
  await ws.check('/ws');
  const renamed = files['/ws/a.wit'].replace('record r', 'record s').replace('p: r', 'p: s');
  ws.setOverlay('/ws/a.wit', renamed, parse(renamed), true);
  const inc = await ws.check('/ws');
  assert.equal(ws.stats.full, 1);
  assert.match(inc.diagnostics.get('/ws/b.wit')!.map((d) => d.message).join('\n'), /name `r` does not exist in interface `a`; did you mean `s`\?/);
  const full = checkUnit(inc.input, OPTIONS);
  assert.equal(summary(inc.resolution, inc.diagnostics), summary(full.resolution, full.diagnostics));
});

test('unused-use hints after one-file re-checks equal those of full checks', async () => {
  // `b` brings in x and y, and `c` brings x on from b: whether b's names are used depends on
  // b's own signatures and on c's `use`. Signature edits in b and c are re-resolved one file at a
  // time, so their hints come from the one-file pass, which must agree with the full one.
  const files: Record<string, string> = {
    '/ws/a.wit': 'package t:t;\ninterface a {\n  type x = u32;\n  type y = u32;\n}\n',
    '/ws/b.wit': 'package t:t;\ninterface b {\n  use a.{x, y};\n  f: func();\n}\n',
    '/ws/c.wit': 'package t:t;\ninterface c {\n  use b.{x};\n  g: func();\n}\n',
  };
  const signatures = ['func()', 'func(p: x)', 'func(p: y)', 'func(p: x, q: y)', 'func() -> y'];
  const ws = workspaceOf(files);
  await ws.check('/ws');
  const r = rng();
  let hints = 0;
  for (let i = 0; i < 40; i++) {
    const path = r.pick(['/ws/b.wit', '/ws/c.wit']);
    const next = files[path].replace(/func\([^;]*;/, r.pick(signatures) + ';');
    files[path] = next;
    ws.setOverlay(path, next, parse(next), true);
    const inc = await ws.check('/ws');
    const full = checkUnit(inc.input, OPTIONS);
    assert.equal(summary(inc.resolution, inc.diagnostics), summary(full.resolution, full.diagnostics), `edit ${i} in ${path}`);
    hints += [...inc.diagnostics.values()].flat().filter((d) => d.code === 'unused-use').length;
  }
  assert.ok(ws.stats.patched >= 30, `only ${ws.stats.patched} edits were re-resolved one file at a time`);
  assert.ok(hints > 10, 'the edits make and clear unused-use hints');
});
