// The outline of a file: packages (nested blocks with their items), top-level `use`s, interfaces
// with their `use`s, types and functions (a record's fields, a variant's, enum's or flags' cases
// and a resource's functions as children), and worlds with their imports, exports, includes and
// types. Built from the syntax tree so that it works on files that do not parse; the model, when
// given, adds what only resolution knows (what a `use`d name is, which interface a local path
// names).

import type { Range } from '../semantics/hir';
import { Symbol, TypeDef, interfaceId, underlyingDefMemo } from '../semantics/model';
import { SyntaxKind as K, SyntaxNode, SyntaxToken, SyntaxTree, isTrivia, rootNode } from '../syntax';
import { Analysis, declarationsInFile, referencesInFile } from './analysis';

export type OutlineKind =
  | 'package' | 'use' | 'interface' | 'world' | 'include'
  | 'type' | 'record' | 'variant' | 'enum' | 'flags' | 'resource'
  | 'function' | 'method' | 'constructor' | 'field' | 'case' | 'flag';

export interface OutlineSymbol {
  name: string;
  kind: OutlineKind;
  /** A signature, a type, or what the item is (`record`, `import`, `use ...`). */
  detail?: string;
  /** The whole item, doc comments and attributes included, without surrounding whitespace. */
  range: Range;
  /** The name (or what stands for it: a path, the `constructor` keyword). */
  selectionRange: Range;
  deprecated?: boolean;
  children: OutlineSymbol[];
}

/** Longer signatures are cut: the outline is for finding things, not for reading them. */
const MAX_DETAIL = 160;

const TYPEDEF_KINDS: Partial<Record<K, OutlineKind>> = {
  [K.TYPE_ALIAS]: 'type', [K.RECORD]: 'record', [K.VARIANT]: 'variant', [K.ENUM]: 'enum',
  [K.FLAGS]: 'flags', [K.RESOURCE]: 'resource',
};

/** What the model knows about this file's names, computed on first use (most outlines never ask). */
interface ModelView {
  refAt(start: number): Symbol | undefined;
  declAt(start: number): Symbol | undefined;
  /** underlyingDef, each chain of `use`s walked once per request. */
  underlying(def: TypeDef): TypeDef;
}

export function documentSymbols(tree: SyntaxTree, model?: Analysis): OutlineSymbol[] {
  let view: ModelView | undefined;
  if (model && model.file.text === tree.text) {
    let refs: Map<number, Symbol> | undefined;
    let decls: Map<number, Symbol> | undefined;
    view = {
      refAt(start) {
        refs ??= new Map(referencesInFile(model.resolution, model.file.path).map((r) => [r.range.start, r.target]));
        return refs.get(start);
      },
      declAt(start) {
        decls ??= new Map(declarationsInFile(model.resolution, model.file.path).map((d) => [d.loc.nameRange.start, d.symbol]));
        return decls.get(start);
      },
      underlying: underlyingDefMemo(),
    };
  }
  return topLevel(rootNode(tree), view);
}

function topLevel(list: SyntaxNode, view: ModelView | undefined): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  for (const node of list.childNodes()) {
    switch (node.kind) {
      case K.PACKAGE_DECL:
      case K.NESTED_PACKAGE: {
        const name = node.firstChild(K.PACKAGE_NAME);
        const items = node.firstChild(K.ITEM_LIST);
        out.push(symbol(node, {
          name: name ? flatText(name) : 'package',
          kind: 'package',
          selection: name ?? keyword(node),
          children: items ? topLevel(items, view) : [],
        }));
        break;
      }
      case K.TOPLEVEL_USE: {
        const path = node.firstChild(K.USE_PATH);
        const alias = nameOf(node);
        const written = path && nameOf(path, K.NAME_REF);
        out.push(symbol(node, {
          name: alias?.name ?? written?.name ?? 'use',
          kind: 'use',
          detail: path ? `use ${flatText(path)}` : 'use',
          selection: alias?.node ?? path ?? keyword(node),
        }));
        break;
      }
      case K.INTERFACE:
      case K.WORLD: {
        const n = nameOf(node);
        const items = node.firstChild(K.ITEM_LIST);
        out.push(symbol(node, {
          name: n?.name,
          kind: node.kind === K.INTERFACE ? 'interface' : 'world',
          detail: gates(node),
          selection: n?.node ?? keyword(node),
          children: items ? members(items, view) : [],
        }));
        break;
      }
    }
  }
  return out;
}

