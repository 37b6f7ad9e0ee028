// Lowers a file's syntax into its item summary (hir.ts). This runs over every file of a
// workspace, so it reads the flat tree (flatTree.ts: kinds and offsets in arrays, no node
// objects), which a one-shot check gets straight from the parser and the editor from its green
// tree: one lowering for both. Incomplete syntax lowers to what can be read from it: a missing
// name drops the item (its syntax error is reported already) and a missing type becomes `missing`.

import { keepShape } from '../base/shapes';
import { internSlice } from '../base/intern';
import { FIRST_NODE, FlatTree, SyntaxKind as K, SyntaxTree, flatFromGreen } from '../syntax';
import type {
  Attrs, CaseHir, Docs, ExternHir, FieldHir, FileHir, FuncHir, FuncKind, ImportExportHir,
  IncludeHir, InterfaceMemberHir, MemberHir, NestedPackageHir, PackageDeclHir, PackageName,
  ParamHir, PrimName, Range, TopItemHir, TypeDefBody, TypeDefHir, TypeExpr, UseHir, UseNameHir,
  UsePathHir, WorldMemberHir,
} from './hir';

const LAST_TRIVIA = K.BLOCK_COMMENT;
/** No element index: what the lookups below return when there is no such child. */
const NONE = -1;

// Lists the HIR keeps are returned as exact-size copies (`slice()`): one grown by `push` keeps
// room for 17 elements, and at 50k lines such slack was a tenth of the memory a check keeps.

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

/**
 * docText of the single line comment text[start, end), without copying it first; undefined when
 * the text after its slashes starts with a tab or another space that is not ` ` (docText's
 * general case).
 */
export function oneLineDoc(text: string, start: number, end: number): string | undefined {
  let s = start;
  while (s < end && text.charCodeAt(s) === 0x2f) s++;
  let e = end;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  while (s < e && text.charCodeAt(s) === 0x20) s++;
  if (s < e && isSpace(text.charCodeAt(s))) return undefined;
  return text.slice(s, e);
}

/** The attributes of an item written without any (shared: attributes are never changed). */
export const NO_ATTRS: Attrs = Object.freeze({ repeated: [] }) as Attrs;

function unquote(s: string): string {
  const body = s.slice(1, s.endsWith('"') && s.length > 1 ? -1 : undefined);
  if (body.indexOf('\\') < 0) return body;
  return body.replace(/\\(u\{([0-9a-fA-F_]+)\}|[0-9a-fA-F]{2}|.)/g, (_m, esc: string, hex?: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex.replace(/_/g, ''), 16));
    if (/^[0-9a-fA-F]{2}$/.test(esc)) return String.fromCharCode(parseInt(esc, 16));
    return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[esc] ?? esc;
  });
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

const TYPEDEF_KEYWORD: Partial<Record<K, K>> = {
  [K.TYPE_ALIAS]: K.TYPE_KW, [K.RECORD]: K.RECORD_KW, [K.VARIANT]: K.VARIANT_KW, [K.ENUM]: K.ENUM_KW,
  [K.FLAGS]: K.FLAGS_KW, [K.RESOURCE]: K.RESOURCE_KW,
};

function missing(at: number): TypeExpr {
  return { kind: 'missing', range: { start: at, end: at } };
}

/**
 * The walk over one flat tree. Elements are indices: a node's children are i + 1, nexts[i + 1],
 * ... up to nexts[i], and every element knows its absolute start and end.
 */
class Lowering {
  private readonly text: string;
  private readonly kinds: Uint8Array;
  private readonly starts: Uint32Array;
  private readonly ends: Uint32Array;
  private readonly nexts: Uint32Array;

  constructor(tree: FlatTree) {
    this.text = tree.text;
    this.kinds = tree.kinds;
    this.starts = tree.starts;
    this.ends = tree.ends;
    this.nexts = tree.nexts;
  }

  private range(i: number): Range {
    return { start: this.starts[i], end: this.ends[i] };
  }

