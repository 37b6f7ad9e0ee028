// Lowers a file's green tree into its item summary (hir.ts). This runs over every file of a
// workspace, so it walks green nodes directly, keeping offsets by hand, and scans each node's
// children once. Incomplete syntax lowers to what can be read from it: a missing name drops the
// item (its syntax error is reported already) and a missing type becomes `missing`.

import { GreenElement, GreenNode, SyntaxKind as K, SyntaxTree, isGreenNode } from '../syntax';
import type {
  Attrs, CaseHir, Docs, ExternHir, FieldHir, FileHir, FuncHir, FuncKind, ImportExportHir,
  IncludeHir, InterfaceMemberHir, MemberHir, NestedPackageHir, PackageDeclHir, PackageName,
  ParamHir, PrimName, Range, TopItemHir, TypeDefBody, TypeDefHir, TypeExpr, UseHir, UseNameHir,
  UsePathHir, WorldMemberHir,
} from './hir';

const LAST_TRIVIA = K.BLOCK_COMMENT;

function width(e: GreenElement): number {
  return isGreenNode(e) ? e.width : e.text.length;
}

/** The first child node of `kind` and its start, or undefined. */
function child(node: GreenNode, start: number, kind: K): { node: GreenNode; start: number } | undefined {
  let o = start;
  const kids = node.children;
  for (let i = 0; i < kids.length; i++) {
    const c = kids[i];
    if (isGreenNode(c)) {
      if (c.kind === kind) return { node: c, start: o };
      o += c.width;
    } else o += c.text.length;
  }
  return undefined;
}

/** The identifier of a NAME or NAME_REF node (without a leading `%`), with its range. */
function ident(node: GreenNode, start: number): { name: string; range: Range } | undefined {
  let o = start;
  for (const c of node.children) {
    if (!isGreenNode(c) && c.kind > LAST_TRIVIA) {
      const text = c.text.charCodeAt(0) === 0x25 ? c.text.slice(1) : c.text;
      return { name: text, range: { start: o, end: o + c.text.length } };
    }
    o += width(c);
  }
  return undefined;
}

function nameOf(node: GreenNode, start: number, kind: K = K.NAME): { name: string; range: Range } | undefined {
  const n = child(node, start, kind);
  return n ? ident(n.node, n.start) : undefined;
}

