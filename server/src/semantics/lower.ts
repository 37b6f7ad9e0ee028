// Lowers a file's green tree into its item summary (hir.ts). Walks green nodes directly, keeping
// offsets by hand, because this runs over every file of a workspace. Incomplete syntax lowers to
// what can be read from it: a missing name drops the item (its syntax error is reported already)
// and a missing type becomes `missing`.

import {
  GreenElement, GreenNode, GreenToken, SyntaxKind as K, SyntaxTree, greenWidth, isGreenNode,
} from '../syntax';
import type {
  Attrs, CaseHir, Docs, ExternHir, FieldHir, FileHir, FuncHir, FuncKind, ImportExportHir,
  IncludeHir, InterfaceHir, InterfaceMemberHir, MemberHir, NestedPackageHir, PackageDeclHir,
  PackageName, ParamHir, PrimName, Range, TopItemHir, TopUseHir, TypeDefBody, TypeDefHir, TypeExpr,
  UseHir, UsePathHir, WorldHir, WorldMemberHir,
} from './hir';

/** A green node with its absolute start offset. */
interface At {
  node: GreenNode;
  start: number;
}

function end(at: At): number {
  return at.start + at.node.width;
}

function range(at: At): Range {
  return { start: at.start, end: at.start + at.node.width };
}

function childNodes(at: At): At[] {
  const out: At[] = [];
  let o = at.start;
  for (const c of at.node.children) {
    if (isGreenNode(c)) out.push({ node: c, start: o });
    o += greenWidth(c);
  }
  return out;
}

function child(at: At, kind: K): At | undefined {
  let o = at.start;
  for (const c of at.node.children) {
    if (isGreenNode(c) && c.kind === kind) return { node: c, start: o };
    o += greenWidth(c);
  }
  return undefined;
}

function hasToken(at: At, kind: K): boolean {
  for (const c of at.node.children) if (!isGreenNode(c) && c.kind === kind) return true;
  return false;
}

function tokenRange(at: At, kind: K): Range | undefined {
  let o = at.start;
  for (const c of at.node.children) {
    if (!isGreenNode(c) && c.kind === kind) return { start: o, end: o + c.text.length };
    o += greenWidth(c);
  }
  return undefined;
}

/** The significant tokens directly inside `at`, with offsets. */
function tokens(at: At): { token: GreenToken; start: number }[] {
  const out: { token: GreenToken; start: number }[] = [];
  let o = at.start;
  for (const c of at.node.children) {
    if (!isGreenNode(c) && c.kind > K.BLOCK_COMMENT) out.push({ token: c, start: o });
    o += greenWidth(c);
  }
  return out;
}

/** The identifier inside a NAME or NAME_REF node, without a leading `%`. */
function identText(at: At): { name: string; range: Range } | undefined {
  let o = at.start;
  for (const c of at.node.children) {
    if (!isGreenNode(c) && c.kind > K.BLOCK_COMMENT) {
      const text = c.text.startsWith('%') ? c.text.slice(1) : c.text;
      return { name: text, range: { start: o, end: o + c.text.length } };
    }
    o += greenWidth(c);
  }
  return undefined;
}

function nameOf(at: At, kind: K = K.NAME): { name: string; range: Range } | undefined {
  const n = child(at, kind);
  return n ? identText(n) : undefined;
}

/** Doc comments: the comments an item node starts with, processed like wit-parser does. */
export function docsOf(at: At): Docs | undefined {
  const comments: string[] = [];
  let o = at.start;
  let first = -1;
  let last = -1;
  for (const c of at.node.children) {
    if (isGreenNode(c) || c.kind > K.BLOCK_COMMENT) break;
    if (c.kind !== K.WHITESPACE) {
      if (first < 0) first = o;
      last = o + c.text.length;
      comments.push(c.text);
    }
    o += c.text.length;
  }
  if (comments.length === 0) return undefined;
  const text = docText(comments);
  return text === undefined ? undefined : { text, range: { start: first, end: last } };
}

/** Strips comment markers and the common indentation, as wit-parser's `docs()` does. */
export function docText(comments: string[]): string | undefined {
  let docs = comments.map((c) =>
    (c.startsWith('/**') ? c.slice(3, c.endsWith('*/') ? -2 : undefined) : c.replace(/^\/+/, '')).replace(/\s+$/, ''),
  );
  const indents = docs.filter((d) => d.length > 0).map((d) => /^\s*/.exec(d)![0].length);
  const min = indents.length ? Math.min(...indents) : 0;
  if (min > 0) {
    const pad = ' '.repeat(min);
    docs = docs.map((d) => (d.startsWith(pad) ? d.slice(min) : d));
  }
  let out = '';
  for (const d of docs) {
    if (d.length === 0) out += '\n';
    else for (const line of d.split('\n')) out += line.replace(/\r$/, '') + '\n';
  }
  return out.replace(/\n+$/, '');
}

