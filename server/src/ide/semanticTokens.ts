// Semantic tokens: classifies every name of a file by what it resolves to in the unit's model
// (so a name brought in from another file or from deps/ is colored as a resource, a world, a
// function...), and by its place in the syntax tree when it does not resolve; built-in types,
// attributes and doc comments are classified from the tree alone. The legend is documented in
// docs/semantic-tokens.md; the lsp layer encodes the tokens and computes deltas.

import type { Range } from '../semantics/hir';
import { Symbol, World, WorldItem, underlyingDefMemo } from '../semantics/model';
import {
  GreenNode, SyntaxKind as K, SyntaxTree, greenWidth, isGreenNode, isTrivia,
} from '../syntax';
import { Analysis, declarationsInFile, definitionTargetMemo, referencesInFile } from './analysis';

/**
 * Token types, in legend order. `world` and `resource` are custom types (declared with the
 * super type `class` in the extension's package.json, so themes without rules for them still
 * color them); the rest are LSP's standard types.
 */
export const TOKEN_TYPES = [
  'namespace', 'interface', 'world', 'type', 'resource', 'function', 'method', 'parameter',
  'property', 'enumMember', 'decorator', 'comment',
] as const;

/** Token modifiers, in legend order (bit i of a token's modifier set is TOKEN_MODIFIERS[i]). */
export const TOKEN_MODIFIERS = [
  'declaration', 'deprecated', 'documentation', 'defaultLibrary', 'static', 'async',
] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export interface SemanticToken {
  /** Offset of the token; a token never spans a line break. */
  start: number;
  length: number;
  /** Index into TOKEN_TYPES. */
  type: number;
  /** Bit set over TOKEN_MODIFIERS. */
  modifiers: number;
}

const T = Object.fromEntries(TOKEN_TYPES.map((t, i) => [t, i])) as Record<TokenType, number>;
const M = Object.fromEntries(TOKEN_MODIFIERS.map((m, i) => [m, 1 << i])) as Record<TokenModifier, number>;

/**
 * A token type with its modifiers, packed in one number (type in the low byte, modifier bits
 * above) so that classifying the names of a large file allocates nothing per name.
 */
type Class = number;
const cls = (type: number, mods = 0): Class => type | (mods << 8);

/** The type and modifier names of a token, for tests and dumps. */
export function describeToken(t: SemanticToken): { type: TokenType; modifiers: TokenModifier[] } {
  return {
    type: TOKEN_TYPES[t.type],
    modifiers: TOKEN_MODIFIERS.filter((_, i) => t.modifiers & (1 << i)),
  };
}

/** Builtin type keywords that name types (the generic ones only inside their type node). */
const BUILTIN_TYPE_KEYWORDS = new Set<K>([
  K.BOOL_KW, K.S8_KW, K.U8_KW, K.S16_KW, K.U16_KW, K.S32_KW, K.U32_KW, K.S64_KW, K.U64_KW,
  K.F32_KW, K.F64_KW, K.CHAR_KW, K.STRING_KW, K.ERROR_CONTEXT_KW,
  K.LIST_KW, K.MAP_KW, K.OPTION_KW, K.RESULT_KW, K.TUPLE_KW, K.FUTURE_KW, K.STREAM_KW,
  K.OWN_KW, K.BORROW_KW,
]);
const TYPE_NODES = new Set<K>([
  K.PRIMITIVE_TYPE, K.LIST_TYPE, K.MAP_TYPE, K.OPTION_TYPE, K.RESULT_TYPE, K.TUPLE_TYPE,
  K.FUTURE_TYPE, K.STREAM_TYPE, K.HANDLE_TYPE,
]);

/** What a declared name is, from the node that declares it. */
const DECLARED: Partial<Record<K, TokenType>> = {
  [K.INTERFACE]: 'interface', [K.WORLD]: 'world',
  [K.TYPE_ALIAS]: 'type', [K.RECORD]: 'type', [K.VARIANT]: 'type', [K.ENUM]: 'type', [K.FLAGS]: 'type',
  [K.RESOURCE]: 'resource',
  [K.FUNC]: 'function', [K.EXTERN_FUNC]: 'function', [K.METHOD]: 'method', [K.STATIC_METHOD]: 'method',
  [K.FIELD]: 'property', [K.VARIANT_CASE]: 'enumMember', [K.ENUM_CASE]: 'enumMember', [K.FLAG]: 'enumMember',
  [K.PARAM]: 'parameter',
  [K.EXTERN_INTERFACE]: 'interface', [K.EXTERN_LABELED_PATH]: 'interface',
};