  private tokenText(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  /** The first child node of `kind`, or NONE. */
  private child(node: number, kind: K): number {
    const { kinds, nexts } = this;
    for (let c = node + 1, end = nexts[node]; c < end; c = nexts[c]) if (kinds[c] === kind) return c;
    return NONE;
  }

  /** The identifier of a NAME or NAME_REF node (without a leading `%`), with its range. */
  private ident(node: number): { name: string; range: Range } | undefined {
    const { kinds, nexts, starts, ends } = this;
    for (let c = node + 1, end = nexts[node]; c < end; c = nexts[c]) {
      const k = kinds[c];
      if (k < FIRST_NODE && k > LAST_TRIVIA) {
        const s = starts[c];
        const name = internSlice(this.text, this.text.charCodeAt(s) === 0x25 ? s + 1 : s, ends[c]);
        return { name, range: { start: s, end: ends[c] } };
      }
    }
    return undefined;
  }

  private nameOf(node: number, kind: K = K.NAME): { name: string; range: Range } | undefined {
    const n = this.child(node, kind);
    return n === NONE ? undefined : this.ident(n);
  }

  /** Doc comments: the comments an item node starts with, processed like wit-parser does. */
  private docsOf(node: number): Docs | undefined {
    const { kinds, nexts, starts, ends } = this;
    const first = node + 1;
    if (first >= nexts[node] || kinds[first] > LAST_TRIVIA) return undefined;
    const range = { start: starts[first], end: ends[first] };
    // Most docs are one `/// line`: docText's result is then a slice of the source.
    if (kinds[first] === K.LINE_COMMENT && (first + 1 >= nexts[node] || kinds[first + 1] > LAST_TRIVIA)) {
      const text = oneLineDoc(this.text, range.start, range.end);
      if (text !== undefined) return { text, range };
    }
    const comments: string[] = [];
    for (let c = first, end = nexts[node]; c < end; c = nexts[c]) {
      if (kinds[c] > LAST_TRIVIA) break;
      comments.push(this.tokenText(c));
      range.end = ends[c];
    }
    return { text: docText(comments), range };
  }

  private attrsOf(node: number): Attrs {
    const { kinds, nexts } = this;
    let attrs: Attrs | undefined;
    for (let c = node + 1, end = nexts[node]; c < end; c = nexts[c]) {
      if (kinds[c] === K.ATTRIBUTE) {
        attrs ??= { repeated: [] };
        this.readAttribute(c, attrs);
      }
    }
    return attrs ?? NO_ATTRS;
  }

  private readAttribute(node: number, attrs: Attrs): void {
    const { kinds, nexts } = this;
    let name: string | undefined;
    let value: string | undefined;
    let significant = 0;
    for (let c = node + 1, end = nexts[node]; c < end; c = nexts[c]) {
      const k = kinds[c];
      if (k >= FIRST_NODE) {
        if (k === K.VERSION && (name === 'since' || name === 'deprecated')) value = this.versionText(c);
        else if (k === K.NAME_REF && name === 'unstable') value = this.ident(c)?.name;
      } else if (k > LAST_TRIVIA) {
        if (++significant === 2) name = this.tokenText(c);
        else if (k === K.STRING && name === 'external-id') value = unquote(this.tokenText(c));
      }
    }
    const key = name === 'since' || name === 'deprecated' || name === 'unstable' ? name : name === 'external-id' ? 'externalId' : undefined;
    if (!key || value === undefined) return;
    const range = this.range(node);
    if (attrs[key]) attrs.repeated.push({ name: name!, range });
    else attrs[key] = { value, range };
  }

  /**
   * The text of a VERSION node (its tokens, without trivia), as the parser's `version` reads it:
   * up to the last token after the `-` or `+` that starts the pre-release or build part, so that
   * a `-` or `+` with nothing after it is left out.
   */
  private versionText(node: number): string {
    const { kinds, nexts, starts, ends } = this;
    let s = '';
    let kept = 0;
    let tokens = 0;
    for (let c = node + 1, end = nexts[node]; c < end; c = nexts[c]) {
      const k = kinds[c];
      if (k >= FIRST_NODE || k <= LAST_TRIVIA) continue;
      s += this.text.slice(starts[c], ends[c]);
      // Tokens 0-4 are MAJOR.MINOR.PATCH; then the `-` right after them, and any `+`, start a part.
      const startsPart = k === K.PLUS || (k === K.MINUS && tokens === 5);
      tokens++;
      if (!startsPart) kept = s.length;
    }
    return s.slice(0, kept);
  }

  private packageNameOf(node: number): { name: PackageName; range: Range } | undefined {
    const { kinds, nexts, starts, ends, text } = this;
    let ns: string | undefined;
    let nsStart = 0;
    let pkg: string | undefined;
    let pkgEnd = 0;
    let colon = false;
    let version: string | undefined;
    let versionEnd = -1;
    for (let c = node + 1, end = nexts[node]; c < end; c = nexts[c]) {
      const k = kinds[c];
      if (k >= FIRST_NODE) {
        if (k === K.VERSION) {
          version = this.versionText(c);
          versionEnd = ends[c];
        }
      } else if (k === K.IDENT || k === K.EXPLICIT_IDENT) {
        const s = starts[c];
        const id = internSlice(text, text.charCodeAt(s) === 0x25 ? s + 1 : s, ends[c]);
        if (ns === undefined) {
          ns = id;
          nsStart = s;
        } else if (pkg === undefined) {
          pkg = id;
          pkgEnd = ends[c];
        }
      } else if (k === K.COLON) colon = true;
    }
    if (ns === undefined || pkg === undefined || !colon) return undefined;
    const name: PackageName = { namespace: ns, name: pkg };
    if (version !== undefined) name.version = version;
    return { name, range: { start: nsStart, end: versionEnd >= 0 ? versionEnd : pkgEnd } };
  }

  private usePath(node: number): UsePathHir | undefined {
    if (node === NONE) return undefined;
    const { kinds, nexts } = this;
    let pkg: { name: PackageName; range: Range } | undefined;
    let ref: { name: string; range: Range } | undefined;
    let version: string | undefined;
    let versionRange: Range | undefined;
    for (let c = node + 1, end = nexts[node]; c < end; c = nexts[c]) {
      const k = kinds[c];
      if (k === K.PACKAGE_NAME) pkg = this.packageNameOf(c);
      else if (k === K.NAME_REF) ref = this.ident(c);
      else if (k === K.VERSION) {
        version = this.versionText(c);
        versionRange = this.range(c);
      }
    }
    if (!ref) return undefined;
    if (!pkg) return { kind: 'local', name: ref.name, range: ref.range };
    if (version !== undefined) pkg.name.version = version;
    return {
      kind: 'foreign', package: pkg.name, packageRange: pkg.range, name: ref.name, nameRange: ref.range,
      versionRange, range: this.range(node),
    };
  }

  /** The first type node among a node's children, lowered. */
  private firstType(node: number): TypeExpr {
    const { kinds, nexts } = this;
    for (let c = node + 1, end = nexts[node]; c < end; c = nexts[c]) if (IS_TYPE[kinds[c]]) return this.typeExpr(c);
    return missing(this.ends[node]);
  }

  private typeExpr(node: number): TypeExpr {
    const { kinds, nexts, starts, ends } = this;
    const start = starts[node];
    const end = ends[node];
    const kind = kinds[node];
    if (kind === K.PRIMITIVE_TYPE) {
      for (let c = node + 1, e = nexts[node]; c < e; c = nexts[c]) {
        const k = kinds[c];
        if (k < FIRST_NODE && k > LAST_TRIVIA) {
          const name = PRIM_BY_KIND[k as K];
          return name ? { kind: 'prim', name, range: { start, end } } : missing(start);
        }
      }
      return missing(start);
    }
    if (kind === K.NAMED_TYPE) {
      const n = this.nameOf(node, K.NAME_REF);
      return n ? { kind: 'named', name: n.name, range: n.range } : missing(start);
    }
    // Generic types: one scan for their type arguments and marker tokens.
    let first: TypeExpr | undefined;
    let second: TypeExpr | undefined;
    let args: TypeExpr[] | undefined;
    let langle = false;
    let underscore = false;
    let own = false;
    let integer = NONE;
    let ref = NONE;
    for (let c = node + 1, e = nexts[node]; c < e; c = nexts[c]) {
      const k = kinds[c];
      if (IS_TYPE[k] || k === K.ERROR) {
        // A type argument that did not parse (one nested too deep, say) still holds its place as
        // a missing type: dropping it would shift the others or make a tuple look empty, and draw
        // a second, wrong report.
        const t = k === K.ERROR ? missing(starts[c]) : this.typeExpr(c);
        if (kind === K.TUPLE_TYPE) (args ??= []).push(t);
        else if (first === undefined) first = t;
        else if (second === undefined) second = t;
      } else if (k === K.NAME_REF) ref = c;
      else if (k === K.L_ANGLE) langle = true;
      else if (k === K.UNDERSCORE) underscore = true;
      else if (k === K.OWN_KW) own = true;
      else if (k === K.INTEGER) integer = c;
    }
    const range = { start, end };
    switch (kind) {
      case K.LIST_TYPE: {
        const out: TypeExpr = { kind: 'list', elem: first ?? missing(end), range };
        if (integer !== NONE) {
          out.length = Number(this.tokenText(integer));
          out.lengthRange = this.range(integer);
        }
        return out;
      }
      case K.MAP_TYPE: return { kind: 'map', key: first ?? missing(end), value: second ?? missing(end), range };
      case K.OPTION_TYPE: return { kind: 'option', inner: first ?? missing(end), range };
      case K.RESULT_TYPE:
        if (!langle) return { kind: 'result', range };
        if (underscore) return { kind: 'result', err: first ?? missing(end), range };
        return { kind: 'result', ok: first ?? missing(end), err: second, range };
      case K.TUPLE_TYPE: return { kind: 'tuple', items: args ? args.slice() : [], range };
      case K.FUTURE_TYPE: return { kind: 'future', inner: first, range };
      case K.STREAM_TYPE: return { kind: 'stream', inner: first, range };
      case K.HANDLE_TYPE: {
        const r = ref === NONE ? undefined : this.ident(ref);
        return r ? { kind: 'handle', own, resource: r.name, resourceRange: r.range, range } : missing(start);
      }
    }
    return missing(start);
  }

  /** Reads `async`, the parameters and the result of a FUNC_TYPE (or a CONSTRUCTOR) node. */
  private readSignature(f: FuncHir, node: number): void {
    const { kinds, nexts } = this;
    for (let c = node + 1, end = nexts[node]; c < end; c = nexts[c]) {
      const k = kinds[c];
      if (k === K.PARAM_LIST) f.params = this.readParams(c);
      else if (k === K.RESULT_TYPE_CLAUSE) f.result = this.firstType(c);
      else if (k === K.ASYNC_KW) {
        f.async = true;
        f.asyncRange = this.range(c);
      }
    }
  }

  private readParams(list: number): ParamHir[] {
    const { kinds, nexts } = this;
    const out: ParamHir[] = [];
    for (let p = list + 1, end = nexts[list]; p < end; p = nexts[p]) {
      if (kinds[p] !== K.PARAM) continue;
      let name: { name: string; range: Range } | undefined;
      let type: TypeExpr | undefined;
      for (let c = p + 1, e = nexts[p]; c < e; c = nexts[c]) {
        const k = kinds[c];
        if (k === K.NAME) name = this.ident(c);
        else if (!type && IS_TYPE[k]) type = this.typeExpr(c);
      }
      if (name) out.push({ name: name.name, nameRange: name.range, type: type ?? missing(this.ends[p]) });
    }
    return out.slice();
  }

  private newFunc(node: number, funcKind: FuncKind, name: { name: string; range: Range }): FuncHir {
    return {
      kind: 'func', funcKind, name: name.name, nameRange: name.range, range: this.range(node),
      docs: this.docsOf(node), attrs: this.attrsOf(node), async: false, params: [],
    };
  }

  /** A FUNC or a resource METHOD/STATIC_METHOD: `name: [static] [async] func(...)`. */
  private funcItem(node: number, funcKind: FuncKind): FuncHir | undefined {
    const name = this.nameOf(node);
    if (!name) return undefined;
    const f = this.newFunc(node, funcKind, name);
    const sig = this.child(node, K.FUNC_TYPE);
    if (sig !== NONE) this.readSignature(f, sig);
    return f;
  }

  private member(node: number): MemberHir | undefined {
    const n = this.nameOf(node);
    return n ? { name: n.name, nameRange: n.range, range: this.range(node), docs: this.docsOf(node) } : undefined;
  }

  private typedef(node: number): TypeDefHir | undefined {
    const name = this.nameOf(node);
    if (!name) return undefined;
    const { kinds, nexts } = this;
    const nodeKind = kinds[node] as K;
    const keyword = TYPEDEF_KEYWORD[nodeKind]!;
    let keywordRange: Range = name.range;
    let body = NONE;
    let aliasType: TypeExpr | undefined;
    for (let c = node + 1, end = nexts[node]; c < end; c = nexts[c]) {
      const k = kinds[c];
      if (k >= FIRST_NODE) {
        if (k === K.FIELD_LIST || k === K.CASE_LIST || k === K.ENUM_CASE_LIST || k === K.FLAG_LIST || k === K.RESOURCE_BODY) body = c;
        else if (!aliasType && IS_TYPE[k]) aliasType = this.typeExpr(c);
      } else if (k === keyword) keywordRange = this.range(c);
    }
    const bodyEnd = body === NONE ? body : nexts[body];
    let def: TypeDefBody;
    switch (nodeKind) {
      case K.TYPE_ALIAS:
        def = { kind: 'alias', type: aliasType ?? missing(this.ends[node]) };
        break;
      case K.RECORD: {
        const fields: FieldHir[] = [];
        for (let c = body + 1; c < bodyEnd; c = nexts[c]) {
          if (kinds[c] !== K.FIELD) continue;
          const n = this.nameOf(c);
          if (n) fields.push({ name: n.name, nameRange: n.range, range: this.range(c), docs: this.docsOf(c), type: this.firstType(c) });
        }
        def = { kind: 'record', fields: fields.slice() };
        break;
      }
      case K.VARIANT: {
        const cases: CaseHir[] = [];
        for (let c = body + 1; c < bodyEnd; c = nexts[c]) {
          if (kinds[c] !== K.VARIANT_CASE) continue;
          const n = this.nameOf(c);
          if (!n) continue;
          let hasParen = false;
          for (let t = c + 1, e = nexts[c]; t < e; t = nexts[t]) if (kinds[t] === K.L_PAREN) hasParen = true;
          cases.push({ name: n.name, nameRange: n.range, range: this.range(c), docs: this.docsOf(c), type: hasParen ? this.firstType(c) : undefined });
        }
        def = { kind: 'variant', cases: cases.slice() };
        break;
      }
      case K.ENUM:
      case K.FLAGS: {
        const memberKind = nodeKind === K.ENUM ? K.ENUM_CASE : K.FLAG;
        const members: MemberHir[] = [];
        for (let c = body + 1; c < bodyEnd; c = nexts[c]) {
          if (kinds[c] !== memberKind) continue;
          const m = this.member(c);
          if (m) members.push(m);
        }
        def = nodeKind === K.ENUM ? { kind: 'enum', cases: members.slice() } : { kind: 'flags', flags: members.slice() };
        break;
      }
      default: {
        const funcs: FuncHir[] = [];
        for (let c = body + 1; c < bodyEnd; c = nexts[c]) {
          const k = kinds[c];
          if (k === K.CONSTRUCTOR) {
            let kw: Range | undefined;
            for (let t = c + 1, e = nexts[c]; t < e; t = nexts[t]) if (kinds[t] === K.CONSTRUCTOR_KW) kw = this.range(t);
            const f = this.newFunc(c, 'constructor', { name: 'constructor', range: kw ?? { start: this.starts[c], end: this.starts[c] } });
            this.readSignature(f, c);
            funcs.push(f);
          } else if (k === K.METHOD || k === K.STATIC_METHOD) {
            const f = this.funcItem(c, k === K.METHOD ? 'method' : 'static');
            if (f) funcs.push(f);
          }
        }
        def = { kind: 'resource', funcs: funcs.slice() };
      }
    }
    return {
      kind: 'typedef', def, keywordRange, name: name.name, nameRange: name.range,
      range: this.range(node), docs: this.docsOf(node), attrs: this.attrsOf(node),
    };
  }

  private useItem(node: number): UseHir | undefined {
    const path = this.usePath(this.child(node, K.USE_PATH));
    if (!path) return undefined;
    const { kinds, nexts } = this;
    const names: UseNameHir[] = [];
    const list = this.child(node, K.USE_NAME_LIST);
    if (list !== NONE) {
      for (let u = list + 1, end = nexts[list]; u < end; u = nexts[u]) {
        if (kinds[u] !== K.USE_NAME) continue;
        const n = this.nameOf(u, K.NAME_REF);
        if (!n) continue;
        const alias = this.nameOf(u, K.NAME);
        names.push({ name: n.name, nameRange: n.range, alias: alias?.name, aliasRange: alias?.range });
      }
    }
    return { kind: 'use', path, names: names.slice(), range: this.range(node), attrs: this.attrsOf(node) };
  }

  private interfaceMembers(list: number): InterfaceMemberHir[] {
    const out: InterfaceMemberHir[] = [];
    if (list === NONE) return out;
    const { kinds, nexts } = this;
    for (let c = list + 1, end = nexts[list]; c < end; c = nexts[c]) {
      const k = kinds[c] as K;
      if (k === K.FUNC) {
        const f = this.funcItem(c, 'freestanding');
        if (f) out.push(f);
      } else if (k === K.USE) {
        const u = this.useItem(c);
        if (u) out.push(u);
      } else if (TYPEDEF_KEYWORD[k] !== undefined) {
        const t = this.typedef(c);
        if (t) out.push(t);
      }
    }
    return out.slice();
  }

  private externOf(node: number): ExternHir | undefined {
    const { kinds, nexts } = this;
    for (let c = node + 1, end = nexts[node]; c < end; c = nexts[c]) {
      switch (kinds[c]) {
        case K.EXTERN_PATH: {
          const path = this.usePath(this.child(c, K.USE_PATH));
          return path && { kind: 'path', path };
        }
        case K.EXTERN_FUNC: {
          const name = this.nameOf(c);
          if (!name) return undefined;
          const func: FuncHir = {
            kind: 'func', funcKind: 'freestanding', name: name.name, nameRange: name.range,
            range: this.range(node), docs: this.docsOf(node), attrs: this.attrsOf(node),
            async: false, params: [],
          };
          const sig = this.child(c, K.FUNC_TYPE);
          if (sig !== NONE) this.readSignature(func, sig);
          return { kind: 'func', func };
        }
        case K.EXTERN_INTERFACE: {
          const name = this.nameOf(c);
          return name && { kind: 'interface', name: name.name, nameRange: name.range, members: this.interfaceMembers(this.child(c, K.ITEM_LIST)) };
        }
        case K.EXTERN_LABELED_PATH: {
          const name = this.nameOf(c);
          const path = this.usePath(this.child(c, K.USE_PATH));
          return name && path && { kind: 'labeled', name: name.name, nameRange: name.range, path };
        }
      }
    }
    return undefined;
  }

  private worldMembers(list: number): WorldMemberHir[] {
    const out: WorldMemberHir[] = [];
    if (list === NONE) return out;
    const { kinds, nexts } = this;
    for (let c = list + 1, end = nexts[list]; c < end; c = nexts[c]) {
      const k = kinds[c] as K;
      if (k === K.IMPORT || k === K.EXPORT) {
        const ext = this.externOf(c);
        if (ext) {
          const item: ImportExportHir = {
            kind: k === K.IMPORT ? 'import' : 'export', ext, range: this.range(c),
            docs: this.docsOf(c), attrs: this.attrsOf(c),
          };
          out.push(item);
        }
      } else if (k === K.USE) {
        const u = this.useItem(c);
        if (u) out.push(u);
      } else if (k === K.INCLUDE) {
        const path = this.usePath(this.child(c, K.USE_PATH));
        if (path) {
          const names: IncludeHir['names'] = [];
          const nameList = this.child(c, K.INCLUDE_NAME_LIST);
          if (nameList !== NONE) {
            for (let n = nameList + 1, e = nexts[nameList]; n < e; n = nexts[n]) {
              if (kinds[n] !== K.INCLUDE_NAME) continue;
              const from = this.nameOf(n, K.NAME_REF);
              const to = this.nameOf(n, K.NAME);
              if (from && to) names.push({ name: from.name, nameRange: from.range, as: to.name, asRange: to.range });
            }
          }
          out.push({ kind: 'include', path, names, range: this.range(c), attrs: this.attrsOf(c) });
        }
      } else if (TYPEDEF_KEYWORD[k] !== undefined) {
        const t = this.typedef(c);
        if (t) out.push(t);
      }
    }
    return out.slice();
  }

  private topItem(node: number): TopItemHir | undefined {
    switch (this.kinds[node]) {
      case K.INTERFACE: {
        const n = this.nameOf(node);
        if (!n) return undefined;
        const members = this.interfaceMembers(this.child(node, K.ITEM_LIST));
        return {
          kind: 'interface', members, name: n.name, nameRange: n.range, range: this.range(node),
          docs: this.docsOf(node), attrs: this.attrsOf(node),
        };
      }
      case K.WORLD: {
        const n = this.nameOf(node);
        if (!n) return undefined;
        const members = this.worldMembers(this.child(node, K.ITEM_LIST));
        return {
          kind: 'world', members, name: n.name, nameRange: n.range, range: this.range(node),
          docs: this.docsOf(node), attrs: this.attrsOf(node),
        };
      }
      case K.TOPLEVEL_USE: {
        const path = this.usePath(this.child(node, K.USE_PATH));
        if (!path) return undefined;
        const alias = this.nameOf(node);
        return {
          kind: 'top-use', path, alias: alias?.name, aliasRange: alias?.range, range: this.range(node),
          hasAttrs: this.child(node, K.ATTRIBUTE) !== NONE,
        };
      }
    }
    return undefined;
  }

  private topItems(list: number): TopItemHir[] {
    const out: TopItemHir[] = [];
    const { kinds, nexts } = this;
    for (let c = list + 1, end = nexts[list]; c < end; c = nexts[c]) {
      if (kinds[c] < FIRST_NODE) continue;
      const item = this.topItem(c);
      if (item) out.push(item);
    }
    return out.slice();
  }

  private packageDecl(node: number): PackageDeclHir | undefined {
    const pn = this.child(node, K.PACKAGE_NAME);
    const p = pn === NONE ? undefined : this.packageNameOf(pn);
    return p && { name: p.name, nameRange: p.range, range: this.range(node), docs: this.docsOf(node) };
  }

  file(): FileHir {
    const hir: FileHir = { items: [], nested: [] };
    const { kinds, nexts } = this;
    let seenItem = false;
    for (let c = 1, end = nexts[0]; c < end; c = nexts[c]) {
      const k = kinds[c];
      if (k < FIRST_NODE) continue;
      if (k === K.PACKAGE_DECL) {
        // Only a header before every other item counts; a later one is a syntax error.
        if (!seenItem && !hir.packageDecl) hir.packageDecl = this.packageDecl(c);
      } else if (k === K.NESTED_PACKAGE) {
        const decl = this.packageDecl(c);
        const list = this.child(c, K.ITEM_LIST);
        if (decl) {
          const nested: NestedPackageHir = { decl, items: list === NONE ? [] : this.topItems(list), range: this.range(c) };
          hir.nested.push(nested);
        }
      }
      if (k !== K.ERROR) seenItem = true;
    }
    hir.items = this.topItems(0);
    return hir;
  }
}

/** The item summary of a flat tree (from parseFlat, or flatFromGreen). */
keepShape(new Lowering({ text: '', count: 0, kinds: new Uint8Array(0), starts: new Uint32Array(0), ends: new Uint32Array(0), nexts: new Uint32Array(0) }));

export function lowerFlat(tree: FlatTree): FileHir {
  return new Lowering(tree).file();
}

/** The item summary of a green tree. */
export function lowerFile(tree: SyntaxTree): FileHir {
  return lowerFlat(flatFromGreen(tree.green, tree.text));
}