function attrsOf(at: At): Attrs {
  const attrs: Attrs = { repeated: [] };
  for (const a of childNodes(at)) {
    if (a.node.kind !== K.ATTRIBUTE) continue;
    const toks = tokens(a);
    const name = toks[1]?.token.text;
    const r = range(a);
    let key: 'since' | 'unstable' | 'deprecated' | 'externalId' | undefined;
    let value: string | undefined;
    if (name === 'since' || name === 'deprecated') {
      key = name;
      const v = child(a, K.VERSION);
      value = v ? versionText(v) : undefined;
    } else if (name === 'unstable') {
      key = 'unstable';
      const f = child(a, K.NAME_REF);
      value = f ? identText(f)?.name : undefined;
    } else if (name === 'external-id') {
      key = 'externalId';
      const s = toks.find((t) => t.token.kind === K.STRING);
      value = s ? unquote(s.token.text) : undefined;
    }
    if (!key || value === undefined) continue;
    if (attrs[key]) attrs.repeated.push({ name: name!, range: r });
    else attrs[key] = { value, range: r };
  }
  return attrs;
}

function unquote(s: string): string {
  const body = s.slice(1, s.endsWith('"') && s.length > 1 ? -1 : undefined);
  return body.replace(/\\(u\{([0-9a-fA-F_]+)\}|[0-9a-fA-F]{2}|.)/g, (_m, esc: string, hex?: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex.replace(/_/g, ''), 16));
    if (/^[0-9a-fA-F]{2}$/.test(esc)) return String.fromCharCode(parseInt(esc, 16));
    return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[esc] ?? esc;
  });
}

/** The text of a VERSION node (its tokens, without trivia). */
function versionText(at: At): string {
  return tokens(at).map((t) => t.token.text).join('');
}

function packageNameOf(at: At): { name: PackageName; range: Range } | undefined {
  const toks = tokens(at);
  const ids = toks.filter((t) => t.token.kind === K.IDENT || t.token.kind === K.EXPLICIT_IDENT);
  if (ids.length < 2 || !hasToken(at, K.COLON)) return undefined;
  const strip = (s: string) => (s.startsWith('%') ? s.slice(1) : s);
  const v = child(at, K.VERSION);
  const name: PackageName = { namespace: strip(ids[0].token.text), name: strip(ids[1].token.text) };
  if (v) name.version = versionText(v);
  return { name, range: { start: ids[0].start, end: v ? end(v) : ids[1].start + ids[1].token.text.length } };
}

function usePath(at: At | undefined): UsePathHir | undefined {
  if (!at) return undefined;
  const pkg = child(at, K.PACKAGE_NAME);
  const ref = nameOf(at, K.NAME_REF);
  if (!ref) return undefined;
  if (!pkg) return { kind: 'local', name: ref.name, range: ref.range };
  const p = packageNameOf(pkg);
  if (!p) return undefined;
  const v = child(at, K.VERSION);
  if (v) p.name.version = versionText(v);
  return {
    kind: 'foreign',
    package: p.name,
    packageRange: p.range,
    name: ref.name,
    nameRange: ref.range,
    versionRange: v ? range(v) : undefined,
    range: range(at),
  };
}

const PRIM_BY_KIND: Partial<Record<K, PrimName>> = {
  [K.BOOL_KW]: 'bool', [K.S8_KW]: 's8', [K.U8_KW]: 'u8', [K.S16_KW]: 's16', [K.U16_KW]: 'u16',
  [K.S32_KW]: 's32', [K.U32_KW]: 'u32', [K.S64_KW]: 's64', [K.U64_KW]: 'u64', [K.F32_KW]: 'f32',
  [K.F64_KW]: 'f64', [K.CHAR_KW]: 'char', [K.STRING_KW]: 'string',
  [K.ERROR_CONTEXT_KW]: 'error-context',
};

const TYPE_KINDS = new Set<K>([
  K.PRIMITIVE_TYPE, K.NAMED_TYPE, K.LIST_TYPE, K.MAP_TYPE, K.OPTION_TYPE, K.RESULT_TYPE,
  K.TUPLE_TYPE, K.FUTURE_TYPE, K.STREAM_TYPE, K.HANDLE_TYPE,
]);

function typeChildren(at: At): At[] {
  return childNodes(at).filter((c) => TYPE_KINDS.has(c.node.kind));
}