/** Nodes that declare a function; their FUNC_TYPE tells whether it is async. */
const FUNC_NODES = new Set<K>([K.FUNC, K.EXTERN_FUNC, K.METHOD, K.STATIC_METHOD]);

/** Nodes whose attributes (`@deprecated`) belong to the name they declare. */
const ITEM_NODES = new Set<K>([
  K.INTERFACE, K.WORLD, K.TYPE_ALIAS, K.RECORD, K.VARIANT, K.ENUM, K.FLAGS, K.RESOURCE, K.FUNC,
  K.METHOD, K.STATIC_METHOD, K.CONSTRUCTOR, K.IMPORT, K.EXPORT,
]);

const EXTERN_NODES = new Set<K>([K.EXTERN_FUNC, K.EXTERN_INTERFACE, K.EXTERN_LABELED_PATH]);

/** What the model says about the names of one file. */
interface ModelView {
  /** Symbols referred to, by the start of the referring name. */
  refs: Map<number, Symbol>;
  /** Symbols declared, by the start of their name. */
  decls: Map<number, Symbol>;
}

/** Per resolution and file: a range request and a full one for the same state share the maps. */
const views = new WeakMap<Analysis['resolution'], Map<string, ModelView>>();

function modelView(a: Analysis): ModelView {
  let perFile = views.get(a.resolution);
  if (!perFile) views.set(a.resolution, (perFile = new Map()));
  let view = perFile.get(a.file.path);
  if (!view) perFile.set(a.file.path, (view = buildModelView(a)));
  return view;
}

function buildModelView(a: Analysis): ModelView {
  const refs = new Map<number, Symbol>();
  for (const r of referencesInFile(a.resolution, a.file.path)) {
    // Package names are colored from the tree (their parts, not the `:` and version).
    if (r.target.kind !== 'package') refs.set(r.range.start, r.target);
  }
  const decls = new Map<number, Symbol>();
  for (const d of declarationsInFile(a.resolution, a.file.path)) decls.set(d.loc.nameRange.start, d.symbol);
  return { refs, decls };
}

/**
 * How names that resolve to a symbol are colored, each symbol worked out once per request: the
 * chains of `use`s behind them are shared by many names.
 */
function classifier(): { symbol: (s: Symbol) => Class; worldItem: (item: WorldItem) => Class } {
  const target = definitionTargetMemo();
  const underlying = underlyingDefMemo();
  const classes = new Map<Symbol, Class>();

  const deprecatedMod = (s: Symbol): number => {
    if (s.kind === 'package') return 0;
    const t = target(s);
    const dep = s.stability.deprecated ?? (t.kind === 'package' ? undefined : t.stability.deprecated);
    return dep ? M.deprecated : 0;
  };

  const classOf = (s: Symbol): Class => {
    const mods = deprecatedMod(s);
    switch (s.kind) {
      case 'package': return cls(T.namespace, mods);
      case 'interface': return cls(T.interface, mods);
      case 'world': return cls(T.world, mods);
      case 'typedef': return cls(underlying(s).body.kind === 'resource' ? T.resource : T.type, mods);
      case 'func': {
        const async = s.async ? M.async : 0;
        if (s.funcKind === 'freestanding') return cls(T.function, mods | async);
        return cls(T.method, mods | async | (s.funcKind === 'static' ? M.static : 0));
      }
    }
  };

  const symbol = (s: Symbol): Class => {
    let c = classes.get(s);
    if (c === undefined) classes.set(s, (c = classOf(s)));
    return c;
  };

  const worldItem = (item: WorldItem): Class => {
    switch (item.kind) {
      case 'interface': return symbol(item.iface);
      case 'func': return symbol(item.func);
      case 'type': return symbol(item.def);
    }
  };
  return { symbol, worldItem };
}

/** The first child node of a kind, with its offset. */
function childOfKind(node: GreenNode, start: number, kind: K): { node: GreenNode; start: number } | undefined {
  let o = start;
  for (const c of node.children) {
    if (isGreenNode(c) && c.kind === kind) return { node: c, start: o };
    o += greenWidth(c);
  }
  return undefined;
}

/** The identifier token of a NAME or NAME_REF node. */
function identOf(node: GreenNode, start: number): { start: number; text: string } | undefined {
  let o = start;
  for (const c of node.children) {
    if (!isGreenNode(c) && !isTrivia(c.kind)) return { start: o, text: c.text };
    o += greenWidth(c);
  }
  return undefined;
}

