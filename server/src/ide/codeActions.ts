// Code actions: quick fixes keyed on diagnostic codes (did you mean, add a missing `use`, remove an
// unused `use`, add the package header, kebab-case an identifier, escape a keyword, drop a stray
// `;`, enable a feature, write a package name in lowercase) and one refactor (merge `use`
// statements from the same interface). Each action says which diagnostics it fixes and carries
// its edits per file, or a command the client runs.

import type { Diagnostic } from '../base/diagnostic';
import { basename, dirname } from '../base/paths';
import {
  SyntaxKind as K, SyntaxNode, SyntaxToken, TextEdit, identifierError, isTrivia, keywordKind, rootNode, type SyntaxTree,
  suggestKebab,
} from '../syntax';
import { compareVersions } from '../semantics/gates';
import type { InterfaceMemberHir, Range, UseHir } from '../semantics/hir';
import { type Interface, type Package, type Resolution, type World, packageId } from '../semantics/model';
import { closestName } from '../semantics/suggest';
import { unusedUses } from '../semantics/unusedUses';
import { Analysis, declarations, declarationsInFile, fileByPath, references, referencesInFile, symbolAt } from './analysis';
import { FileEdits, rename } from './rename';

export type CodeActionKind = 'quickfix' | 'refactor.rewrite';

export interface CodeAction {
  title: string;
  kind: CodeActionKind;
  /** The diagnostics the action fixes. */
  diagnostics: Diagnostic[];
  edits: FileEdits[];
  /** A command for the client to run instead of (or after) the edits. */
  command?: { command: string; title: string; arguments: unknown[] };
  isPreferred?: boolean;
}

/** The client command that adds a feature to the `wit.features` setting; its argument is the feature name. */
export const ENABLE_FEATURE_COMMAND = 'wit.enableFeature';

const PRIMITIVES = new Set([
  'bool', 's8', 'u8', 's16', 'u16', 's32', 'u32', 's64', 'u64', 'f32', 'f64', 'char', 'string', 'error-context',
]);

const unusedCache = new WeakMap<Resolution, Map<string, Diagnostic[]>>();

/**
 * Every diagnostic of the file the actions can act on, for callers without a unit check (the
 * server passes its check's list): syntax errors, the resolver's, and the `unused-use` hints.
 */
export function fileDiagnostics(a: Analysis): Diagnostic[] {
  let unused = unusedCache.get(a.resolution);
  if (!unused) unusedCache.set(a.resolution, (unused = unusedUses(a.resolution)));
  const resolved = a.resolution.diagnostics.get(a.file.path) ?? [];
  return [...a.file.syntaxErrors, ...resolved, ...(unused.get(a.file.path) ?? [])].sort((x, y) => x.start - y.start);
}

/**
 * The actions for a range of the file (usually the cursor or a selection), for `diagnostics`:
 * the file's diagnostics as its unit check reported them.
 */
export function codeActions(a: Analysis, range: Range, diagnostics: readonly Diagnostic[] = fileDiagnostics(a)): CodeAction[] {
  if (isDependency(a, a.file.path)) return []; // deps/ is read-only
  const here = diagnostics.filter((d) => d.start <= range.end && range.start <= d.end);
  const out: CodeAction[] = [];
  for (const d of here) {
    switch (d.code) {
      case 'unknown-name':
        out.push(...didYouMean(a, d), ...addMissingUse(a, d));
        break;
      case 'unknown-foreign-item':
        out.push(...didYouMean(a, d));
        break;
      case 'unknown-package':
      case 'package-cycle':
        out.push(...nameOwnItem(a, d));
        break;
      case 'unused-use':
        out.push(...removeUnused(a, d));
        break;
      case 'missing-package-header':
        out.push(...addPackageHeader(a, d));
        break;
      case 'invalid-identifier':
        out.push(...kebabCase(a, d));
        break;
      case 'keyword-as-name':
        out.push(...escapeKeyword(a, d));
        break;
      case 'expected-token':
        out.push(...removeStraySemicolon(a, d));
        break;
      case 'package-name-case':
        // Each header of the package has the warning; one action fixes them all.
        addOnce(out, lowercasePackage(a, d), d);
        break;
      case 'gated-reference':
      case 'inactive-feature':
        // A gated-out item in a world is both excluded (a hint) and an error: one action for both.
        addOnce(out, enableFeature(d), d);
        break;
    }
  }
  const unused = diagnostics.filter((d) => d.code === 'unused-use');
  if (unused.length > 1 && here.some((d) => d.code === 'unused-use')) out.push(removeAllUnused(a, unused));
  out.push(...mergeUses(a, range));
  // Never offer an edit to a file under deps/ (a fix elsewhere may reach into one).
  return out.filter((x) => x.edits.every((e) => !isDependency(a, e.file)));
}

