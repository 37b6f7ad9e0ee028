// Finds names brought in by `use` that nothing refers to, as `unused-use` hints (faded in the
// editor) that the "remove unused use" quick fix acts on.
//
// What "unused" means here:
// * Only `use` inside interfaces (named or inline in a world) is considered. A name is unused when
//   no reference in the unit targets it: no type expression or handle of its interface, and no
//   other interface or world that brings it in again with `use this-interface.{name}`.
// * Worlds are exempt. A type a world `use`s becomes one of the world's imports by itself (and
//   elaboration imports its interface), so removing it would change what the world imports.
// * Names whose `use` did not resolve are skipped: they already carry an error.
// * Packages from `deps/` are skipped: they are read-only copies, not code being edited.
// When every name of a statement is unused, one hint covers the whole statement (so the editor
// fades all of it); otherwise each unused name gets its own hint.

import type { Diagnostic } from '../base/diagnostic';
import type { UseNameHir } from './hir';
import type { Reference, Resolution, Symbol, TypeDef } from './model';

/** `fileSymbols`: only the hints of these model objects (one file's, after a one-file re-check). */
export function unusedUses(resolution: Resolution, fileSymbols?: readonly Symbol[]): Map<string, Diagnostic[]> {
  const referenced = fileSymbols === undefined ? allReferencedUses(resolution) : referencedIn(resolution);

  // One entry per `use` statement: the statement's range keys it within its file.
  const statements = new Map<string, { file: string; entries: TypeDef[] }>();
  for (const s of fileSymbols ?? resolution.symbols) {
    if (s.kind !== 'typedef' || s.body.kind !== 'use') continue;
    const key = `${s.loc.file}:${s.loc.range.start}`;
    let st = statements.get(key);
    if (!st) statements.set(key, (st = { file: s.loc.file, entries: [] }));
    st.entries.push(s);
  }

  const out = new Map<string, Diagnostic[]>();
  for (const { file, entries } of statements.values()) {
    const owner = entries[0].owner;
    if (owner.kind === 'world' || owner.package.origin === 'dependency') continue;
    const unused = entries.filter((td) =>
      td.body.kind === 'use' && td.body.target !== undefined &&
      // A second definition of the same name cannot be referred to; its clash is an error already.
      owner.types.get(td.name) === td &&
      !referenced.has(td));
    if (unused.length === 0) continue;
    let list = out.get(file);
    if (!list) out.set(file, (list = []));
    if (unused.length === entries.length) {
      const names = unused.map((td) => `\`${td.name}\``).join(', ');
      list.push({
        code: 'unused-use',
        start: entries[0].loc.range.start,
        end: entries[0].loc.range.end,
        message: `unused \`use\`: nothing refers to ${names}`,
        tags: ['unnecessary'],
        data: { names: unused.map((td) => td.name), statement: true },
      });
      continue;
    }
    for (const td of unused) {
      const hir = td.hir as UseNameHir;
      list.push({
        code: 'unused-use',
        start: hir.nameRange.start,
        end: (hir.aliasRange ?? hir.nameRange).end,
        message: `\`${td.name}\` is brought in by \`use\` but nothing refers to it`,
        tags: ['unnecessary'],
        data: { names: [td.name], statement: false },
      });
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start);
  return out;
}

/** The `use` entries that some reference targets, found by one pass over every reference. */
function allReferencedUses(resolution: Resolution): Set<Symbol> {
  const referenced = new Set<Symbol>();
  for (const list of resolution.referencesByFile.values()) {
    for (const r of list) {
      const t = r.target;
      if (t.kind === 'typedef' && t.body.kind === 'use') referenced.add(t);
    }
  }
  return referenced;
}

/**
 * The targets of each file's references, kept with that file's reference list. After an edit
 * only the edited file's list is new (a patch keeps every other list as it was), so a one-file
 * pass looks at that file's references alone instead of all of the unit's (1.5 ms a keystroke in
 * a 50k-line package). The length guards against a list that grew after it was read.
 */
const targetsOfList = new WeakMap<Reference[], { length: number; targets: Set<Symbol> }>();

function targetsOf(list: Reference[]): Set<Symbol> {
  let entry = targetsOfList.get(list);
  if (!entry || entry.length !== list.length) {
    const targets = new Set<Symbol>();
    for (const r of list) targets.add(r.target);
    targetsOfList.set(list, (entry = { length: list.length, targets }));
  }
  return entry.targets;
}

/** A membership test over the targets of every file's references. */
function referencedIn(resolution: Resolution): { has(s: Symbol): boolean } {
  const sets = [...resolution.referencesByFile.values()].map(targetsOf);
  return { has: (s) => sets.some((set) => set.has(s)) };
}