function missing(at: number): TypeExpr {
  return { kind: 'missing', range: { start: at, end: at } };
}

export function typeExpr(at: At | undefined, fallbackOffset: number): TypeExpr {
  if (!at) return missing(fallbackOffset);
  const r = range(at);
  const args = () => typeChildren(at);
  switch (at.node.kind) {
    case K.PRIMITIVE_TYPE: {
      const t = tokens(at)[0];
      const name = t && PRIM_BY_KIND[t.token.kind];
      return name ? { kind: 'prim', name, range: r } : missing(at.start);
    }
    case K.NAMED_TYPE: {
      const n = nameOf(at, K.NAME_REF);
      return n ? { kind: 'named', name: n.name, range: n.range } : missing(at.start);
    }
    case K.LIST_TYPE: {
      const [elem] = args();
      const len = tokens(at).find((t) => t.token.kind === K.INTEGER);
      const out: TypeExpr = { kind: 'list', elem: typeExpr(elem, end(at)), range: r };
      if (len) {
        out.length = Number(len.token.text);
        out.lengthRange = { start: len.start, end: len.start + len.token.text.length };
      }
      return out;
    }
    case K.MAP_TYPE: {
      const [key, value] = args();
      return { kind: 'map', key: typeExpr(key, end(at)), value: typeExpr(value, end(at)), range: r };
    }
    case K.OPTION_TYPE:
      return { kind: 'option', inner: typeExpr(args()[0], end(at)), range: r };
    case K.RESULT_TYPE: {
      const a = args();
      if (!hasToken(at, K.L_ANGLE)) return { kind: 'result', range: r };
      if (hasToken(at, K.UNDERSCORE)) return { kind: 'result', err: typeExpr(a[0], end(at)), range: r };
      return { kind: 'result', ok: typeExpr(a[0], end(at)), err: a[1] ? typeExpr(a[1], end(at)) : undefined, range: r };
    }
    case K.TUPLE_TYPE:
      return { kind: 'tuple', items: args().map((t) => typeExpr(t, end(at))), range: r };
    case K.FUTURE_TYPE:
    case K.STREAM_TYPE: {
      const [inner] = args();
      const kind = at.node.kind === K.FUTURE_TYPE ? 'future' : 'stream';
      return { kind, inner: inner ? typeExpr(inner, end(at)) : undefined, range: r };
    }
    case K.HANDLE_TYPE: {
      const n = nameOf(at, K.NAME_REF);
      if (!n) return missing(at.start);
      return { kind: 'handle', own: hasToken(at, K.OWN_KW), resource: n.name, resourceRange: n.range, range: r };
    }
  }
  return missing(at.start);
}

function funcType(at: At | undefined, base: Omit<FuncHir, 'params' | 'result' | 'async'>): FuncHir {
  const f: FuncHir = { ...base, async: false, params: [] };
  if (!at) return f;
  const asyncTok = tokenRange(at, K.ASYNC_KW);
  if (asyncTok) {
    f.async = true;
    f.asyncRange = asyncTok;
  }
  fillSignature(f, at);
  return f;
}

/** Reads PARAM_LIST and RESULT_TYPE_CLAUSE children of `at` into `f`. */
function fillSignature(f: FuncHir, at: At): void {
  const params = child(at, K.PARAM_LIST);
  if (params) {
    for (const p of childNodes(params)) {
      if (p.node.kind !== K.PARAM) continue;
      const n = nameOf(p);
      if (!n) continue;
      const param: ParamHir = { name: n.name, nameRange: n.range, type: typeExpr(typeChildren(p)[0], end(p)) };
      f.params.push(param);
    }
  }
  const result = child(at, K.RESULT_TYPE_CLAUSE);
  if (result) f.result = typeExpr(typeChildren(result)[0], end(result));
}

function declared(at: At, name: { name: string; range: Range }) {
  return { name: name.name, nameRange: name.range, range: range(at), docs: docsOf(at), attrs: attrsOf(at) };
}

function member(at: At): MemberHir | undefined {
  const n = nameOf(at);
  return n ? { name: n.name, nameRange: n.range, range: range(at), docs: docsOf(at) } : undefined;
}

function membersOf<T>(list: At | undefined, kind: K, f: (at: At) => T | undefined): T[] {
  if (!list) return [];
  const out: T[] = [];
  for (const c of childNodes(list)) {
    if (c.node.kind !== kind) continue;
    const m = f(c);
    if (m) out.push(m);
  }
  return out;
}