// ---------------------------------------------------------------- did you mean

function didYouMean(a: Analysis, d: Diagnostic): CodeAction[] {
  const data = d.data ?? {};
  let suggestion = typeof data.suggestion === 'string' ? data.suggestion : undefined;
  if (!suggestion && d.code === 'unknown-foreign-item' && typeof data.name === 'string') suggestion = foreignSuggestion(a, d, data.name);
  if (!suggestion) return [];
  if (usedNameClashes(a, d.start, suggestion)) return [];
  // A primitive type is a keyword written as it is; any other keyword-named item needs `%`.
  const text = data.kind === 'type' && PRIMITIVES.has(suggestion) ? suggestion : escaped(suggestion);
  return [{
    title: `Change to \`${text}\``,
    kind: 'quickfix',
    diagnostics: [d],
    edits: [{ file: a.file.path, edits: [{ start: d.start, end: d.end, newText: text }] }],
    isPreferred: true,
  }];
}

/** In `use x.{name}` without `as`, the name is also the local one: it must not be taken already. */
function usedNameClashes(a: Analysis, offset: number, suggestion: string): boolean {
  const useName = treeRoot(a).tokenAt(offset)?.parent.parent;
  if (useName?.kind !== K.USE_NAME || useName.firstChild(K.NAME)) return false;
  return ownerAt(a, offset)?.types.has(suggestion) ?? false;
}

/** For `ns:pkg/name` naming a missing interface or world: the closest one the package has. */
function foreignSuggestion(a: Analysis, d: Diagnostic, name: string): string | undefined {
  const path = treeRoot(a).tokenAt(d.start)?.parent.parent;
  if (path?.kind !== K.USE_PATH) return undefined;
  const pkgRef = referencesInFile(a.resolution, a.file.path).find((r) => r.target.kind === 'package' && r.range.start >= path.start && r.range.end <= d.start);
  if (pkgRef?.target.kind !== 'package') return undefined;
  const pkg = pkgRef.target;
  const wantsWorld = path.parent?.kind === K.INCLUDE;
  return closestName(name, wantsWorld ? pkg.worlds.keys() : pkg.interfaces.keys());
}

// ---------------------------------------------------------------- add a missing `use`

/**
 * A type name that does not exist here but is defined by another interface: offer to bring it in
 * with `use`, from this package by its local name or from another package by `ns:pkg/name@v`.
 */
function addMissingUse(a: Analysis, d: Diagnostic): CodeAction[] {
  const data = d.data ?? {};
  if (data.kind !== 'type' || typeof data.name !== 'string') return [];
  const name = data.name;
  const owner = ownerAt(a, d.start);
  if (!owner) return [];
  const members = ownerMembers(owner);
  // A name inside a `use` list is not a missing `use`.
  if (usesAmong(members).some((m) => m.range.start <= d.start && d.start < m.range.end)) return [];
  const ownerPkg = owner.package;
  const out: CodeAction[] = [];
  for (const pkg of a.resolution.packages) {
    for (const iface of pkg.interfaces.values()) {
      const def = iface.types.get(name);
      if (!def || def.body.kind === 'use' || !def.active || iface === owner) continue;
      if (owner.kind === 'interface' && dependsOnInterface(iface, owner)) continue; // would be a `use` cycle
      let path: string;
      if (pkg === ownerPkg) {
        // A top-level `use` of the same name in this file would shadow the interface.
        const shadow = a.resolution.fileScopes.get(a.file.path)?.get(iface.name!);
        if (shadow && shadow !== iface) continue;
        path = escaped(iface.name!);
      } else {
        if (dependsOnPackage(a.resolution, pkg, ownerPkg)) continue; // would be a package cycle
        path = `${pkg.name.namespace}:${pkg.name.name}/${escaped(iface.name!)}${pkg.name.version ? '@' + pkg.name.version : ''}`;
      }
      const edit = useInsertion(a, owner, members, iface, path, escaped(name));
      if (!edit) continue;
      out.push({
        title: `Add \`use ${path}.{${escaped(name)}}\``,
        kind: 'quickfix',
        diagnostics: [d],
        edits: [{ file: a.file.path, edits: [edit] }],
      });
    }
  }
  return out;
}