/** Members of an interface, a world or an inline interface. */
function members(list: SyntaxNode, view: ModelView | undefined): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  for (const node of list.childNodes()) {
    const typedefKind = TYPEDEF_KINDS[node.kind];
    if (typedefKind) {
      out.push(typedef(node, typedefKind));
      continue;
    }
    switch (node.kind) {
      case K.USE: out.push(useItem(node, view)); break;
      case K.FUNC: out.push(func(node, 'function')); break;
      case K.IMPORT:
      case K.EXPORT: out.push(importExport(node, view)); break;
      case K.INCLUDE: {
        const path = node.firstChild(K.USE_PATH);
        const names = node.firstChild(K.INCLUDE_NAME_LIST);
        out.push(symbol(node, {
          name: path ? flatText(path) : 'include',
          kind: 'include',
          detail: names ? `include with ${flatText(names)}` : 'include',
          selection: path ?? keyword(node),
        }));
        break;
      }
    }
  }
  return out;
}

function typedef(node: SyntaxNode, kind: OutlineKind): OutlineSymbol {
  const n = nameOf(node);
  const children: OutlineSymbol[] = [];
  const memberList = (listKind: K, memberKind: K, as: OutlineKind, typed: boolean) => {
    const list = node.firstChild(listKind);
    for (const m of list ? list.childrenOfKind(memberKind) : []) {
      const mn = nameOf(m);
      if (!mn) continue;
      const ty = typed ? typeChild(m) : undefined;
      children.push(symbol(m, { name: mn.name, kind: as, detail: ty && flatText(ty), selection: mn.node }));
    }
  };
  let detail: string = kind;
  switch (node.kind) {
    case K.TYPE_ALIAS: {
      const ty = typeChild(node);
      detail = ty ? `type = ${flatText(ty)}` : 'type';
      break;
    }
    case K.RECORD: memberList(K.FIELD_LIST, K.FIELD, 'field', true); break;
    case K.VARIANT: memberList(K.CASE_LIST, K.VARIANT_CASE, 'case', true); break;
    case K.ENUM: memberList(K.ENUM_CASE_LIST, K.ENUM_CASE, 'case', false); break;
    case K.FLAGS: memberList(K.FLAG_LIST, K.FLAG, 'flag', false); break;
    case K.RESOURCE: {
      const body = node.firstChild(K.RESOURCE_BODY);
      for (const f of body ? body.childNodes() : []) {
        if (f.kind === K.CONSTRUCTOR) {
          const params = f.firstChild(K.PARAM_LIST);
          const result = f.firstChild(K.RESULT_TYPE_CLAUSE);
          children.push(symbol(f, {
            name: 'constructor',
            kind: 'constructor',
            detail: cut(`constructor${params ? flatText(params) : '()'}${result ? ` -> ${flatText(result)}` : ''}`),
            selection: keyword(f),
          }));
        } else if (f.kind === K.METHOD || f.kind === K.STATIC_METHOD) children.push(func(f, 'method'));
      }
      break;
    }
  }
  return symbol(node, { name: n?.name, kind, detail, selection: n?.node ?? keyword(node), children });
}

/** A function: `name: func(...)`, a resource method, or `static func(...)`. */
function func(node: SyntaxNode, kind: OutlineKind, prefix = ''): OutlineSymbol {
  const n = nameOf(node);
  const ft = node.firstChild(K.FUNC_TYPE);
  const stat = node.kind === K.STATIC_METHOD ? 'static ' : '';
  return symbol(node, {
    name: n?.name,
    kind,
    detail: cut(prefix + stat + (ft ? flatText(ft) : 'func')),
    selection: n?.node ?? keyword(node),
  });
}

/** `use path.{a, b as c};`: the path, with one child per name brought in. */
function useItem(node: SyntaxNode, view: ModelView | undefined): OutlineSymbol {
  const path = node.firstChild(K.USE_PATH);
  const list = node.firstChild(K.USE_NAME_LIST);
  const children: OutlineSymbol[] = [];
  for (const u of list ? list.childrenOfKind(K.USE_NAME) : []) {
    const original = nameOf(u, K.NAME_REF);
    const alias = nameOf(u);
    const local = alias ?? original;
    if (!local) continue;
    // What the name is comes from the model: the tree only says that it is some type.
    const declared = view?.declAt(local.node.start);
    const target = declared?.kind === 'typedef' && declared.body.kind === 'use' && declared.body.target ? view!.underlying(declared.body.target) : undefined;
    const kind: OutlineKind = target ? typedefKindOf(target.body.kind) : 'type';
    const what = target ? (target.body.kind === 'alias' ? 'type' : target.body.kind) : undefined;
    const detail = alias && original ? `${what ? what + ' ' : ''}${original.name}` : what;
    children.push(symbol(u, { name: local.name, kind, detail, selection: local.node }));
  }
  return symbol(node, {
    name: path ? flatText(path) : 'use',
    kind: 'use',
    detail: 'use',
    selection: path ?? keyword(node),
    children,
  });
}