/** Doc comments: the comments an item node starts with, processed like wit-parser does. */
function docsOf(node: GreenNode, start: number): Docs | undefined {
  const kids = node.children;
  const first = kids[0];
  if (!first || isGreenNode(first) || first.kind > LAST_TRIVIA) return undefined;
  let comments: string[] | undefined;
  let o = start;
  let from = -1;
  let to = -1;
  for (const c of kids) {
    if (isGreenNode(c) || c.kind > LAST_TRIVIA) break;
    if (c.kind !== K.WHITESPACE) {
      (comments ??= []).push(c.text);
      if (from < 0) from = o;
      to = o + c.text.length;
    }
    o += c.text.length;
  }
  if (!comments) return undefined;
  return { text: docText(comments), range: { start: from, end: to } };
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;

/** Strips comment markers and the common indentation, as wit-parser's `docs()` does. */
export function docText(comments: string[]): string {
  const docs: string[] = [];
  let min = Infinity;
  for (const c of comments) {
    let s: number;
    let e = c.length;
    if (c.startsWith('/**')) {
      s = 3;
      if (c.endsWith('*/') && e >= 5) e -= 2;
    } else {
      s = 0;
      while (s < e && c.charCodeAt(s) === 0x2f) s++;
    }
    while (e > s && isSpace(c.charCodeAt(e - 1))) e--;
    const d = c.slice(s, e);
    docs.push(d);
    if (d.length > 0) {
      let w = 0;
      while (w < d.length && isSpace(d.charCodeAt(w))) w++;
      if (w < min) min = w;
    }
  }
  let out = '';
  const pad = min > 0 && min !== Infinity ? ' '.repeat(min) : '';
  for (let d of docs) {
    if (pad && d.startsWith(pad)) d = d.slice(pad.length);
    if (d.length === 0) out += '\n';
    else if (d.indexOf('\n') < 0) out += d + '\n';
    else for (const line of d.split('\n')) out += (line.endsWith('\r') ? line.slice(0, -1) : line) + '\n';
  }
  let end = out.length;
  while (end > 0 && out.charCodeAt(end - 1) === 0x0a) end--;
  return out.slice(0, end);
}

const NO_ATTRS: Attrs = Object.freeze({ repeated: [] }) as Attrs;

function attrsOf(node: GreenNode, start: number): Attrs {
  let attrs: Attrs | undefined;
  let o = start;
  for (const c of node.children) {
    if (isGreenNode(c) && c.kind === K.ATTRIBUTE) {
      attrs ??= { repeated: [] };
      readAttribute(c, o, attrs);
    }
    o += width(c);
  }
  return attrs ?? NO_ATTRS;
}

function readAttribute(node: GreenNode, start: number, attrs: Attrs): void {
  let name: string | undefined;
  let value: string | undefined;
  let o = start;
  let significant = 0;
  for (const c of node.children) {
    if (isGreenNode(c)) {
      if (c.kind === K.VERSION && (name === 'since' || name === 'deprecated')) value = versionText(c);
      else if (c.kind === K.NAME_REF && name === 'unstable') value = ident(c, o)?.name;
    } else if (c.kind > LAST_TRIVIA) {
      if (++significant === 2) name = c.text;
      else if (c.kind === K.STRING && name === 'external-id') value = unquote(c.text);
    }
    o += width(c);
  }
  const key = name === 'since' || name === 'deprecated' || name === 'unstable' ? name : name === 'external-id' ? 'externalId' : undefined;
  if (!key || value === undefined) return;
  const range = { start, end: start + node.width };
  if (attrs[key]) attrs.repeated.push({ name: name!, range });
  else attrs[key] = { value, range };
}

function unquote(s: string): string {
  const body = s.slice(1, s.endsWith('"') && s.length > 1 ? -1 : undefined);
  if (body.indexOf('\\') < 0) return body;
  return body.replace(/\\(u\{([0-9a-fA-F_]+)\}|[0-9a-fA-F]{2}|.)/g, (_m, esc: string, hex?: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex.replace(/_/g, ''), 16));
    if (/^[0-9a-fA-F]{2}$/.test(esc)) return String.fromCharCode(parseInt(esc, 16));
    return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[esc] ?? esc;
  });
}

/** The text of a VERSION node (its tokens, without trivia). */
function versionText(node: GreenNode): string {
  let s = '';
  for (const c of node.children) if (!isGreenNode(c) && c.kind > LAST_TRIVIA) s += c.text;
  return s;
}

function packageNameOf(node: GreenNode, start: number): { name: PackageName; range: Range } | undefined {
  let ns: { text: string; start: number } | undefined;
  let pkg: { text: string; start: number } | undefined;
  let colon = false;
  let version: string | undefined;
  let versionEnd = -1;
  let o = start;
  for (const c of node.children) {
    if (isGreenNode(c)) {
      if (c.kind === K.VERSION) {
        version = versionText(c);
        versionEnd = o + c.width;
      }
    } else if (c.kind === K.IDENT || c.kind === K.EXPLICIT_IDENT) {
      const text = c.text.charCodeAt(0) === 0x25 ? c.text.slice(1) : c.text;
      if (!ns) ns = { text, start: o };
      else if (!pkg) pkg = { text, start: o + c.text.length };
    } else if (c.kind === K.COLON) colon = true;
    o += width(c);
  }
  if (!ns || !pkg || !colon) return undefined;
  const name: PackageName = { namespace: ns.text, name: pkg.text };
  if (version !== undefined) name.version = version;
  return { name, range: { start: ns.start, end: versionEnd >= 0 ? versionEnd : pkg.start } };
}