const TYPEDEF_KEYWORD: Partial<Record<K, K>> = {
  [K.TYPE_ALIAS]: K.TYPE_KW, [K.RECORD]: K.RECORD_KW, [K.VARIANT]: K.VARIANT_KW, [K.ENUM]: K.ENUM_KW,
  [K.FLAGS]: K.FLAGS_KW, [K.RESOURCE]: K.RESOURCE_KW,
};

function typedef(at: At): TypeDefHir | undefined {
  const n = nameOf(at);
  if (!n) return undefined;
  const kw = tokenRange(at, TYPEDEF_KEYWORD[at.node.kind]!) ?? n.range;
  let def: TypeDefBody;
  switch (at.node.kind) {
    case K.TYPE_ALIAS:
      def = { kind: 'alias', type: typeExpr(typeChildren(at)[0], end(at)) };
      break;
    case K.RECORD:
      def = {
        kind: 'record',
        fields: membersOf(child(at, K.FIELD_LIST), K.FIELD, (f): FieldHir | undefined => {
          const m = member(f);
          return m && { ...m, type: typeExpr(typeChildren(f)[0], end(f)) };
        }),
      };
      break;
    case K.VARIANT:
      def = {
        kind: 'variant',
        cases: membersOf(child(at, K.CASE_LIST), K.VARIANT_CASE, (c): CaseHir | undefined => {
          const m = member(c);
          const t = typeChildren(c)[0];
          return m && { ...m, type: t ? typeExpr(t, end(c)) : hasToken(c, K.L_PAREN) ? missing(end(c)) : undefined };
        }),
      };
      break;
    case K.ENUM:
      def = { kind: 'enum', cases: membersOf(child(at, K.ENUM_CASE_LIST), K.ENUM_CASE, member) };
      break;
    case K.FLAGS:
      def = { kind: 'flags', flags: membersOf(child(at, K.FLAG_LIST), K.FLAG, member) };
      break;
    default: {
      const funcs: FuncHir[] = [];
      const body = child(at, K.RESOURCE_BODY);
      for (const c of body ? childNodes(body) : []) {
        const kind: FuncKind | undefined =
          c.node.kind === K.CONSTRUCTOR ? 'constructor'
            : c.node.kind === K.METHOD ? 'method'
              : c.node.kind === K.STATIC_METHOD ? 'static' : undefined;
        if (!kind) continue;
        if (kind === 'constructor') {
          const kwr = tokenRange(c, K.CONSTRUCTOR_KW)!;
          const f: FuncHir = {
            kind: 'func', funcKind: 'constructor', name: 'constructor', nameRange: kwr, range: range(c),
            docs: docsOf(c), attrs: attrsOf(c), async: false, params: [],
          };
          fillSignature(f, c);
          funcs.push(f);
          continue;
        }
        const fname = nameOf(c);
        if (!fname) continue;
        funcs.push(funcType(child(c, K.FUNC_TYPE), { kind: 'func', funcKind: kind, ...declared(c, fname) }));
      }
      def = { kind: 'resource', funcs };
    }
  }
  return { kind: 'typedef', def, keywordRange: kw, ...declared(at, n) };
}

function useItem(at: At): UseHir | undefined {
  const path = usePath(child(at, K.USE_PATH));
  if (!path) return undefined;
  const names = membersOf(child(at, K.USE_NAME_LIST), K.USE_NAME, (u) => {
    const n = nameOf(u, K.NAME_REF);
    if (!n) return undefined;
    const alias = nameOf(u, K.NAME);
    return { name: n.name, nameRange: n.range, alias: alias?.name, aliasRange: alias?.range };
  });
  return { kind: 'use', path, names, range: range(at), attrs: attrsOf(at) };
}

function interfaceMembers(list: At | undefined): InterfaceMemberHir[] {
  const out: InterfaceMemberHir[] = [];
  for (const c of list ? childNodes(list) : []) {
    const k = c.node.kind;
    if (k === K.USE) {
      const u = useItem(c);
      if (u) out.push(u);
    } else if (k === K.FUNC) {
      const n = nameOf(c);
      if (n) out.push(funcType(child(c, K.FUNC_TYPE), { kind: 'func', funcKind: 'freestanding', ...declared(c, n) }));
    } else if (TYPEDEF_KEYWORD[k] !== undefined) {
      const t = typedef(c);
      if (t) out.push(t);
    }
  }
  return out;
}

