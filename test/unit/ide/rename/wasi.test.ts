// A property test of rename over real WIT: each WASI package of releases 0.2.12 and 0.3.0 (0.2.0
// is almost the same as 0.2.12) is checked in memory as the root of a unit, with the packages it
// depends on under deps/. For every renameable name of the root — interfaces, worlds, types,
// functions, methods, world labels, and every fourth field, case, flag and parameter (they share
// one declaration-only path) — renaming it to a fresh name must leave the unit free of errors,
// with the symbol at the new name having as many references as the old one, and renaming it back
// must give the original text exactly. Prints the figures.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { Analysis, declarationsInFile, references, symbolAt } from '../../../../server/src/ide/analysis';
import { FileEdits, rename } from '../../../../server/src/ide/rename';
import type { Range } from '../../../../server/src/semantics/hir';
import type { Symbol } from '../../../../server/src/semantics/model';
import { SHARED, SHARED_MISSING, filesUnder, sharedAvailable } from '../../../support/shared';
import { SourceCache } from '../../../../server/src/semantics/sources';
import { applyChanges, errorList, recheck } from './edits';

const skip = !sharedAvailable() && SHARED_MISSING;
const PACKAGES = join(SHARED, 'conformance', 'wasi', 'packages');
const RELEASES = ['0.2.12', '0.3.0'];
const MEMBER_KINDS = new Set(['field', 'case', 'flag', 'param']);

/**
 * The files of one release with `root` as the unit's package and the packages it depends on
 * (transitively) under deps/, as a user has them: packages that depend on the root are not there.
 */
function unitFiles(release: string, root: string): Record<string, string> {
  const texts = (pkg: string) => filesUnder(join(PACKAGES, release, pkg)).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  const needed = [root];
  for (let i = 0; i < needed.length; i++) {
    for (const { text } of texts(needed[i])) {
      const code = text.replace(/\/\/.*$/gm, '');
      for (const m of code.matchAll(/\bwasi:([a-z0-9-]+)\//g)) if (!needed.includes(m[1])) needed.push(m[1]);
    }
  }
  const files: Record<string, string> = {};
  for (const pkg of needed) {
    for (const { path, text } of texts(pkg)) files[pkg === root ? `/wit/${basename(path)}` : `/wit/deps/${pkg}/${basename(path)}`] = text;
  }
  // The root's files first: the fixture's first file picks the unit.
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => Number(a.includes('/deps/')) - Number(b.includes('/deps/')) || (a < b ? -1 : 1)));
}

interface Site {
  file: string;
  range: Range;
  what: string;
}

/** Every name of the root package a rename can start from: declarations and members. */
function renameSites(a: Analysis, rootFiles: string[]): Site[] {
  const out: Site[] = [];
  for (const file of rootFiles) {
    for (const { symbol, loc } of declarationsInFile(a.resolution, file)) {
      if (symbol.kind === 'package' || (symbol.kind === 'func' && symbol.funcKind === 'constructor')) continue;
      out.push({ file, range: loc.nameRange, what: symbol.kind });
      if (symbol.kind === 'typedef') {
        const b = symbol.body;
        const members = b.kind === 'record' ? b.fields : b.kind === 'variant' || b.kind === 'enum' ? b.cases : b.kind === 'flags' ? b.flags : [];
        for (const m of members) out.push({ file, range: m.nameRange, what: b.kind === 'record' ? 'field' : b.kind === 'flags' ? 'flag' : 'case' });
      } else if (symbol.kind === 'func') {
        for (const p of symbol.params) out.push({ file, range: p.nameRange, what: 'param' });
      } else if (symbol.kind === 'world') {
        for (const m of symbol.hir.members) {
          if ((m.kind === 'import' || m.kind === 'export') && m.ext.kind === 'labeled') out.push({ file, range: m.ext.nameRange, what: 'label' });
        }
      }
    }
  }
  return out;
}