function typedefKindOf(body: string): OutlineKind {
  switch (body) {
    case 'record': case 'variant': case 'enum': case 'flags': case 'resource': return body;
    default: return 'type';
  }
}

function importExport(node: SyntaxNode, view: ModelView | undefined): OutlineSymbol {
  const dir = node.kind === K.IMPORT ? 'import' : 'export';
  const ext = node.childNodes().find((c) => c.kind === K.EXTERN_PATH || c.kind === K.EXTERN_FUNC || c.kind === K.EXTERN_INTERFACE || c.kind === K.EXTERN_LABELED_PATH);
  switch (ext?.kind) {
    case K.EXTERN_PATH: {
      const path = ext.firstChild(K.USE_PATH);
      // A local name says little about where the interface lives: add its full id.
      const ref = path && path.firstChild(K.PACKAGE_NAME) === undefined ? nameOf(path, K.NAME_REF) : undefined;
      const target = ref && view?.refAt(ref.node.start);
      const id = target?.kind === 'interface' ? ` ${interfaceId(target)}` : '';
      return symbol(node, {
        name: path ? flatText(path) : dir,
        kind: 'interface',
        detail: dir + id,
        selection: path ?? keyword(node),
      });
    }
    case K.EXTERN_FUNC: {
      const s = func(ext, 'function', `${dir} `);
      return symbol(node, { name: s.name, kind: 'function', detail: s.detail, selection: nameOf(ext)?.node ?? keyword(node) });
    }
    case K.EXTERN_INTERFACE: {
      const n = nameOf(ext);
      const items = ext.firstChild(K.ITEM_LIST);
      return symbol(node, {
        name: n?.name,
        kind: 'interface',
        detail: `${dir} interface`,
        selection: n?.node ?? keyword(node),
        children: items ? members(items, view) : [],
      });
    }
    case K.EXTERN_LABELED_PATH: {
      const n = nameOf(ext);
      const path = ext.firstChild(K.USE_PATH);
      return symbol(node, {
        name: n?.name,
        kind: 'interface',
        detail: path ? `${dir} ${flatText(path)}` : dir,
        selection: n?.node ?? keyword(node),
      });
    }
    default:
      return symbol(node, { name: undefined, kind: 'interface', detail: dir, selection: keyword(node) });
  }
}

// ------------------------------------------------------------------ tree helpers

interface SymbolParts {
  name: string | undefined;
  kind: OutlineKind;
  detail?: string;
  selection: SyntaxNode | SyntaxToken;
  children?: OutlineSymbol[];
}

function symbol(node: SyntaxNode, p: SymbolParts): OutlineSymbol {
  const range = itemRange(node);
  // An empty node (a path not written yet) is no selection: the item's keyword is.
  const selection = p.selection.end > p.selection.start ? p.selection : keyword(node);
  let selectionRange = { start: selection.start, end: selection.end };
  // The selection must lie inside the range (a selection made of a node with leading trivia).
  if (selectionRange.start < range.start || selectionRange.end > range.end) selectionRange = { start: range.start, end: range.start };
  const s: OutlineSymbol = {
    // Clients reject empty names; an item being typed may not have one yet.
    name: p.name || '(unnamed)',
    kind: p.kind,
    range,
    selectionRange,
    children: p.children ?? [],
  };
  if (p.detail) s.detail = p.detail;
  if (isDeprecated(node)) s.deprecated = true;
  return s;
}

/** The node without the whitespace around it (its doc comments are part of it). */
function itemRange(node: SyntaxNode): Range {
  const last = node.lastSignificantToken();
  const end = last ? last.end : node.end;
  const first = firstToken(node, (k) => k !== K.WHITESPACE);
  return { start: Math.min(first ? first.start : node.start, end), end };
}

/**
 * The first token of a subtree that passes `wanted`. Walks the child arrays rather than the
 * token generator: the outline of a large file visits tens of thousands of members.
 */