/** The innermost interface or world of this file around `offset`. */
function ownerAt(a: Analysis, offset: number): Interface | World | undefined {
  let best: Interface | World | undefined;
  for (const symbol of ownersIn(a)) {
    const r = symbol.loc.range;
    if (r.start <= offset && offset < r.end && (!best || r.end - r.start < best.loc.range.end - best.loc.range.start)) best = symbol;
  }
  return best;
}

const ownersCache = new WeakMap<Resolution, Map<string, (Interface | World)[]>>();

/** The interfaces and worlds declared in the file, found once per check (not among all its declarations per diagnostic). */
function ownersIn(a: Analysis): (Interface | World)[] {
  let perFile = ownersCache.get(a.resolution);
  if (!perFile) ownersCache.set(a.resolution, (perFile = new Map()));
  let owners = perFile.get(a.file.path);
  if (!owners) {
    owners = [];
    for (const { symbol } of declarationsInFile(a.resolution, a.file.path)) if (symbol.kind === 'interface' || symbol.kind === 'world') owners.push(symbol);
    perFile.set(a.file.path, owners);
  }
  return owners;
}

const usesCache = new WeakMap<readonly { kind: string }[], UseHir[]>();

/**
 * The `use`s among an owner's members, found once per summary: a file with 50k unknown names in
 * one interface asked for every name, and scanning 50k members each time took 50 s.
 */
function usesAmong(members: readonly { kind: string; range: Range }[]): UseHir[] {
  let uses = usesCache.get(members);
  if (!uses) usesCache.set(members, (uses = members.filter((m): m is UseHir => m.kind === 'use')));
  return uses;
}

function ownerMembers(owner: Interface | World): (InterfaceMemberHir | World['hir']['members'][number])[] {
  if (owner.kind === 'world') return owner.hir.members;
  if (owner.hir.kind === 'interface') return owner.hir.members;
  const label = owner.hir.label;
  const m = owner.world?.hir.members.find((x) => (x.kind === 'import' || x.kind === 'export') && x.ext.kind === 'interface' && x.ext.name === label && x.range.start === owner.loc.range.start);
  return m && (m.kind === 'import' || m.kind === 'export') && m.ext.kind === 'interface' ? m.ext.members : [];
}

function dependsOnInterface(from: Interface, to: Interface): boolean {
  const seen = new Set<Interface>();
  const stack = [from];
  while (stack.length) {
    const i = stack.pop()!;
    if (i === to) return true;
    if (seen.has(i)) continue;
    seen.add(i);
    stack.push(...i.deps);
  }
  return false;
}

function dependsOnPackage(res: Resolution, from: Package, to: Package): boolean {
  const byId = new Map(res.packages.map((p) => [p.id, p]));
  const seen = new Set<Package>();
  const stack = [from];
  while (stack.length) {
    const p = stack.pop()!;
    if (p === to) return true;
    if (seen.has(p)) continue;
    seen.add(p);
    for (const id of p.foreignRefs.keys()) {
      const next = byId.get(id);
      if (next) stack.push(next);
    }
  }
  return false;
}

/**
 * Where the new `use` goes: into an existing `use` of the same interface (its list grows), or
 * as a statement after the last `use` (or first in the body), on its own line when the body
 * spans lines, indented like its neighbours.
 */
