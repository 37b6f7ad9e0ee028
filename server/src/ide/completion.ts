// Completion: what may be written at the cursor, read from the current syntax tree (which is
// usually broken while typing) and filled with names from the unit's last check — keywords that
// start items, types in scope, interface and world paths of the package and of every other
// package of the unit, names of `use` and `include … with` lists, attributes and snippets.
// Items are filtered by their kebab-case parts and ranked; documentation is computed only on
// request (completionDocs in completion/docs.ts) from the id each item carries.

import { keepShape } from '../base/shapes';
import { SyntaxKind as K, SyntaxToken, SyntaxTree, rootNode } from '../syntax';
import type { Interface, Package, TypeDef, World } from '../semantics/model';
import { underlyingDefMemo } from '../semantics/model';
import { Analysis, typeKeyword } from './analysis';
import { ATTRIBUTES, BUILTIN_TYPES, EXTERN_SNIPPETS, ITEM_KEYWORDS, ITEM_SNIPPETS } from './completion/catalog';
import { Context, Site, completionSite } from './completion/context';
import { docId, typeDocId } from './completion/docs';
import { Tier, matchTier } from './completion/matching';
import {
  Place, ScopeType, localItems, locate, otherPackages, ownerName, resolvePathText, typesInScope,
} from './completion/scope';
import { ITEM_CONTAINERS, Word, nameText } from './cursor';
import { renderTy } from './render';

export { completionDocs } from './completion/docs';

export type CompletionKind =
  | 'keyword' | 'snippet' | 'builtin' | 'record' | 'variant' | 'enum' | 'flags' | 'resource' | 'alias'
  | 'type' | 'interface' | 'world' | 'attribute' | 'function' | 'value';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Text that replaces [start, cursor) — a snippet with tab stops when `snippet` is set. */
  insertText: string;
  snippet?: boolean;
  /** Where the replaced text starts: the word at the cursor, or a whole path being typed. */
  start: number;
  /** What the client should filter on, when it differs from the label. */
  filterText?: string;
  sortText: string;
  /** For completionDocs(). */
  docId?: string;
  deprecated?: boolean;
}

export interface CompletionList {
  items: CompletionItem[];
  cursor: number;
  /** End of the word at the cursor: what a completion replaces in "replace" mode. */
  wordEnd: number;
}

/**
 * Completions at `offset` of `tree`. `tree` is the current text of `a.file`, which may be newer
 * than the resolution in `a` (names are then one edit old; nothing here relies on offsets of `a`).
 */
export function completion(a: Analysis, tree: SyntaxTree, offset: number, options: CompletionOptions = {}): CompletionList {
  const root = rootNode(tree);
  const cs = completionSite(root, offset);
  const place = locate(a, cs.site);
  const out = new Collector(tree.text, cs.cursor.offset, cs.word);
  const env: Env = {
    a, place, site: cs.site, out, word: cs.word, prev: cs.cursor.prev, text: tree.text, cursor: cs.cursor.offset,
    itemSnippets: options.itemSnippets ?? true, underlying: underlyingDefMemo(),
  };
  for (const ctx of cs.contexts) addContext(env, ctx);
  out.items.sort((x, y) => (x.sortText < y.sortText ? -1 : x.sortText > y.sortText ? 1 : 0));
  return { items: out.items, cursor: cs.cursor.offset, wordEnd: Math.max(cs.word.end, cs.cursor.offset) };
}

export interface CompletionOptions {
  /**
   * Offer snippets for whole items (`record`, `name: func`, ...). Off when the editor has the
   * same snippets of its own (VS Code's snippets/wit.json), which would otherwise show twice.
   */
  itemSnippets?: boolean;
}

interface Env {
  itemSnippets: boolean;
  a: Analysis;
  place: Place;
  site: Site;
  out: Collector;
  word: Word;
  prev: SyntaxToken | undefined;
  text: string;
  cursor: number;
  /** underlyingDef for this request: types in scope often share their chains of `use`s and aliases. */
  underlying: (def: TypeDef) => TypeDef;
}

/** Ranking groups within a match tier: what is most likely wanted first. */
const enum Group {
  Primary = 0,
  Secondary = 1,
  Tertiary = 2,
  Last = 3,
}