function firstToken(node: SyntaxNode, wanted: (kind: K) => boolean): SyntaxToken | undefined {
  for (const c of node.children()) {
    if (c instanceof SyntaxToken) {
      if (wanted(c.kind)) return c;
    } else {
      const t = firstToken(c, wanted);
      if (t) return t;
    }
  }
  return undefined;
}

const significant = (k: K) => !isTrivia(k);

/** The NAME (or NAME_REF) child's identifier, without a leading `%`. */
function nameOf(node: SyntaxNode, kind: K = K.NAME): { name: string; node: SyntaxNode } | undefined {
  const n = node.firstChild(kind);
  const t = n && firstToken(n, significant);
  if (!n || !t) return undefined;
  return { name: t.text.startsWith('%') ? t.text.slice(1) : t.text, node: n };
}

/** The item's first keyword (or first token): what the selection falls back to without a name. */
function keyword(node: SyntaxNode): SyntaxToken | SyntaxNode {
  for (const c of node.children()) {
    if (c instanceof SyntaxToken && !isTrivia(c.kind)) return c;
  }
  return firstToken(node, significant) ?? node;
}

const TYPE_NODE_KINDS = new Set<K>([
  K.PRIMITIVE_TYPE, K.NAMED_TYPE, K.LIST_TYPE, K.MAP_TYPE, K.OPTION_TYPE, K.RESULT_TYPE,
  K.TUPLE_TYPE, K.FUTURE_TYPE, K.STREAM_TYPE, K.HANDLE_TYPE,
]);

function typeChild(node: SyntaxNode): SyntaxNode | undefined {
  return node.childNodes().find((c) => TYPE_NODE_KINDS.has(c.kind));
}

/** Members (fields, cases, flags) take no attributes: only items are looked at. */
const ATTRIBUTED = new Set<K>([
  K.INTERFACE, K.WORLD, K.TYPE_ALIAS, K.RECORD, K.VARIANT, K.ENUM, K.FLAGS, K.RESOURCE, K.FUNC,
  K.METHOD, K.STATIC_METHOD, K.CONSTRUCTOR, K.IMPORT, K.EXPORT, K.USE, K.INCLUDE,
]);

function isDeprecated(node: SyntaxNode): boolean {
  return ATTRIBUTED.has(node.kind) && node.childrenOfKind(K.ATTRIBUTE).some((a) => a.significantTokens()[1]?.text === 'deprecated');
}

/** `@since(...)` and `@unstable(...)` of an item, as written. */
function gates(node: SyntaxNode): string | undefined {
  const out = node.childrenOfKind(K.ATTRIBUTE)
    .filter((a) => {
      const name = a.significantTokens()[1]?.text;
      return name === 'since' || name === 'unstable';
    })
    .map(flatText);
  return out.length ? out.join(' ') : undefined;
}

const NO_SPACE_AFTER = new Set<K>([K.L_PAREN, K.L_ANGLE, K.L_BRACE, K.AT]);
const NO_SPACE_BEFORE = new Set<K>([K.R_PAREN, K.R_ANGLE, K.R_BRACE, K.COMMA, K.SEMICOLON]);
const CLOSERS = new Set<K>([K.R_PAREN, K.R_ANGLE, K.R_BRACE]);

/**
 * The text of a node on one line: comments dropped, whitespace runs turned into one space (none
 * inside brackets), and a trailing comma before a closing bracket dropped.
 */
export function flatText(node: SyntaxNode): string {
  const toks = [...node.tokens()].filter((t) => t.kind !== K.LINE_COMMENT && t.kind !== K.BLOCK_COMMENT);
  let out = '';
  let prev: SyntaxToken | undefined;
  let space = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind === K.WHITESPACE) {
      space = true;
      continue;
    }
    if (t.kind === K.COMMA) {
      let j = i + 1;
      while (j < toks.length && toks[j].kind === K.WHITESPACE) j++;
      if (j < toks.length && CLOSERS.has(toks[j].kind)) continue;
    }
    if (space && prev && !NO_SPACE_AFTER.has(prev.kind) && !NO_SPACE_BEFORE.has(t.kind)) out += ' ';
    out += t.text;
    prev = t;
    space = false;
  }
  return out;
}

function cut(s: string): string {
  return s.length > MAX_DETAIL ? s.slice(0, MAX_DETAIL - 1) + '…' : s;
}