function useInsertion(a: Analysis, owner: Interface | World, members: { kind: string; range: Range }[], iface: Interface, path: string, name: string): TextEdit | undefined {
  const text = a.file.text;
  const root = treeRoot(a);
  const uses = usesAmong(members);
  for (const u of uses) {
    const site = u.path.kind === 'local' ? u.path.range : u.path.nameRange;
    const target = referencesInFile(a.resolution, a.file.path).find((r) => r.range.start === site.start && r.range.end === site.end)?.target;
    if (target !== iface || u.attrs.since || u.attrs.unstable) continue;
    const list = root.coveringNode(u.range.start, u.range.end).firstChild(K.USE_NAME_LIST);
    if (!list) continue;
    const names = list.childrenOfKind(K.USE_NAME);
    const last = names[names.length - 1];
    if (last) return { start: last.end, end: last.end, newText: `, ${name}` };
    const open = list.firstToken(K.L_BRACE);
    if (open) return { start: open.end, end: open.end, newText: name };
  }
  const statement = `use ${path}.{${name}};`;
  const lastUse = uses[uses.length - 1];
  if (lastUse) {
    const onItsOwnLine = /^[ \t]*$/.test(text.slice(lineStart(text, lastUse.range.start), lastUse.range.start));
    return onItsOwnLine
      ? { start: lastUse.range.end, end: lastUse.range.end, newText: `\n${indentationAt(text, lastUse.range.start)}${statement}` }
      : { start: lastUse.range.end, end: lastUse.range.end, newText: ` ${statement}` };
  }
  const body = itemList(root, owner);
  const open = body?.firstToken(K.L_BRACE);
  if (!body || !open) return undefined;
  const first = members[0];
  const next = first ? first.range.start : body.lastSignificantToken()?.start ?? open.end;
  if (!text.slice(open.end, next).includes('\n')) return { start: open.end, end: open.end, newText: ` ${statement}` };
  const indent = first ? indentationAt(text, first.range.start) : indentationAt(text, lineStart(text, open.start)) + indentUnit(text);
  return { start: open.end, end: open.end, newText: `\n${indent}${statement}` };
}

/** The `{ ... }` of an interface, a world or an inline interface. */
function itemList(root: SyntaxNode, owner: Interface | World): SyntaxNode | undefined {
  const node = root.coveringNode(owner.loc.range.start, owner.loc.range.end);
  for (const n of node.descendants()) if (n.kind === K.ITEM_LIST) return n;
  return undefined;
}

// ---------------------------------------------------------------- unused `use`

function removeUnused(a: Analysis, d: Diagnostic): CodeAction[] {
  const names = Array.isArray(d.data?.names) ? (d.data!.names as string[]) : [];
  const edits = d.data?.statement ? removeStatement(a, d.start, d.end) : removeUseName(a, d.start);
  if (!edits.length) return [];
  return [{
    title: d.data?.statement ? `Remove unused \`use\` of ${names.map((n) => `\`${n}\``).join(', ')}` : `Remove unused name \`${names[0]}\``,
    kind: 'quickfix',
    diagnostics: [d],
    edits: [{ file: a.file.path, edits }],
    isPreferred: true,
  }];
}

function removeAllUnused(a: Analysis, ds: Diagnostic[]): CodeAction {
  const whole = ds.filter((d) => d.data?.statement);
  const edits: TextEdit[] = whole.flatMap((d) => removeStatement(a, d.start, d.end));
  // Names of one list are removed together, so the commas between them come out right.
  const byList = new Map<SyntaxNode, number[]>();
  const root = treeRoot(a);
  for (const d of ds) {
    if (d.data?.statement) continue;
    const list = useNameAt(root, d.start)?.parent;
    if (!list) continue;
    byList.set(list, [...(byList.get(list) ?? []), d.start]);
  }
  for (const [list, starts] of byList) edits.push(...removeFromList(list, starts));
  return {
    title: 'Remove all unused `use` names in this file',
    kind: 'quickfix',
    diagnostics: ds,
    edits: [{ file: a.file.path, edits: edits.sort((x, y) => x.start - y.start) }],
  };
}

/** Deletes a whole statement, with its line when it has one to itself. */
function removeStatement(a: Analysis, start: number, end: number): TextEdit[] {
  const text = a.file.text;
  let s = start;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  let e = end;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  const ownLine = (s === 0 || text[s - 1] === '\n') && (e === text.length || text[e] === '\n' || text[e] === '\r');
  if (ownLine) {
    if (text[e] === '\r') e++;
    if (text[e] === '\n') e++;
    return [{ start: s, end: e, newText: '' }];
  }
  return [{ start, end: e, newText: '' }];
}