interface AddOptions {
  group: Group;
  /** The text matched against what is typed (default: the label). */
  match?: string;
  /** A tier computed by the caller (paths match part by part). */
  tier?: Tier;
  /** Position within the group, for lists with a natural order (the built-in types); else by label. */
  order?: number;
  start?: number;
  insert?: string;
  snippet?: boolean;
  detail?: string;
  docId?: string;
  deprecated?: boolean;
}

/** Gathers the items of one request, filtering and ranking each against what is typed. */
class Collector {
  readonly items: CompletionItem[] = [];
  private readonly seen = new Set<string>();
  private readonly typedWord: string;

  constructor(
    private readonly text: string,
    private readonly cursor: number,
    private readonly word: Word,
  ) {
    this.typedWord = word.text;
  }

  add(label: string, kind: CompletionKind, o: AddOptions): void {
    const start = o.start ?? this.word.start;
    const typed = start === this.word.start ? this.typedWord : this.text.slice(start, this.cursor);
    const tier = o.tier ?? matchTier(typed, o.match ?? label);
    if (tier === undefined) return;
    const key = `${kind}\u0000${label}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const item: CompletionItem = { label, kind, insertText: o.insert ?? label, start, sortText: `${tier}${o.group}${String(o.order ?? 0).padStart(3, '0')}${label}` };
    if (o.snippet) item.snippet = true;
    if (o.detail) item.detail = o.detail;
    if (o.match && o.match !== label) item.filterText = o.match;
    if (o.docId) item.docId = o.docId;
    if (o.deprecated) item.deprecated = true;
    this.items.push(item);
  }
}

keepShape(new Collector('', 0, { start: 0, end: 0, text: '' }));

function addContext(env: Env, ctx: Context): void {
  switch (ctx.kind) {
    case 'item': return itemStart(env, ctx);
    case 'func-type': return funcTypes(env, ctx);
    case 'extern-label': return externLabel(env, env.word.start);
    case 'extern-snippets':
      if (!env.itemSnippets) return;
      for (const s of EXTERN_SNIPPETS) env.out.add(s.label, 'snippet', { group: Group.Secondary, match: s.keyword, insert: s.body, snippet: true, detail: s.detail });
      return;
    case 'type': return types(env, ctx.position);
    case 'path': return paths(env, ctx);
    case 'keyword':
      for (const w of ctx.words) env.out.add(w, 'keyword', { group: Group.Primary, insert: `${w} `, docId: keywordDocId(w) });
      return;
    case 'use-names': return useNames(env, ctx.path, ctx.listed);
    case 'include-names': return includeNames(env, ctx.path, ctx.listed);
    case 'attribute-name': return attributeNames(env);
    case 'attribute-key': return attributeKey(env, ctx.attr);
    case 'attribute-value': return attributeValue(env, ctx.attr, ctx.start);
  }
}

function itemStart(env: Env, ctx: Extract<Context, { kind: 'item' }>): void {
  const allowed = (kw: string) => kw !== 'package' || ctx.packageAllowed;
  ITEM_KEYWORDS[ctx.container].forEach((kw, order) => {
    if (allowed(kw)) env.out.add(kw, 'keyword', { group: Group.Primary, order, insert: `${kw} `, docId: keywordDocId(kw) });
  });
  if (!env.itemSnippets) return;
  ITEM_SNIPPETS[ctx.container].forEach((s, order) => {
    if (allowed(s.keyword)) env.out.add(s.label, 'snippet', { group: Group.Secondary, order, match: s.keyword, insert: s.body, snippet: true, detail: s.detail });
  });
}

function funcTypes(env: Env, ctx: Extract<Context, { kind: 'func-type' }>): void {
  const words = ctx.after === undefined
    ? ['func', 'async func', ...(ctx.inResource ? ['static func', 'static async func'] : [])]
    : ctx.after === 'static' ? ['func', 'async func'] : ['func'];
  for (const w of words) env.out.add(w, 'keyword', { group: Group.Primary, insert: `${w}($1)$0`, snippet: true, docId: keywordDocId(w) });
}

function externLabel(env: Env, start: number): void {
  for (const w of ['func', 'async func']) {
    env.out.add(w, 'keyword', { group: Group.Primary, start, insert: `${w}($1)$0`, snippet: true, docId: keywordDocId(w) });
  }
  env.out.add('interface', 'keyword', { group: Group.Primary, start, insert: 'interface {\n\t$0\n}', snippet: true, docId: keywordDocId('interface { }') });
}

// ------------------------------------------------------------------------------------ types

const MAP_KEY_PRIMS = new Set(BUILTIN_TYPES.filter((b) => b.mapKey).map((b) => b.label));
/** Ids of fixed items, made once rather than per request. */
const BUILTIN_DOC_IDS = BUILTIN_TYPES.map((b) => docId({ k: 'builtin', name: b.label }));
const keywordDocIds = new Map<string, string>();
const keywordDocId = (name: string) => {
  let id = keywordDocIds.get(name);
  if (!id) keywordDocIds.set(name, (id = docId({ k: 'keyword', name })));
  return id;
};

function types(env: Env, position: Extract<Context, { kind: 'type' }>['position']): void {
  const self = enclosingTypeName(env.prev);
  for (const t of typesInScope(env.place, env.site)) {
    if (t.name === self) continue;
    if (position === 'handle' && !isResourceType(t, env.underlying)) continue;
    if (position === 'map-key' && !isMapKeyType(t, env.underlying)) continue;
    if (t.def) addDef(env, t.name, t.def);
    else env.out.add(t.name, typeKind(t, env.underlying), { group: Group.Primary, detail: typeDetail(t) });
  }
  if (position === 'handle') return;
  if (position === 'result-ok') {
    env.out.add('_', 'keyword', { group: Group.Secondary, detail: 'no ok payload: result<_, E>' });
  }
  BUILTIN_TYPES.forEach((b, order) => {
    if (position === 'map-key' && !b.mapKey) return;
    env.out.add(b.label, 'builtin', {
      group: b.generic ? Group.Tertiary : Group.Secondary,
      order,
      match: b.keyword,
      insert: b.insert,
      snippet: b.snippet,
      detail: b.generic ? 'built-in type' : 'primitive type',
      docId: BUILTIN_DOC_IDS[order],
    });
  });
}

/** What an item for a definition shows, computed once per definition of a check (the resolution outlives many keystrokes). */
interface DefFacts {
  kind: CompletionKind;
  detail: string;
  docId?: string;
  deprecated: boolean;
  active: boolean;
}

const defFacts = new WeakMap<TypeDef, DefFacts>();

function factsOf(def: TypeDef, underlying: (def: TypeDef) => TypeDef): DefFacts {
  let f = defFacts.get(def);
  if (!f) {
    const u = underlying(def).body.kind;
    f = {
      kind: u === 'use' ? 'type' : u,
      detail: defDetail(def, underlying) + (def.active ? '' : ' (inactive feature)'),
      docId: typeDocId(def),
      deprecated: !!def.stability.deprecated,
      active: def.active,
    };
    defFacts.set(def, f);
  }
  return f;
}

function addDef(env: Env, name: string, def: TypeDef): void {
  const f = factsOf(def, env.underlying);
  env.out.add(name, f.kind, { group: f.active ? Group.Primary : Group.Last, detail: f.detail, docId: f.docId, deprecated: f.deprecated });
}

/** The record, variant or alias whose body holds the cursor: offering it would make a cycle. */
function enclosingTypeName(prev: SyntaxToken | undefined): string | undefined {
  for (let n = prev?.parent; n; n = n.parent) {
    if (n.kind === K.TYPE_ALIAS || n.kind === K.RECORD || n.kind === K.VARIANT) return nameText(n);
    if (ITEM_CONTAINERS.has(n.kind)) return undefined;
  }
  return undefined;
}

function isResourceType(t: ScopeType, underlying: (def: TypeDef) => TypeDef): boolean {
  if (t.def) return underlying(t.def).body.kind === 'resource';
  return t.declaredAs === K.RESOURCE || t.declaredAs === K.USE;
}

function isMapKeyType(t: ScopeType, underlying: (def: TypeDef) => TypeDef): boolean {
  if (!t.def) return false;
  const u = underlying(t.def);
  return u.body.kind === 'alias' && u.body.target.kind === 'prim' && MAP_KEY_PRIMS.has(u.body.target.name);
}

const KIND_BY_SYNTAX: Partial<Record<K, CompletionKind>> = {
  [K.RECORD]: 'record', [K.VARIANT]: 'variant', [K.ENUM]: 'enum', [K.FLAGS]: 'flags', [K.RESOURCE]: 'resource', [K.TYPE_ALIAS]: 'alias',
};

function typeKind(t: ScopeType, underlying: (def: TypeDef) => TypeDef): CompletionKind {
  if (t.def) return factsOf(t.def, underlying).kind;
  return (t.declaredAs !== undefined && KIND_BY_SYNTAX[t.declaredAs]) || 'type';
}

/** For a type declared only in the current text: its keyword is all that is known yet. */
function typeDetail(t: ScopeType): string {
  const kind = t.declaredAs === undefined ? undefined : KIND_BY_SYNTAX[t.declaredAs];
  return !kind || kind === 'alias' ? (t.declaredAs === K.USE ? 'use' : 'type') : kind;
}

function defDetail(def: TypeDef, underlying: (def: TypeDef) => TypeDef): string {
  const u = underlying(def);
  const what = u.body.kind === 'alias' ? `type = ${renderTy(u.body.target)}` : typeKeyword(u);
  const from = def.body.kind === 'use' ? def.body.from : undefined;
  return from ? `${what} · from ${from.name ? from.name : ownerName(from)}` : what;
}

// ------------------------------------------------------------------------------------ paths

const PATH_SHAPE = /^(%?[^:/@]*)(?::(%?[^:/@]*)(?:\/(%?[^:/@]*)(?:@(.*))?)?)?$/;

function paths(env: Env, ctx: Extract<Context, { kind: 'path' }>): void {
  const typed = env.text.slice(ctx.start, env.cursor);
  const m = PATH_SHAPE.exec(typed);
  if (!m) return;
  const [, first, pkgName, item, version] = m;
  const wants = (kind: 'interface' | 'world') => ctx.want === 'any' || ctx.want === kind;
  const self = env.place.owner;
  const add = (label: string, kind: 'interface' | 'world', group: Group, tier: Tier | undefined, target: Interface | World | undefined, detail: string) => {
    if (tier === undefined) return;
    env.out.add(label, kind, {
      group, tier, start: ctx.start, match: label, detail,
      docId: target && itemDocId(target),
      deprecated: !!target?.stability.deprecated,
    });
  };
  if (pkgName === undefined && !ctx.topLevel) {
    for (const it of localItems(env.a, env.place, env.site)) {
      if (!wants(it.kind) || (it.target && it.target === self) || (!it.target && it.name === env.site.owner?.name)) continue;
      const detail = it.viaUse && it.target ? `${it.kind} · ${it.target.package.id}` : it.kind;
      add(it.name, it.kind, Group.Primary, matchTier(first, it.name), it.target, detail);
    }
  }
  const others = otherPackages(env.a, env.place.pkg);
  if (pkgName !== undefined && ctx.labelIfUnknownNamespace && !others.some((p) => sameName(p.name.namespace, first))) {
    externLabel(env, env.word.start);
    return;
  }
  for (const p of others) {
    for (const [kind, items] of [['interface', p.interfaces], ['world', p.worlds]] as const) {
      if (!wants(kind)) continue;
      for (const [name, target] of items) {
        const label = pathLabel(p, name);
        add(label, kind, Group.Secondary, pathTier(p, name, first, pkgName, item, version), target, `${kind} · ${p.origin === 'nested' ? 'nested package' : p.origin === 'dependency' ? 'dependency' : 'package'}`);
      }
    }
  }
}

const itemDocIds = new WeakMap<Interface | World, string>();

function itemDocId(target: Interface | World): string | undefined {
  if (target.name === undefined) return undefined;
  let id = itemDocIds.get(target);
  if (!id) itemDocIds.set(target, (id = docId({ k: target.kind, pkg: target.package.id, name: target.name })));
  return id;
}

function pathLabel(p: Package, name: string): string {
  return `${p.name.namespace}:${p.name.name}/${name}${p.name.version ? '@' + p.name.version : ''}`;
}

const sameName = (a: string, b: string) => a.replace(/^%/, '').toLowerCase() === b.replace(/^%/, '').toLowerCase();

/**
 * How `ns:pkg/item@version` matches what is typed, part by part: the parts already finished
 * (followed by `:`, `/` or `@`) must be equal, the part being typed matches by kebab parts.
 * With no `:` typed yet, the namespace or the item name may match (`wasi`, `streams`).
 */
function pathTier(p: Package, item: string, first: string, pkgName?: string, itemTyped?: string, version?: string): Tier | undefined {
  const ns = p.name.namespace;
  if (pkgName === undefined) {
    const byNamespace = matchTier(first, ns);
    if (byNamespace !== undefined) return byNamespace === Tier.Exact ? Tier.Prefix : byNamespace;
    return matchTier(first, item) === undefined ? undefined : Tier.LaterPart;
  }
  if (!sameName(first, ns)) return undefined;
  if (itemTyped === undefined) return matchTier(pkgName, p.name.name);
  if (!sameName(pkgName, p.name.name)) return undefined;
  if (version === undefined) return matchTier(itemTyped, item);
  if (!sameName(itemTyped, item)) return undefined;
  return (p.name.version ?? '').startsWith(version) ? Tier.Prefix : undefined;
}

// ------------------------------------------------------------------------------------ lists

function useNames(env: Env, path: string | undefined, listed: Set<string>): void {
  const target = path ? resolvePathText(env.a, env.place, env.site, path) : undefined;
  if (!target || target.kind !== 'interface') return;
  for (const [name, def] of target.types) if (!listed.has(name)) addDef(env, name, def);
}

function includeNames(env: Env, path: string | undefined, listed: Set<string>): void {
  const target = path ? resolvePathText(env.a, env.place, env.site, path) : undefined;
  if (!target || target.kind !== 'world') return;
  for (const [direction, items] of [['import', target.imports], ['export', target.exports]] as const) {
    for (const [name, item] of items) {
      // Only plain names can be renamed; interfaces imported by path are keyed by their id.
      if (listed.has(name) || name.includes(':')) continue;
      const what = item.kind === 'func' ? 'function' : item.kind;
      env.out.add(name, item.kind === 'func' ? 'function' : item.kind === 'type' ? typeKind({ name, def: item.def }, env.underlying) : 'interface', {
        group: Group.Primary,
        detail: `${direction} ${what}`,
      });
    }
  }
}

// ------------------------------------------------------------------------------------ attributes

function packageVersion(env: Env): string {
  return env.place.pkg?.name.version ?? '0.1.0';
}

function attributeNames(env: Env): void {
  const version = packageVersion(env);
  for (const at of ATTRIBUTES) {
    const insert = at.key === 'version' ? `${at.name}(version = \${1:${version}})`
      : at.key === 'feature' ? `${at.name}(feature = \${1:name})`
        : `${at.name}("$1")`;
    env.out.add(at.name, 'attribute', { group: Group.Primary, insert, snippet: true, detail: `@${insert.replace(/\$\{1:([^}]*)\}|\$1/g, '$1')}`, docId: docId({ k: 'attribute', name: at.name }) });
  }
}

function attributeKey(env: Env, attr: string): void {
  const info = ATTRIBUTES.find((x) => x.name === attr);
  if (!info) return;
  if (info.key === 'version') env.out.add('version', 'keyword', { group: Group.Primary, insert: `version = \${1:${packageVersion(env)}}`, snippet: true, docId: docId({ k: 'attribute', name: attr }) });
  else if (info.key === 'feature') env.out.add('feature', 'keyword', { group: Group.Primary, insert: 'feature = ${1:name}', snippet: true, docId: docId({ k: 'attribute', name: attr }) });
}

function attributeValue(env: Env, attr: string, start: number): void {
  if (attr === 'since' || attr === 'deprecated') {
    const v = env.place.pkg?.name.version;
    if (v) env.out.add(v, 'value', { group: Group.Primary, start, detail: 'the package version' });
    return;
  }
  if (attr !== 'unstable' || !env.place.pkg) return;
  // The resolution may already hold the half-typed name itself as a feature: not a suggestion.
  const typed = env.text.slice(start, env.cursor);
  for (const f of featuresOf(env.place.pkg)) {
    if (f !== typed) env.out.add(f, 'value', { group: Group.Primary, start, detail: 'feature used in this package' });
  }
}

/** Features named by `@unstable` in a package (a scan of its items, only in this rare position). */
function featuresOf(pkg: Package): Set<string> {
  const out = new Set<string>();
  const note = (s: { stability: { kind: string; feature?: string } }) => {
    if (s.stability.kind === 'unstable' && s.stability.feature) out.add(s.stability.feature);
  };
  for (const owner of [...pkg.interfaces.values(), ...pkg.worlds.values()]) {
    note(owner);
    for (const t of owner.types.values()) note(t);
    if (owner.kind === 'interface') for (const f of owner.funcs.values()) note(f);
  }
  return out;
}