function usePath(found: { node: GreenNode; start: number } | undefined): UsePathHir | undefined {
  if (!found) return undefined;
  const { node, start } = found;
  let pkg: { name: PackageName; range: Range } | undefined;
  let ref: { name: string; range: Range } | undefined;
  let version: string | undefined;
  let versionRange: Range | undefined;
  let o = start;
  for (const c of node.children) {
    if (isGreenNode(c)) {
      if (c.kind === K.PACKAGE_NAME) pkg = packageNameOf(c, o);
      else if (c.kind === K.NAME_REF) ref = ident(c, o);
      else if (c.kind === K.VERSION) {
        version = versionText(c);
        versionRange = { start: o, end: o + c.width };
      }
    }
    o += width(c);
  }
  if (!ref) return undefined;
  if (!pkg) return { kind: 'local', name: ref.name, range: ref.range };
  if (version !== undefined) pkg.name.version = version;
  return {
    kind: 'foreign', package: pkg.name, packageRange: pkg.range, name: ref.name, nameRange: ref.range,
    versionRange, range: { start, end: start + node.width },
  };
}

const PRIM_BY_KIND: Partial<Record<K, PrimName>> = {
  [K.BOOL_KW]: 'bool', [K.S8_KW]: 's8', [K.U8_KW]: 'u8', [K.S16_KW]: 's16', [K.U16_KW]: 'u16',
  [K.S32_KW]: 's32', [K.U32_KW]: 'u32', [K.S64_KW]: 's64', [K.U64_KW]: 'u64', [K.F32_KW]: 'f32',
  [K.F64_KW]: 'f64', [K.CHAR_KW]: 'char', [K.STRING_KW]: 'string',
  [K.ERROR_CONTEXT_KW]: 'error-context',
};

const IS_TYPE: boolean[] = [];
for (const k of [
  K.PRIMITIVE_TYPE, K.NAMED_TYPE, K.LIST_TYPE, K.MAP_TYPE, K.OPTION_TYPE, K.RESULT_TYPE,
  K.TUPLE_TYPE, K.FUTURE_TYPE, K.STREAM_TYPE, K.HANDLE_TYPE,
]) IS_TYPE[k] = true;

function missing(at: number): TypeExpr {
  return { kind: 'missing', range: { start: at, end: at } };
}

/** The first type node among a node's children, lowered. */
function firstType(node: GreenNode, start: number): TypeExpr {
  let o = start;
  for (const c of node.children) {
    if (isGreenNode(c) && IS_TYPE[c.kind]) return typeExpr(c, o);
    o += width(c);
  }
  return missing(start + node.width);
}

