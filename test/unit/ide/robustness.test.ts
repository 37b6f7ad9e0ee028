// Every editor feature at every offset of mutated corpus files: nothing throws, nothing hangs
// (the test would time out), and every position returned lies inside the file it names.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { abiInlayHints } from '../../../server/src/ide/abiInlayHints';
import { layoutViewAt } from '../../../server/src/ide/abiLayoutView';
import { codeActions, fileDiagnostics } from '../../../server/src/ide/codeActions';
import { completion } from '../../../server/src/ide/completion';
import { documentSymbols } from '../../../server/src/ide/documentSymbols';
import { foldingRanges } from '../../../server/src/ide/folding';
import { formatDocument, formatOnType, formatRange } from '../../../server/src/ide/formatting';
import { hover } from '../../../server/src/ide/hover';
import { abiHoverSection } from '../../../server/src/ide/abiHover';
import { inlayHints } from '../../../server/src/ide/inlayHints';
import {
  documentHighlights, documentLinks, findReferences, gotoDeclaration, gotoDefinition, gotoTypeDefinition,
} from '../../../server/src/ide/navigation';
import { prepareRename, rename } from '../../../server/src/ide/rename';
import { selectionRanges } from '../../../server/src/ide/selectionRanges';
import { semanticTokens } from '../../../server/src/ide/semanticTokens';
import { signatureHelp } from '../../../server/src/ide/signatureHelp';
import { analyzeFixture } from '../../support/fixture';
import { rng } from '../../support/random';
import { SHARED, SHARED_MISSING, filesUnder, sharedAvailable } from '../../support/shared';
import { outOfBounds } from './editorFeatures/support';

const MUTATIONS = ['{', '}', '(', ')', '<', '>', ';', ':', ',', '.', '@', '=', '->', '%', '/*', '//', '\n', 'use ', 'type ', 'func', 'interface ', 'world ', 'import ', 'package a:b;', 'x'];

function mutate(text: string, r: ReturnType<typeof rng>): string {
  let out = text;
  for (let i = 0, n = 1 + r.int(3); i < n; i++) {
    const at = r.int(out.length + 1);
    out = r.next() < 0.5 ? out.slice(0, at) + r.pick(MUTATIONS) + out.slice(at) : out.slice(0, at) + out.slice(at + 1 + r.int(8));
  }
  return out;
}

test('every feature at every offset of mutated files: no exception, positions inside the file', { skip: !sharedAvailable() && SHARED_MISSING, timeout: 600_000 }, async () => {
  const r = rng();
  const sources = [
    ...filesUnder(join(SHARED, 'conformance', 'wit-parser', 'tests', 'ui')),
    ...filesUnder(join(SHARED, 'abi')),
  ].map((f) => readFileSync(f, 'utf8')).filter((t) => t.length > 80 && t.length < 1500);
  let calls = 0;
  let files = 0;
  const check = (what: string, text: string, start: number, end: number) => {
    const [problem] = outOfBounds(text, [{ start, end }], what);
    assert.ok(problem === undefined, problem);
  };
  for (let k = 0; k < 80; k++) {
    const text = mutate(r.pick(sources), r);
    const fixture = `//- /wit/a.wit\n${text.replace(/\$0/g, '')}\n//- /wit/deps/dep/d.wit\npackage dep:d@1.0.0;\ninterface i { record r { a: u32 } f: func() -> r; }\n`;
    const fx = await analyzeFixture(fixture);
    const a = fx.analysis;
    const t = a.file.text;
    const len = t.length;
    const inUnit = (file: string, s: number, e: number, what: string) => {
      const other = fx.files[file];
      assert.ok(other !== undefined, `${what}: unknown file ${file}`);
      check(what, other, s, e);
    };
    files++;
    for (const tok of semanticTokens(a.file.tree, a)) check('semantic token', t, tok.start, tok.start + tok.length);
    for (const s of documentSymbols(a.file.tree, a)) check('symbol', t, s.range.start, s.range.end);
    for (const f of foldingRanges(a.file.tree)) check('fold', t, f.start, f.end);
    for (const l of documentLinks(a)) check('link', t, l.range.start, l.range.end);
    for (const h of [...inlayHints(a, { start: 0, end: len }, { typeAliases: true, useOrigins: true }), ...abiInlayHints(a, { start: 0, end: len })]) check('inlay', t, h.offset, h.offset);
    for (const e of formatDocument(a.file.tree) ?? []) check('format', t, e.start, e.end);
    for (const d of fileDiagnostics(a)) {
      for (const action of codeActions(a, d)) for (const fe of action.edits) for (const e of fe.edits) inUnit(fe.file, e.start, e.end, 'code action');
    }
    for (let offset = 0; offset <= len; offset++) {
      const h = hover(a, offset, { abi: abiHoverSection });
      if (h) check('hover', t, h.range.start, h.range.end);
      for (const nav of [gotoDefinition, gotoDeclaration, gotoTypeDefinition]) for (const n of nav(a, offset)) inUnit(n.file, n.range.start, n.range.end, 'navigation');
      for (const o of findReferences(a, offset, true)) inUnit(o.file, o.range.start, o.range.end, 'references');
      for (const o of documentHighlights(a, offset)) check('highlight', t, o.range.start, o.range.end);
      const c = completion(a, a.file.tree, offset);
      for (const item of c.items) check('completion', t, item.start, c.cursor);
      const sh = signatureHelp(a.file.tree, offset);
      void sh;
      const pr = prepareRename(a, offset);
      if ('range' in pr) {
        check('prepareRename', t, pr.range.start, pr.range.end);
        const rn = rename(a, offset, 'fresh-name');
        if ('changes' in rn) for (const fe of rn.changes) for (const e of fe.edits) inUnit(fe.file, e.start, e.end, 'rename');
      }
      layoutViewAt(a, offset);
      for (const e of formatOnType(a.file.tree, offset, '}') ?? []) check('on-type format', t, e.start, e.end);
      calls += 12;
    }
    for (const sel of selectionRanges(a.file.tree, Array.from({ length: len + 1 }, (_, i) => i))) for (const s of sel) check('selection', t, s.start, s.end);
    for (const e of formatRange(a.file.tree, Math.floor(len / 3), Math.floor((2 * len) / 3)) ?? []) check('range format', t, e.start, e.end);
  }
  console.log(`# ide robustness: ${files} mutated files (seed ${r.seed}), ${calls} feature calls at every offset, no exception, every position inside its file`);
});