function usesFromDeps(s: Symbol | undefined): boolean {
  let cur = s;
  while (cur?.kind === 'typedef' && cur.body.kind === 'use' && cur.body.target) cur = cur.body.target;
  return cur?.kind === 'typedef' && cur.owner.package.origin === 'dependency';
}

/** Where `offset` of `file` is after the edits (for an offset at the start of an edited name). */
function shifted(changes: FileEdits[], file: string, offset: number): number {
  const edits = changes.find((c) => c.file === file)?.edits ?? [];
  return offset + edits.filter((e) => e.start < offset).reduce((n, e) => n + e.newText.length - (e.end - e.start), 0);
}

test('renaming any name of a WASI package to a fresh name and back', { skip, timeout: 600_000 }, async () => {
  const figures: string[] = [];
  const failures: string[] = [];
  let total = 0;
  let refusedAsExpected = 0;
  for (const release of RELEASES) {
    for (const root of readdirSync(join(PACKAGES, release)).sort()) {
      const files = unitFiles(release, root);
      const cache = new SourceCache();
      const fx = await recheck(files, cache);
      const baseline = errorList(fx);
      assert.deepEqual(baseline, [], `${release}/${root} should check without errors`);
      const rootFiles = Object.keys(files).filter((p) => !p.includes('/deps/'));
      let member = 0;
      const sites = renameSites(fx.analysisOf(rootFiles[0]), rootFiles).filter((s) => !MEMBER_KINDS.has(s.what) || member++ % 4 === 0);
      const kinds = new Map<string, number>();
      let n = 0;
      for (const site of sites) {
        const label = `${release}/${root} ${site.file}@${site.range.start} ${site.what} \`${files[site.file].slice(site.range.start, site.range.end)}\``;
        const a = fx.analysisOf(site.file);
        const fresh = `renamed-${++n}`;
        const before = symbolAt(a, site.range.start);
        const there = rename(a, site.range.start, fresh);
        if ('error' in there) {
          // A `use` name of a type from deps/ carries that type's name, which is read-only.
          if (/declared in deps\//.test(there.error) && usesFromDeps(before?.symbol)) refusedAsExpected++;
          else failures.push(`${label}: refused: ${there.error}`);
          continue;
        }
        const renamed = applyChanges(files, there.changes);
        const at = shifted(there.changes, site.file, site.range.start);
        const after = await recheck(renamed, cache);
        const afterAnalysis = after.analysisOf(site.file);
        const errors = errorList(after);
        if (errors.length) {
          failures.push(`${label}: errors after renaming to ${fresh}: ${errors.slice(0, 3).join('; ')}`);
          continue;
        }
        if (renamed[site.file].slice(at, at + fresh.length) !== fresh) {
          failures.push(`${label}: the name itself was not renamed`);
          continue;
        }
        if (before) {
          const now = symbolAt(afterAnalysis, at);
          const was = references(a.resolution, before.symbol).length;
          const is = now ? references(afterAnalysis.resolution, now.symbol).length : -1;
          if (is !== was) failures.push(`${label}: ${was} references before, ${is} after`);
        }
        const back = rename(afterAnalysis, at, files[site.file].slice(site.range.start, site.range.end).replace(/^%/, ''));
        if ('error' in back) {
          failures.push(`${label}: renaming back refused: ${back.error}`);
          continue;
        }
        const restored = applyChanges(renamed, back.changes);
        const changed = Object.keys(files).filter((p) => restored[p] !== files[p]);
        if (changed.length) failures.push(`${label}: renaming back does not restore ${changed.join(', ')}`);
        kinds.set(site.what, (kinds.get(site.what) ?? 0) + 1);
        total++;
      }
      figures.push(`${release}/${root}: ${sites.length} names (${[...kinds].map(([k, v]) => `${v} ${k}`).join(', ')})`);
    }
  }
  console.log(`# rename: ${total} renames to a fresh name and back over the WASI packages, ${failures.length} failures; ${refusedAsExpected} \`use\` names of deps/ types refused as read-only`);
  for (const f of figures) console.log(`#   ${f}`);
  assert.deepEqual(failures, []);
});