export function typeExpr(node: GreenNode, start: number): TypeExpr {
  const range = { start, end: start + node.width };
  const end = range.end;
  const kind = node.kind;
  if (kind === K.PRIMITIVE_TYPE) {
    for (const c of node.children) {
      if (!isGreenNode(c) && c.kind > LAST_TRIVIA) {
        const name = PRIM_BY_KIND[c.kind];
        return name ? { kind: 'prim', name, range } : missing(start);
      }
    }
    return missing(start);
  }
  if (kind === K.NAMED_TYPE) {
    const n = nameOf(node, start, K.NAME_REF);
    return n ? { kind: 'named', name: n.name, range: n.range } : missing(start);
  }
  // Generic types: one scan for their type arguments and marker tokens.
  const args: TypeExpr[] = [];
  let langle = false;
  let underscore = false;
  let own = false;
  let integer: { text: string; start: number } | undefined;
  let ref: { name: string; range: Range } | undefined;
  let o = start;
  for (const c of node.children) {
    if (isGreenNode(c)) {
      if (IS_TYPE[c.kind]) args.push(typeExpr(c, o));
      else if (c.kind === K.NAME_REF) ref = ident(c, o);
    } else if (c.kind === K.L_ANGLE) langle = true;
    else if (c.kind === K.UNDERSCORE) underscore = true;
    else if (c.kind === K.OWN_KW) own = true;
    else if (c.kind === K.INTEGER) integer = { text: c.text, start: o };
    o += width(c);
  }
  const arg = (i: number) => args[i] ?? missing(end);
  switch (kind) {
    case K.LIST_TYPE: {
      const out: TypeExpr = { kind: 'list', elem: arg(0), range };
      if (integer) {
        out.length = Number(integer.text);
        out.lengthRange = { start: integer.start, end: integer.start + integer.text.length };
      }
      return out;
    }
    case K.MAP_TYPE: return { kind: 'map', key: arg(0), value: arg(1), range };
    case K.OPTION_TYPE: return { kind: 'option', inner: arg(0), range };
    case K.RESULT_TYPE:
      if (!langle) return { kind: 'result', range };
      if (underscore) return { kind: 'result', err: arg(0), range };
      return { kind: 'result', ok: arg(0), err: args[1], range };
    case K.TUPLE_TYPE: return { kind: 'tuple', items: args, range };
    case K.FUTURE_TYPE: return { kind: 'future', inner: args[0], range };
    case K.STREAM_TYPE: return { kind: 'stream', inner: args[0], range };
    case K.HANDLE_TYPE:
      return ref ? { kind: 'handle', own, resource: ref.name, resourceRange: ref.range, range } : missing(start);
  }
  return missing(start);
}

/** Reads `async`, the parameters and the result of a FUNC_TYPE (or a CONSTRUCTOR) node. */
function readSignature(f: FuncHir, node: GreenNode, start: number): void {
  let o = start;
  for (const c of node.children) {
    if (isGreenNode(c)) {
      if (c.kind === K.PARAM_LIST) readParams(f.params, c, o);
      else if (c.kind === K.RESULT_TYPE_CLAUSE) f.result = firstType(c, o);
    } else if (c.kind === K.ASYNC_KW) {
      f.async = true;
      f.asyncRange = { start: o, end: o + c.text.length };
    }
    o += width(c);
  }
}

function readParams(out: ParamHir[], list: GreenNode, start: number): void {
  let o = start;
  for (const p of list.children) {
    if (isGreenNode(p) && p.kind === K.PARAM) {
      let name: { name: string; range: Range } | undefined;
      let type: TypeExpr | undefined;
      let q = o;
      for (const c of p.children) {
        if (isGreenNode(c)) {
          if (c.kind === K.NAME) name = ident(c, q);
          else if (!type && IS_TYPE[c.kind]) type = typeExpr(c, q);
        }
        q += width(c);
      }
      if (name) out.push({ name: name.name, nameRange: name.range, type: type ?? missing(o + p.width) });
    }
    o += width(p);
  }
}

function newFunc(node: GreenNode, start: number, funcKind: FuncKind, name: { name: string; range: Range }): FuncHir {
  return {
    kind: 'func', funcKind, name: name.name, nameRange: name.range, range: { start, end: start + node.width },
    docs: docsOf(node, start), attrs: attrsOf(node, start), async: false, params: [],
  };
}

/** A FUNC or a resource METHOD/STATIC_METHOD: `name: [static] [async] func(...)`. */
function funcItem(node: GreenNode, start: number, funcKind: FuncKind): FuncHir | undefined {
  const name = nameOf(node, start);
  if (!name) return undefined;
  const f = newFunc(node, start, funcKind, name);
  const sig = child(node, start, K.FUNC_TYPE);
  if (sig) readSignature(f, sig.node, sig.start);
  return f;
}

function member(node: GreenNode, start: number): MemberHir | undefined {
  const n = nameOf(node, start);
  return n ? { name: n.name, nameRange: n.range, range: { start, end: start + node.width }, docs: docsOf(node, start) } : undefined;
}