function useNameAt(root: SyntaxNode, offset: number): SyntaxNode | undefined {
  for (let n: SyntaxNode | undefined = root.tokenAt(offset)?.parent; n; n = n.parent) if (n.kind === K.USE_NAME) return n;
  return undefined;
}

function removeUseName(a: Analysis, offset: number): TextEdit[] {
  const list = useNameAt(treeRoot(a), offset)?.parent;
  return list ? removeFromList(list, [offset]) : [];
}

/**
 * Removes the names at `offsets` from a `{a, b, c}` list: a run of removed names followed by a
 * kept one goes up to that one (`a, ` of `{a, b}`); a run at the end goes from the end of the
 * name before it (`, b` of `{a, b}`), so separators, line breaks and a trailing comma stay right.
 */
function removeFromList(list: SyntaxNode, offsets: number[]): TextEdit[] {
  const names = list.childrenOfKind(K.USE_NAME);
  const removed = names.map((n) => offsets.some((o) => n.start <= o && o < n.end));
  const edits: TextEdit[] = [];
  for (let i = 0; i < names.length; i++) {
    if (!removed[i] || (i > 0 && removed[i - 1])) continue;
    let j = i;
    while (j + 1 < names.length && removed[j + 1]) j++;
    if (j + 1 < names.length) edits.push({ start: names[i].start, end: names[j + 1].start, newText: '' });
    else if (i > 0) edits.push({ start: names[i - 1].end, end: names[j].end, newText: '' });
    else edits.push({ start: names[i].start, end: names[j].end, newText: '' }); // every name: leaves `{}`
    i = j;
  }
  return edits;
}

// ---------------------------------------------------------------- package header

/** `package namespace:name;` for a package folder without one, named after its folder. */
function addPackageHeader(a: Analysis, d: Diagnostic): CodeAction[] {
  const header = `package ${guessPackageName(a)};`;
  return [{
    title: `Add \`${header}\``,
    kind: 'quickfix',
    diagnostics: [d],
    edits: [{ file: a.file.path, edits: [{ start: 0, end: 0, newText: `${header}\n\n` }] }],
    isPreferred: true,
  }];
}

/**
 * The namespace most dependencies other than WASI use (a project's packages usually share one),
 * else `local`; the name from the folder (its parent for a `wit/` folder, the file for a single
 * file); a version when `@since` gates need one (the newest they name).
 */
function guessPackageName(a: Analysis): string {
  const counts = new Map<string, number>();
  for (const p of a.resolution.packages) {
    if (p.origin === 'root' || p.name.namespace === 'wasi' || p.name.namespace.startsWith('<')) continue;
    counts.set(p.name.namespace, (counts.get(p.name.namespace) ?? 0) + 1);
  }
  const namespace = [...counts].sort((x, y) => y[1] - x[1])[0]?.[0] ?? 'local';
  const root = a.input.root;
  const folder = root.endsWith('.wit') ? basename(root).slice(0, -4) : basename(root) === 'wit' ? basename(dirname(root)) : basename(root);
  const kebab = suggestKebab(folder);
  const name = kebab && !identifierError(kebab) && keywordKind(kebab) === undefined ? kebab : 'app';
  let version: string | undefined;
  for (const f of a.input.main) {
    for (const m of f.text.matchAll(/@since\s*\(\s*version\s*=\s*([0-9A-Za-z.+-]+)\s*\)/g)) {
      if (!version || compareVersions(m[1], version) > 0) version = m[1];
    }
  }
  return `${namespace}:${name}${version ? '@' + version : ''}`;
}

// ---------------------------------------------------------------- identifiers and keywords

/**
 * `fooBar` → `foo-bar`. A declared name is renamed everywhere it is written (its references carry
 * the same spelling); anything else is fixed where it stands.
 */
function kebabCase(a: Analysis, d: Diagnostic): CodeAction[] {
  const token = treeRoot(a).tokenAt(d.start);
  if (!token || (token.kind !== K.IDENT && token.kind !== K.EXPLICIT_IDENT)) return [];
  const fixed = suggestKebab(token.text.replace(/^%/, ''));
  if (!fixed || identifierError(fixed)) return [];
  const text = escaped(fixed);
  const renamed = rename(a, token.start, fixed);
  const coversToken = 'changes' in renamed &&
    renamed.changes.some((c) => c.file === a.file.path && c.edits.some((e) => e.start === token.start && e.end === token.end));
  const edits = coversToken ? renamed.changes : [{ file: a.file.path, edits: [{ start: token.start, end: token.end, newText: text }] }];
  return [{ title: `Change to \`${text}\` (kebab-case)`, kind: 'quickfix', diagnostics: [d], edits, isPreferred: true }];
}