function externOf(at: At): ExternHir | undefined {
  const ext = childNodes(at).find((c) =>
    c.node.kind === K.EXTERN_PATH || c.node.kind === K.EXTERN_FUNC ||
    c.node.kind === K.EXTERN_INTERFACE || c.node.kind === K.EXTERN_LABELED_PATH);
  if (!ext) return undefined;
  switch (ext.node.kind) {
    case K.EXTERN_PATH: {
      const path = usePath(child(ext, K.USE_PATH));
      return path && { kind: 'path', path };
    }
    case K.EXTERN_FUNC: {
      const n = nameOf(ext);
      if (!n) return undefined;
      const func = funcType(child(ext, K.FUNC_TYPE), {
        kind: 'func', funcKind: 'freestanding', name: n.name, nameRange: n.range, range: range(at),
        docs: docsOf(at), attrs: attrsOf(at),
      });
      return { kind: 'func', func };
    }
    case K.EXTERN_INTERFACE: {
      const n = nameOf(ext);
      return n && { kind: 'interface', name: n.name, nameRange: n.range, members: interfaceMembers(child(ext, K.ITEM_LIST)) };
    }
    default: {
      const n = nameOf(ext);
      const path = usePath(child(ext, K.USE_PATH));
      return n && path && { kind: 'labeled', name: n.name, nameRange: n.range, path };
    }
  }
}

function worldMembers(list: At | undefined): WorldMemberHir[] {
  const out: WorldMemberHir[] = [];
  for (const c of list ? childNodes(list) : []) {
    const k = c.node.kind;
    if (k === K.IMPORT || k === K.EXPORT) {
      const ext = externOf(c);
      if (ext) {
        const item: ImportExportHir = { kind: k === K.IMPORT ? 'import' : 'export', ext, range: range(c), docs: docsOf(c), attrs: attrsOf(c) };
        out.push(item);
      }
    } else if (k === K.USE) {
      const u = useItem(c);
      if (u) out.push(u);
    } else if (k === K.INCLUDE) {
      const path = usePath(child(c, K.USE_PATH));
      if (!path) continue;
      const names = membersOf(child(c, K.INCLUDE_NAME_LIST), K.INCLUDE_NAME, (n) => {
        const from = nameOf(n, K.NAME_REF);
        const to = nameOf(n, K.NAME);
        return from && to ? { name: from.name, nameRange: from.range, as: to.name, asRange: to.range } : undefined;
      });
      const inc: IncludeHir = { kind: 'include', path, names, range: range(c), attrs: attrsOf(c) };
      out.push(inc);
    } else if (TYPEDEF_KEYWORD[k] !== undefined) {
      const t = typedef(c);
      if (t) out.push(t);
    }
  }
  return out;
}

function topItems(list: At[]): TopItemHir[] {
  const out: TopItemHir[] = [];
  for (const c of list) {
    switch (c.node.kind) {
      case K.INTERFACE: {
        const n = nameOf(c);
        if (n) out.push({ kind: 'interface', members: interfaceMembers(child(c, K.ITEM_LIST)), ...declared(c, n) } satisfies InterfaceHir);
        break;
      }
      case K.WORLD: {
        const n = nameOf(c);
        if (n) out.push({ kind: 'world', members: worldMembers(child(c, K.ITEM_LIST)), ...declared(c, n) } satisfies WorldHir);
        break;
      }
      case K.TOPLEVEL_USE: {
        const path = usePath(child(c, K.USE_PATH));
        if (!path) break;
        const alias = nameOf(c);
        const u: TopUseHir = {
          kind: 'top-use', path, alias: alias?.name, aliasRange: alias?.range, range: range(c),
          hasAttrs: child(c, K.ATTRIBUTE) !== undefined,
        };
        out.push(u);
        break;
      }
    }
  }
  return out;
}

function packageDecl(at: At): PackageDeclHir | undefined {
  const pn = child(at, K.PACKAGE_NAME);
  const p = pn && packageNameOf(pn);
  return p && { name: p.name, nameRange: p.range, range: range(at), docs: docsOf(at) };
}

export function lowerFile(tree: SyntaxTree): FileHir {
  const root: At = { node: tree.green, start: 0 };
  const hir: FileHir = { items: [], nested: [] };
  const kids = childNodes(root);
  let seenItem = false;
  for (const c of kids) {
    if (c.node.kind === K.PACKAGE_DECL) {
      // Only a header before every other item counts; a later one is a syntax error.
      if (!seenItem && !hir.packageDecl) hir.packageDecl = packageDecl(c);
    } else if (c.node.kind === K.NESTED_PACKAGE) {
      const decl = packageDecl(c);
      const list = child(c, K.ITEM_LIST);
      if (decl) {
        const nested: NestedPackageHir = { decl, items: topItems(list ? childNodes(list) : []), range: range(c) };
        hir.nested.push(nested);
      }
    }
    if (c.node.kind !== K.ERROR) seenItem = true;
  }
  hir.items = topItems(kids);
  return hir;
}

export type { GreenElement };