/** Calls `f` for each child node of `kind` in the body node `list`. */
function eachOfKind(list: { node: GreenNode; start: number } | undefined, kind: K, f: (node: GreenNode, start: number) => void): void {
  if (!list) return;
  let o = list.start;
  for (const c of list.node.children) {
    if (isGreenNode(c) && c.kind === kind) f(c, o);
    o += width(c);
  }
}

const TYPEDEF_KEYWORD: Partial<Record<K, K>> = {
  [K.TYPE_ALIAS]: K.TYPE_KW, [K.RECORD]: K.RECORD_KW, [K.VARIANT]: K.VARIANT_KW, [K.ENUM]: K.ENUM_KW,
  [K.FLAGS]: K.FLAGS_KW, [K.RESOURCE]: K.RESOURCE_KW,
};

function typedef(node: GreenNode, start: number): TypeDefHir | undefined {
  const name = nameOf(node, start);
  if (!name) return undefined;
  const keyword = TYPEDEF_KEYWORD[node.kind]!;
  let keywordRange: Range = name.range;
  let body: { node: GreenNode; start: number } | undefined;
  let aliasType: TypeExpr | undefined;
  let o = start;
  for (const c of node.children) {
    if (isGreenNode(c)) {
      if (c.kind === K.FIELD_LIST || c.kind === K.CASE_LIST || c.kind === K.ENUM_CASE_LIST || c.kind === K.FLAG_LIST || c.kind === K.RESOURCE_BODY) body = { node: c, start: o };
      else if (!aliasType && IS_TYPE[c.kind]) aliasType = typeExpr(c, o);
    } else if (c.kind === keyword) keywordRange = { start: o, end: o + c.text.length };
    o += width(c);
  }
  let def: TypeDefBody;
  switch (node.kind) {
    case K.TYPE_ALIAS:
      def = { kind: 'alias', type: aliasType ?? missing(start + node.width) };
      break;
    case K.RECORD: {
      const fields: FieldHir[] = [];
      eachOfKind(body, K.FIELD, (f, s) => {
        const m = member(f, s);
        if (m) fields.push({ ...m, type: firstType(f, s) });
      });
      def = { kind: 'record', fields };
      break;
    }
    case K.VARIANT: {
      const cases: CaseHir[] = [];
      eachOfKind(body, K.VARIANT_CASE, (c, s) => {
        const m = member(c, s);
        if (!m) return;
        let hasParen = false;
        for (const k of c.children) if (!isGreenNode(k) && k.kind === K.L_PAREN) hasParen = true;
        cases.push({ ...m, type: hasParen ? firstType(c, s) : undefined });
      });
      def = { kind: 'variant', cases };
      break;
    }
    case K.ENUM: {
      const cases: MemberHir[] = [];
      eachOfKind(body, K.ENUM_CASE, (c, s) => {
        const m = member(c, s);
        if (m) cases.push(m);
      });
      def = { kind: 'enum', cases };
      break;
    }
    case K.FLAGS: {
      const flags: MemberHir[] = [];
      eachOfKind(body, K.FLAG, (c, s) => {
        const m = member(c, s);
        if (m) flags.push(m);
      });
      def = { kind: 'flags', flags };
      break;
    }
    default: {
      const funcs: FuncHir[] = [];
      if (body) {
        let q = body.start;
        for (const c of body.node.children) {
          if (isGreenNode(c)) {
            if (c.kind === K.CONSTRUCTOR) {
              let kw: Range = { start: q, end: q };
              let p = q;
              for (const k of c.children) {
                if (!isGreenNode(k) && k.kind === K.CONSTRUCTOR_KW) kw = { start: p, end: p + k.text.length };
                p += width(k);
              }
              const f = newFunc(c, q, 'constructor', { name: 'constructor', range: kw });
              readSignature(f, c, q);
              funcs.push(f);
            } else if (c.kind === K.METHOD || c.kind === K.STATIC_METHOD) {
              const f = funcItem(c, q, c.kind === K.METHOD ? 'method' : 'static');
              if (f) funcs.push(f);
            }
          }
          q += width(c);
        }
      }
      def = { kind: 'resource', funcs };
    }
  }
  return {
    kind: 'typedef', def, keywordRange, name: name.name, nameRange: name.range,
    range: { start, end: start + node.width }, docs: docsOf(node, start), attrs: attrsOf(node, start),
  };
}