/** `my:app/types` inside `my:app` (a cycle, or a typo of the package's name): `types`. */
function nameOwnItem(a: Analysis, d: Diagnostic): CodeAction[] {
  const { ownItem, pathStart, pathEnd } = d.data ?? {};
  if (typeof ownItem !== 'string' || typeof pathStart !== 'number' || typeof pathEnd !== 'number') return [];
  const text = escaped(ownItem);
  return [{
    title: `Refer to \`${text}\` by name alone`,
    kind: 'quickfix',
    diagnostics: [d],
    edits: [{ file: a.file.path, edits: [{ start: pathStart, end: pathEnd, newText: text }] }],
    isPreferred: true,
  }];
}

/**
 * `package MY:PKG;`, which component validation rejects: the name in lowercase in every header of
 * the package and every `ns:pkg/...` path that names it. Not offered when that name is taken.
 */
function lowercasePackage(a: Analysis, d: Diagnostic): CodeAction[] {
  const at = symbolAt(a, d.start);
  if (!at || at.symbol.kind !== 'package') return [];
  const pkg = at.symbol;
  const lower = { ...pkg.name, namespace: pkg.name.namespace.toLowerCase(), name: pkg.name.name.toLowerCase() };
  if (a.resolution.packages.some((p) => p.id === packageId(lower))) return [];
  const byFile = new Map<string, TextEdit[]>();
  const sites = [...declarations(pkg).map((l) => ({ file: l.file, range: l.nameRange })), ...references(a.resolution, pkg)];
  for (const { file, range } of sites) {
    const text = fileByPath(a.input, file)?.text;
    if (text === undefined) return [];
    const written = text.slice(range.start, range.end);
    // Only `ns:name`: a version may rightly have capitals (`1.0.0-RC1`).
    const versionAt = written.indexOf('@');
    const head = versionAt < 0 ? written : written.slice(0, versionAt);
    if (head === head.toLowerCase()) continue;
    const edits = byFile.get(file) ?? [];
    edits.push({ start: range.start, end: range.start + head.length, newText: head.toLowerCase() });
    byFile.set(file, edits);
  }
  if (byFile.size === 0) return [];
  return [{
    title: `Write the package name in lowercase: \`${lower.namespace}:${lower.name}\``,
    kind: 'quickfix',
    diagnostics: [d],
    edits: [...byFile].map(([file, edits]) => ({ file, edits })),
    isPreferred: true,
  }];
}

function escapeKeyword(a: Analysis, d: Diagnostic): CodeAction[] {
  const token = treeRoot(a).tokenAt(d.start);
  if (!token || keywordKind(token.text) === undefined) return [];
  return [{
    title: `Escape \`${token.text}\` as \`%${token.text}\``,
    kind: 'quickfix',
    diagnostics: [d],
    edits: [{ file: a.file.path, edits: [{ start: token.start, end: token.start, newText: '%' }] }],
    isPreferred: true,
  }];
}

/** `record r { ... };`: the `;` after a `}` that WIT does not want. */
function removeStraySemicolon(a: Analysis, d: Diagnostic): CodeAction[] {
  const token = treeRoot(a).tokenAt(d.start);
  if (token?.kind !== K.SEMICOLON || token.start !== d.start) return [];
  if (previousSignificant(token)?.kind !== K.R_BRACE) return [];
  return [{
    title: 'Remove the `;` after `}`',
    kind: 'quickfix',
    diagnostics: [d],
    edits: [{ file: a.file.path, edits: [{ start: token.start, end: token.end, newText: '' }] }],
    isPreferred: true,
  }];
}

function previousSignificant(t: SyntaxToken): SyntaxToken | undefined {
  let p = t.prevToken();
  while (p && isTrivia(p.kind)) p = p.prevToken();
  return p;
}