/** Whether an item node carries `@deprecated(...)`. */
function hasDeprecatedAttr(node: GreenNode): boolean {
  for (const c of node.children) {
    if (!isGreenNode(c) || c.kind !== K.ATTRIBUTE) continue;
    for (const t of c.children) {
      if (!isGreenNode(t) && t.kind === K.IDENT) {
        if (t.text === 'deprecated') return true;
        break;
      }
    }
  }
  return false;
}

function isAsyncFunc(node: GreenNode): boolean {
  for (const c of node.children) {
    if (isGreenNode(c) && c.kind === K.FUNC_TYPE) return c.children.some((t) => !isGreenNode(t) && t.kind === K.ASYNC_KW);
  }
  return false;
}

/**
 * The tokens of a file, in document order and never overlapping. With `model` (the analysis of
 * the same text), names are classified by what they resolve to; with `range`, only tokens that
 * intersect it are produced (subtrees outside it are not walked).
 */
export function semanticTokens(tree: SyntaxTree, model?: Analysis, range?: Range): SemanticToken[] {
  const view = model && model.file.text === tree.text ? modelView(model) : undefined;
  const classify = classifier();
  const out: SemanticToken[] = [];
  const from = range?.start ?? 0;
  const to = range?.end ?? tree.text.length;
  /** Ancestors of the node being visited (and their offsets), root first. */
  const pathNodes: GreenNode[] = [];
  const pathStarts: number[] = [];

  const push = (start: number, length: number, c: Class) => {
    if (length > 0 && start + length > from && start < to) out.push({ start, length, type: c & 0xff, modifiers: c >> 8 });
  };

  /** A doc comment, one token per line: clients need not support tokens across lines. */
  const pushDocComment = (start: number, text: string) => {
    let lineStart = 0;
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 0x0a;
      if (c !== 0x0a && c !== 0x0d) continue;
      // Continuation lines start at their text, not at the indentation.
      while (lineStart < i && (text.charCodeAt(lineStart) === 0x20 || text.charCodeAt(lineStart) === 0x09)) lineStart++;
      push(start + lineStart, i - lineStart, cls(T.comment, M.documentation));
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      lineStart = i + 1;
    }
  };

  const trivia = (kind: K, start: number, text: string) => {
    // The same comments the TextMate grammar scopes as documentation: `///` and `/** */`.
    if (kind === K.LINE_COMMENT ? text.startsWith('///') : kind === K.BLOCK_COMMENT && text.startsWith('/**') && !text.startsWith('/**/')) {
      pushDocComment(start, text);
    }
  };

  const refClass = (start: number, fallback: TokenType): Class => {
    const s = view?.refs.get(start);
    return s ? classify.symbol(s) : T[fallback];
  };

  /** The class of the NAME_REF child of a node (the thing a rename renames). */
  const renamedRef = (node: GreenNode | undefined, start: number, fallback: TokenType): Class => {
    const ref = node && childOfKind(node, start, K.NAME_REF);
    const id = ref && identOf(ref.node, ref.start);
    return id ? refClass(id.start, fallback) : T[fallback];
  };

  /** `include w with { a as b }`: `a` is a plain-named import or export of `w`. */
  const includedItem = (includeName: GreenNode, includeNameStart: number): Class => {
    // The walk is at INCLUDE > INCLUDE_NAME_LIST > INCLUDE_NAME.
    const depth = pathNodes.length - 3;
    const include = pathNodes[depth];
    const usePath = include?.kind === K.INCLUDE ? childOfKind(include, pathStarts[depth], K.USE_PATH) : undefined;
    const ref = usePath && childOfKind(usePath.node, usePath.start, K.NAME_REF);
    const refId = ref && identOf(ref.node, ref.start);
    const world = refId && view?.refs.get(refId.start);
    const nameRef = childOfKind(includeName, includeNameStart, K.NAME_REF);
    const id = nameRef && identOf(nameRef.node, nameRef.start);
    if (world?.kind === 'world' && id) {
      const name = id.text.replace(/^%/, '');
      const item = (world as World).imports.get(name) ?? (world as World).exports.get(name);
      if (item) return classify.worldItem(item);
    }
    return T.function;
  };

  /** A declared name: what the model declares there, else what its owner node declares. */
  const nameClass = (nameStart: number): Class | undefined => {
    const depth = pathNodes.length - 1;
    const owner = pathNodes[depth];
    const ownerStart = pathStarts[depth];
    let c: Class;
    switch (owner.kind) {
      // Renames take the class of what they rename.
      case K.USE_NAME: c = renamedRef(owner, ownerStart, 'type'); break;
      case K.TOPLEVEL_USE: {
        const usePath = childOfKind(owner, ownerStart, K.USE_PATH);
        c = renamedRef(usePath?.node, usePath?.start ?? 0, 'interface');
        break;
      }
      case K.INCLUDE_NAME: c = includedItem(owner, ownerStart); break;
      default: {
        const declared = view?.decls.get(nameStart);
        if (declared && declared.kind !== 'package') c = classify.symbol(declared);
        else {
          const t = DECLARED[owner.kind];
          if (!t) return undefined;
          let mods = 0;
          if (FUNC_NODES.has(owner.kind) && isAsyncFunc(owner)) mods |= M.async;
          if (owner.kind === K.STATIC_METHOD) mods |= M.static;
          c = cls(T[t], mods);
        }
      }
    }
    // `import f: func();` carries its attributes on the IMPORT node, around the EXTERN_FUNC.
    const holder = EXTERN_NODES.has(owner.kind) ? pathNodes[depth - 1] : owner;
    const deprecated = holder && ITEM_NODES.has(holder.kind) && hasDeprecatedAttr(holder) ? M.deprecated : 0;
    return c | ((M.declaration | deprecated) << 8);
  };

  /** A name that refers to something: what it resolves to, else a guess from where it is. */
  const nameRefClass = (start: number): Class | undefined => {
    const depth = pathNodes.length - 1;
    const owner = pathNodes[depth];
    switch (owner.kind) {
      case K.HANDLE_TYPE: return refClass(start, 'resource');
      case K.USE_PATH: return refClass(start, pathNodes[depth - 1]?.kind === K.INCLUDE ? 'world' : 'interface');
      case K.INCLUDE_NAME: return includedItem(owner, pathStarts[depth]);
      case K.ATTRIBUTE: return undefined; // a feature name, not a symbol
      default: return refClass(start, 'type');
    }
  };

  const visitAttribute = (node: GreenNode, start: number) => {
    // `@name` is the decorator; what is inside the parentheses is left to the grammar.
    let o = start;
    let at = -1;
    for (const c of node.children) {
      if (!isGreenNode(c)) {
        if (isTrivia(c.kind)) trivia(c.kind, o, c.text);
        else if (c.kind === K.AT) at = o;
        else if (c.kind === K.IDENT && at >= 0) {
          if (at + 1 === o) push(at, c.text.length + 1, T.decorator);
          else {
            push(at, 1, T.decorator);
            push(o, c.text.length, T.decorator);
          }
          return;
        }
      }
      o += greenWidth(c);
    }
  };

  const visit = (node: GreenNode, start: number): void => {
    switch (node.kind) {
      case K.NAME:
      case K.NAME_REF: {
        if (pathNodes.length === 0) return;
        let o = start;
        for (const c of node.children) {
          if (!isGreenNode(c) && !isTrivia(c.kind)) {
            const k = node.kind === K.NAME ? nameClass(o) : nameRefClass(o);
            if (k !== undefined) push(o, c.text.length, k);
            return;
          }
          o += greenWidth(c);
        }
        return;
      }
      case K.PACKAGE_NAME: {
        // The parts of the name, not the `:` and the version.
        const owner = pathNodes[pathNodes.length - 1];
        const declaration = owner && (owner.kind === K.PACKAGE_DECL || owner.kind === K.NESTED_PACKAGE) ? M.declaration : 0;
        let o = start;
        for (const c of node.children) {
          if (!isGreenNode(c) && (c.kind === K.IDENT || c.kind === K.EXPLICIT_IDENT)) push(o, c.text.length, cls(T.namespace, declaration));
          o += greenWidth(c);
        }
        return;
      }
      case K.ATTRIBUTE:
        visitAttribute(node, start);
        return;
    }
    pathNodes.push(node);
    pathStarts.push(start);
    const builtinsHere = TYPE_NODES.has(node.kind);
    let o = start;
    for (const c of node.children) {
      const w = greenWidth(c);
      if (o + w >= from && o <= to) {
        if (isGreenNode(c)) visit(c, o);
        else if (isTrivia(c.kind)) trivia(c.kind, o, c.text);
        else if (builtinsHere && BUILTIN_TYPE_KEYWORDS.has(c.kind)) push(o, c.text.length, cls(T.type, M.defaultLibrary));
        else if (c.kind === K.CONSTRUCTOR_KW && node.kind === K.CONSTRUCTOR) {
          // `constructor` is the name of the resource's constructor function.
          push(o, c.text.length, cls(T.method, M.declaration | (hasDeprecatedAttr(node) ? M.deprecated : 0)));
        }
      }
      o += w;
    }
    pathNodes.pop();
    pathStarts.pop();
  };

  visit(tree.green, 0);
  return out;
}