function useItem(node: GreenNode, start: number): UseHir | undefined {
  const path = usePath(child(node, start, K.USE_PATH));
  if (!path) return undefined;
  const names: UseNameHir[] = [];
  eachOfKind(child(node, start, K.USE_NAME_LIST), K.USE_NAME, (u, s) => {
    const n = nameOf(u, s, K.NAME_REF);
    if (!n) return;
    const alias = nameOf(u, s, K.NAME);
    names.push({ name: n.name, nameRange: n.range, alias: alias?.name, aliasRange: alias?.range });
  });
  return { kind: 'use', path, names, range: { start, end: start + node.width }, attrs: attrsOf(node, start) };
}

function interfaceMembers(list: { node: GreenNode; start: number } | undefined): InterfaceMemberHir[] {
  const out: InterfaceMemberHir[] = [];
  if (!list) return out;
  let o = list.start;
  for (const c of list.node.children) {
    if (isGreenNode(c)) {
      const k = c.kind;
      if (k === K.FUNC) {
        const f = funcItem(c, o, 'freestanding');
        if (f) out.push(f);
      } else if (k === K.USE) {
        const u = useItem(c, o);
        if (u) out.push(u);
      } else if (TYPEDEF_KEYWORD[k] !== undefined) {
        const t = typedef(c, o);
        if (t) out.push(t);
      }
    }
    o += width(c);
  }
  return out;
}

function externOf(node: GreenNode, start: number): ExternHir | undefined {
  let o = start;
  for (const c of node.children) {
    if (isGreenNode(c)) {
      switch (c.kind) {
        case K.EXTERN_PATH: {
          const path = usePath(child(c, o, K.USE_PATH));
          return path && { kind: 'path', path };
        }
        case K.EXTERN_FUNC: {
          const name = nameOf(c, o);
          if (!name) return undefined;
          const func: FuncHir = {
            kind: 'func', funcKind: 'freestanding', name: name.name, nameRange: name.range,
            range: { start, end: start + node.width }, docs: docsOf(node, start), attrs: attrsOf(node, start),
            async: false, params: [],
          };
          const sig = child(c, o, K.FUNC_TYPE);
          if (sig) readSignature(func, sig.node, sig.start);
          return { kind: 'func', func };
        }
        case K.EXTERN_INTERFACE: {
          const name = nameOf(c, o);
          return name && { kind: 'interface', name: name.name, nameRange: name.range, members: interfaceMembers(child(c, o, K.ITEM_LIST)) };
        }
        case K.EXTERN_LABELED_PATH: {
          const name = nameOf(c, o);
          const path = usePath(child(c, o, K.USE_PATH));
          return name && path && { kind: 'labeled', name: name.name, nameRange: name.range, path };
        }
      }
    }
    o += width(c);
  }
  return undefined;
}