// ---------------------------------------------------------------- features

/** The client adds the feature to `wit.features`; the server then checks again with it on. */
function enableFeature(d: Diagnostic): CodeAction[] {
  const feature = d.data?.feature;
  if (typeof feature !== 'string') return [];
  const title = `Enable feature \`${feature}\` (wit.features)`;
  return [{ title, kind: 'quickfix', diagnostics: [d], edits: [], command: { command: ENABLE_FEATURE_COMMAND, title, arguments: [feature] } }];
}

// ---------------------------------------------------------------- refactor: merge `use`s

/**
 * `use t.{a}; use t.{b};` → `use t.{a, b};`, for the statement at the cursor and the later ones
 * of the same interface or world with the same path. Statements with attributes (different
 * gates) or doc comments (which would be lost) are left alone.
 */
function mergeUses(a: Analysis, range: Range): CodeAction[] {
  const owner = ownerAt(a, range.start);
  if (!owner) return [];
  const root = treeRoot(a);
  const uses = ownerMembers(owner).filter((m): m is UseHir => m.kind === 'use');
  const here = uses.find((u) => u.range.start <= range.start && range.start <= u.range.end);
  if (!here || !mergeable(root, here)) return [];
  const pathText = (u: UseHir) => a.file.text.slice(u.path.range.start, u.path.range.end).replace(/\s+/g, '');
  const same = uses.filter((u) => u !== here && pathText(u) === pathText(here) && mergeable(root, u));
  if (same.length === 0) return [];
  const [first, ...rest] = [here, ...same].sort((x, y) => x.range.start - y.range.start);
  const list = root.coveringNode(first.range.start, first.range.end).firstChild(K.USE_NAME_LIST)!;
  const names = list.childrenOfKind(K.USE_NAME);
  const added = rest.flatMap((u) => root.coveringNode(u.range.start, u.range.end).firstChild(K.USE_NAME_LIST)!.childrenOfKind(K.USE_NAME).map((n) => n.text));
  const at = names.length ? names[names.length - 1].end : list.firstToken(K.L_BRACE)!.end;
  const edits: TextEdit[] = [{ start: at, end: at, newText: (names.length ? ', ' : '') + added.join(', ') }];
  for (const u of rest) edits.push(...removeStatement(a, u.range.start, u.range.end));
  return [{
    title: `Merge the \`use\` statements of \`${pathText(here)}\``,
    kind: 'refactor.rewrite',
    diagnostics: [],
    edits: [{ file: a.file.path, edits: edits.sort((x, y) => x.start - y.start) }],
  }];
}

function mergeable(root: SyntaxNode, u: UseHir): boolean {
  if (u.attrs.since || u.attrs.unstable || u.attrs.deprecated) return false;
  const node = root.coveringNode(u.range.start, u.range.end);
  // A node starts with its leading comments: a `use` that starts with its keyword has none.
  return node.kind === K.USE && node.firstSignificantToken()?.start === node.start && node.firstChild(K.USE_NAME_LIST) !== undefined;
}

// ---------------------------------------------------------------- helpers

/** Adds `actions` for `d`, except that an action already offered (same title) also takes `d`. */
function addOnce(out: CodeAction[], actions: CodeAction[], d: Diagnostic): void {
  for (const action of actions) {
    const same = out.find((o) => o.title === action.title);
    if (same) same.diagnostics.push(d);
    else out.push(action);
  }
}

const roots = new WeakMap<SyntaxTree, SyntaxNode>();

/**
 * One red tree per syntax tree for the actions: a fresh root per diagnostic would rebuild the
 * children along each lookup's path, which over a file of 10,000 syntax errors took minutes.
 */
function treeRoot(a: Analysis): SyntaxNode {
  let root = roots.get(a.file.tree);
  if (!root) roots.set(a.file.tree, (root = rootNode(a.file.tree)));
  return root;
}

function escaped(name: string): string {
  return keywordKind(name) !== undefined ? `%${name}` : name;
}

function isDependency(a: Analysis, path: string): boolean {
  return a.input.deps.some((d) => 'files' in d && d.files.some((f) => f.path === path));
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function indentationAt(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, offset)))![0];
}

/** The file's indentation step: the first indented line's indentation, else two spaces. */
function indentUnit(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}