function worldMembers(list: { node: GreenNode; start: number } | undefined): WorldMemberHir[] {
  const out: WorldMemberHir[] = [];
  if (!list) return out;
  let o = list.start;
  for (const c of list.node.children) {
    if (isGreenNode(c)) {
      const k = c.kind;
      if (k === K.IMPORT || k === K.EXPORT) {
        const ext = externOf(c, o);
        if (ext) {
          const item: ImportExportHir = {
            kind: k === K.IMPORT ? 'import' : 'export', ext, range: { start: o, end: o + c.width },
            docs: docsOf(c, o), attrs: attrsOf(c, o),
          };
          out.push(item);
        }
      } else if (k === K.USE) {
        const u = useItem(c, o);
        if (u) out.push(u);
      } else if (k === K.INCLUDE) {
        const path = usePath(child(c, o, K.USE_PATH));
        if (path) {
          const names: IncludeHir['names'] = [];
          eachOfKind(child(c, o, K.INCLUDE_NAME_LIST), K.INCLUDE_NAME, (n, s) => {
            const from = nameOf(n, s, K.NAME_REF);
            const to = nameOf(n, s, K.NAME);
            if (from && to) names.push({ name: from.name, nameRange: from.range, as: to.name, asRange: to.range });
          });
          out.push({ kind: 'include', path, names, range: { start: o, end: o + c.width }, attrs: attrsOf(c, o) });
        }
      } else if (TYPEDEF_KEYWORD[k] !== undefined) {
        const t = typedef(c, o);
        if (t) out.push(t);
      }
    }
    o += width(c);
  }
  return out;
}

function declared(node: GreenNode, start: number, name: { name: string; range: Range }) {
  return { name: name.name, nameRange: name.range, range: { start, end: start + node.width }, docs: docsOf(node, start), attrs: attrsOf(node, start) };
}

function topItem(node: GreenNode, start: number): TopItemHir | undefined {
  switch (node.kind) {
    case K.INTERFACE: {
      const n = nameOf(node, start);
      return n && { kind: 'interface', members: interfaceMembers(child(node, start, K.ITEM_LIST)), ...declared(node, start, n) };
    }
    case K.WORLD: {
      const n = nameOf(node, start);
      return n && { kind: 'world', members: worldMembers(child(node, start, K.ITEM_LIST)), ...declared(node, start, n) };
    }
    case K.TOPLEVEL_USE: {
      const path = usePath(child(node, start, K.USE_PATH));
      if (!path) return undefined;
      const alias = nameOf(node, start);
      return {
        kind: 'top-use', path, alias: alias?.name, aliasRange: alias?.range, range: { start, end: start + node.width },
        hasAttrs: child(node, start, K.ATTRIBUTE) !== undefined,
      };
    }
  }
  return undefined;
}

function topItems(list: GreenNode, start: number): TopItemHir[] {
  const out: TopItemHir[] = [];
  let o = start;
  for (const c of list.children) {
    if (isGreenNode(c)) {
      const item = topItem(c, o);
      if (item) out.push(item);
    }
    o += width(c);
  }
  return out;
}

function packageDecl(node: GreenNode, start: number): PackageDeclHir | undefined {
  const pn = child(node, start, K.PACKAGE_NAME);
  const p = pn && packageNameOf(pn.node, pn.start);
  return p && { name: p.name, nameRange: p.range, range: { start, end: start + node.width }, docs: docsOf(node, start) };
}

export function lowerFile(tree: SyntaxTree): FileHir {
  const hir: FileHir = { items: [], nested: [] };
  let seenItem = false;
  let o = 0;
  for (const c of tree.green.children) {
    if (isGreenNode(c)) {
      if (c.kind === K.PACKAGE_DECL) {
        // Only a header before every other item counts; a later one is a syntax error.
        if (!seenItem && !hir.packageDecl) hir.packageDecl = packageDecl(c, o);
      } else if (c.kind === K.NESTED_PACKAGE) {
        const decl = packageDecl(c, o);
        const list = child(c, o, K.ITEM_LIST);
        if (decl) {
          const nested: NestedPackageHir = { decl, items: list ? topItems(list.node, list.start) : [], range: { start: o, end: o + c.width } };
          hir.nested.push(nested);
        }
      }
      if (c.kind !== K.ERROR) seenItem = true;
    }
    o += width(c);
  }
  hir.items = topItems(tree.green, 0);
  return hir;
}
