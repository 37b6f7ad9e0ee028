// Decides what may be written at the cursor — an item keyword, a type, an interface path, a name
// of a `use` list, an attribute — from the current syntax tree alone (no resolution needed), and
// names the declarations around the cursor so that the caller can look them up in the model.

import { SyntaxKind as K, SyntaxNode, SyntaxToken, isKeyword } from '../../syntax';
import {
  Cursor, Word, argumentIndex, compactText, cursorAt, elementTokens, nameText, openContainer,
} from '../cursor';

export type ItemContainer = 'file' | 'nested-package' | 'interface' | 'world' | 'resource';

/** What a path may name: `import`/`export`/`use` want interfaces, `include` worlds. */
export type PathWant = 'interface' | 'world' | 'any';

export type Context =
  | { kind: 'item'; container: ItemContainer; packageAllowed: boolean }
  /** After `name:` of a function: `func`, `async func`, and `static` ones in a resource. */
  | { kind: 'func-type'; inResource: boolean; after?: 'async' | 'static' | 'static async' }
  /** After `import name: ` in a world: a function, an inline interface (or a path, separately). */
  | { kind: 'extern-label' }
  /** Right after `import`/`export`: whole `name: func(...)` and `name: interface {}` items. */
  | { kind: 'extern-snippets'; direction: 'import' | 'export' }
  | { kind: 'type'; position: 'any' | 'handle' | 'map-key' | 'result-ok' }
  /**
   * An interface or world path: `start` is where it begins (completions replace from there),
   * `labelIfUnknownNamespace` offers the `extern-label` words when `x:` names no package.
   */
  | { kind: 'path'; want: PathWant; start: number; labelIfUnknownNamespace?: boolean; topLevel?: boolean }
  | { kind: 'keyword'; words: string[] }
  | { kind: 'use-names'; path: string | undefined; listed: Set<string> }
  | { kind: 'include-names'; path: string | undefined; listed: Set<string> }
  | { kind: 'attribute-name' }
  | { kind: 'attribute-key'; attr: string }
  | { kind: 'attribute-value'; attr: string; start: number };

/** The declarations around the cursor, by name as written in the current text. */
export interface Site {
  /** `ns:name@1.0.0` of the nested `package … { }` around the cursor. */
  nestedPackage?: string;
  owner?: { kind: 'interface' | 'world'; name: string };
  /** Inside an inline `import x: interface { }` of the owner world. */
  inline?: { label: string; direction: 'import' | 'export' };
  /** The item list of the innermost interface or world: where names in scope are declared. */
  body?: SyntaxNode;
  /** The item list holding the enclosing interface or world (the file, or a nested package's body). */
  packageBody: SyntaxNode;
}

export interface CompletionSite {
  word: Word;
  contexts: Context[];
  site: Site;
  cursor: Cursor;
}

const PARTIAL_PATH = /^%?[A-Za-z0-9-]*(?::%?[A-Za-z0-9-]*(?:\/%?[A-Za-z0-9-]*(?:@[0-9A-Za-z.+-]*)?)?)?$/;
const FULL_PATH = /^%?[A-Za-z][A-Za-z0-9-]*(?::%?[A-Za-z][A-Za-z0-9-]*\/%?[A-Za-z][A-Za-z0-9-]*(?:@[0-9A-Za-z.+-]+)?)?$/;

const TYPEDEF_KEYWORDS = new Set<K>([K.TYPE_KW, K.RECORD_KW, K.VARIANT_KW, K.ENUM_KW, K.FLAGS_KW, K.RESOURCE_KW]);
const isName = (k: K | undefined) => k === K.IDENT || k === K.EXPLICIT_IDENT;
/** A field or parameter name: a keyword there is a mistake the parser reports, but still a name. */
const isMemberName = (k: K | undefined) => isName(k) || (k !== undefined && isKeyword(k));

export function completionSite(root: SyntaxNode, offset: number): CompletionSite {
  const cursor = cursorAt(root, offset);
  const container = openContainer(cursor);
  const site = siteOf(container, root);
  const contexts = cursor.inTrivia ? [] : classify(cursor, container);
  return { word: cursor.word, contexts, site, cursor };
}

function classify(c: Cursor, container: SyntaxNode): Context[] {
  const { prev } = c;
  if (prev?.kind === K.AT && prev.parent.kind === K.ATTRIBUTE) return [{ kind: 'attribute-name' }];
  const e = elementTokens(container, prev);
  const kinds = e.map((t) => t.kind);
  switch (container.kind) {
    case K.SOURCE_FILE:
      return inItem(c, 'file', e, !container.firstChild(K.PACKAGE_DECL));
    case K.ITEM_LIST: {
      const owner = container.parent?.kind;
      const kind: ItemContainer = owner === K.WORLD ? 'world' : owner === K.NESTED_PACKAGE ? 'nested-package' : 'interface';
      return inItem(c, kind, e, false);
    }
    case K.RESOURCE_BODY:
      return inItem(c, 'resource', e, false);
    case K.FIELD_LIST:
    case K.PARAM_LIST:
      return isMemberName(kinds[0]) && kinds[1] === K.COLON && kinds.length === 2 ? [{ kind: 'type', position: 'any' }] : [];
    case K.VARIANT_CASE:
      return kinds.length === 0 ? [{ kind: 'type', position: 'any' }] : [];
    case K.LIST_TYPE:
    case K.MAP_TYPE:
    case K.OPTION_TYPE:
    case K.RESULT_TYPE:
    case K.TUPLE_TYPE:
    case K.FUTURE_TYPE:
    case K.STREAM_TYPE:
    case K.HANDLE_TYPE:
      return kinds.length === 0 ? typeArgument(container.kind, argumentIndex(container, c.offset)) : [];
    case K.USE_NAME_LIST:
      if (kinds.length === 0) return [{ kind: 'use-names', path: pathTextOf(container.parent), listed: listedNames(container, K.USE_NAME) }];
      return afterListedName(c, e);
    case K.INCLUDE_NAME_LIST:
      if (kinds.length === 0) return [{ kind: 'include-names', path: pathTextOf(container.parent), listed: listedNames(container, K.INCLUDE_NAME) }];
      return afterListedName(c, e);
    case K.ATTRIBUTE:
      return attributeArgument(c, container.significantTokens()[1]?.text ?? '', e);
    default:
      return [];
  }
}

/**
 * An item's tokens so far. Error recovery sometimes folds an unfinished item into the junk
 * before it (after a stray `;`, say) or leaves its brackets as plain tokens: the tokens are then
 * read directly, from the last `;` or `}` that ends something, and an open bracket among them
 * decides like the node it would have been.
 */
function inItem(c: Cursor, container: ItemContainer, e: SyntaxToken[], packageAllowed: boolean): Context[] {
  const stack: number[] = [];
  let from = 0;
  for (let i = 0; i < e.length; i++) {
    const k = e[i].kind;
    if (k === K.L_PAREN || k === K.L_ANGLE || k === K.L_BRACE) stack.push(i);
    else if ((k === K.R_PAREN || k === K.R_ANGLE || k === K.R_BRACE) && stack.length) {
      const open = e[stack[stack.length - 1]].kind;
      if ((open === K.L_PAREN) === (k === K.R_PAREN) && (open === K.L_ANGLE) === (k === K.R_ANGLE)) stack.pop();
      if (k === K.R_BRACE && stack.length === 0) from = i + 1;
    } else if (k === K.SEMICOLON && stack.length === 0) from = i + 1;
    else if (k === K.R_BRACE && stack.length === 0) from = i + 1;
  }
  if (stack.length === 0) return itemContext(c, container, e.slice(from), packageAllowed && from === 0);
  const at = stack[stack.length - 1];
  // The element of the open bracket: after its last comma at the same depth.
  let start = at + 1;
  let depth = 0;
  let commas = 0;
  for (let i = at + 1; i < e.length; i++) {
    const k = e[i].kind;
    if (k === K.L_PAREN || k === K.L_ANGLE || k === K.L_BRACE) depth++;
    else if (k === K.R_PAREN || k === K.R_ANGLE || k === K.R_BRACE) depth--;
    else if (depth === 0 && (k === K.COMMA || (e[at].kind === K.L_BRACE && k === K.SEMICOLON))) {
      start = i + 1;
      if (k === K.COMMA) commas++;
    }
  }
  return inLooseBracket(c, e, at, e.slice(start), commas);
}

/** Like classify(), for a bracket that error recovery left as plain tokens. */
function inLooseBracket(c: Cursor, e: SyntaxToken[], at: number, elem: SyntaxToken[], commas: number): Context[] {
  const before = e[at - 1]?.kind;
  const kinds = elem.map((t) => t.kind);
  const namedType = () => (isMemberName(kinds[0]) && kinds[1] === K.COLON && kinds.length === 2 ? [{ kind: 'type', position: 'any' } as Context] : []);
  switch (e[at].kind) {
    case K.L_PAREN:
      if (before === K.FUNC_KW || before === K.CONSTRUCTOR_KW) return namedType();
      if (isName(before) && e[at - 2]?.kind === K.AT) return attributeArgument(c, e[at - 1].text, elem);
      return kinds.length === 0 ? [{ kind: 'type', position: 'any' }] : [];
    case K.L_ANGLE: {
      const generic = GENERIC_BY_KEYWORD.get(before ?? K.EOF);
      return generic !== undefined && kinds.length === 0 ? typeArgument(generic, commas) : [];
    }
    default:
      // `{` of a record is a field list; other bodies are not worth guessing from junk.
      return e[at - 2]?.kind === K.RECORD_KW ? namedType() : [];
  }
}

const GENERIC_BY_KEYWORD = new Map<K, K>([
  [K.LIST_KW, K.LIST_TYPE], [K.MAP_KW, K.MAP_TYPE], [K.OPTION_KW, K.OPTION_TYPE], [K.RESULT_KW, K.RESULT_TYPE],
  [K.TUPLE_KW, K.TUPLE_TYPE], [K.FUTURE_KW, K.FUTURE_TYPE], [K.STREAM_KW, K.STREAM_TYPE], [K.OWN_KW, K.HANDLE_TYPE],
  [K.BORROW_KW, K.HANDLE_TYPE],
]);

/** `use x.{a |` and `include w with { a |`: the rename keyword. */
function afterListedName(c: Cursor, e: SyntaxToken[]): Context[] {
  return e.length === 1 && isMemberName(e[0].kind) && c.word.start > e[0].end ? [{ kind: 'keyword', words: ['as'] }] : [];
}

function attributeArgument(c: Cursor, attr: string, e: SyntaxToken[]): Context[] {
  if (e.length === 0) return [{ kind: 'attribute-key', attr }];
  if (e[1]?.kind === K.EQ) return [{ kind: 'attribute-value', attr, start: e[2]?.start ?? c.word.start }];
  return [];
}

function typeArgument(generic: K, index: number): Context[] {
  switch (generic) {
    case K.LIST_TYPE: return index === 0 ? [{ kind: 'type', position: 'any' }] : [];
    case K.MAP_TYPE: return [{ kind: 'type', position: index === 0 ? 'map-key' : 'any' }];
    case K.RESULT_TYPE: return [{ kind: 'type', position: index === 0 ? 'result-ok' : 'any' }];
    case K.HANDLE_TYPE: return [{ kind: 'type', position: 'handle' }];
    default: return [{ kind: 'type', position: 'any' }];
  }
}

/** The item-level reading: which part of an item the tokens written so far leave the cursor in. */
function itemContext(c: Cursor, container: ItemContainer, e: SyntaxToken[], packageAllowed: boolean): Context[] {
  if (e.length === 0) return [{ kind: 'item', container, packageAllowed }];
  const k0 = e[0].kind;
  const last = e[e.length - 1].kind;
  const text = c.root.source;
  const fallback = (): Context[] =>
    // An unfinished item above the cursor (a missing `;`) should not hide the keywords of a new line.
    c.prev && text.slice(c.prev.end, c.word.start).includes('\n') ? [{ kind: 'item', container, packageAllowed: false }] : [];

  if (container === 'file' || container === 'nested-package') {
    if (k0 === K.USE_KW) return pathOrFollower(c, e, 'any', ['as'], true);
    return fallback();
  }
  if (last === K.ARROW) return [{ kind: 'type', position: 'any' }];
  if (k0 === K.USE_KW) return pathOrFollower(c, e, 'interface', [], false);
  if (container === 'world' && (k0 === K.IMPORT_KW || k0 === K.EXPORT_KW)) return externContext(c, e, k0 === K.IMPORT_KW ? 'import' : 'export');
  if (container === 'world' && k0 === K.INCLUDE_KW) {
    if (e.some((t) => t.kind === K.WITH_KW)) return [];
    return pathOrFollower(c, e, 'world', ['with'], false);
  }
  if (k0 === K.TYPE_KW && e.length === 3 && last === K.EQ) return [{ kind: 'type', position: 'any' }];
  if (container !== 'world' && isName(k0) && e[1]?.kind === K.COLON) {
    const rest = e.slice(2).map((t) => t.kind);
    const inResource = container === 'resource';
    const key = rest.map((k) => (k === K.ASYNC_KW ? 'async' : k === K.STATIC_KW ? 'static' : '?')).join(' ');
    if (key === '') return [{ kind: 'func-type', inResource }];
    if (key === 'async') return [{ kind: 'func-type', inResource, after: 'async' }];
    if (inResource && (key === 'static' || key === 'static async')) return [{ kind: 'func-type', inResource, after: key }];
    return [];
  }
  // `record |` and `record name |`: a name is being declared.
  if (TYPEDEF_KEYWORDS.has(k0) && e.length <= 2) return [];
  return fallback();
}

/**
 * After `use`, `include` or a top-level `use`: the path being typed, or once a whole path is
 * followed by a space, the keyword that may come next (`as`, `with`).
 */
function pathOrFollower(c: Cursor, e: SyntaxToken[], want: PathWant, followers: string[], topLevel: boolean): Context[] {
  if (e.length === 1) return [{ kind: 'path', want, start: c.word.start, topLevel }];
  const text = c.root.source;
  const start = e[1].start;
  const typed = text.slice(start, c.offset);
  if (PARTIAL_PATH.test(typed)) return [{ kind: 'path', want, start, topLevel }];
  const head = text.slice(start, c.word.start);
  if (followers.length && /\s$/.test(head) && FULL_PATH.test(head.trim())) return [{ kind: 'keyword', words: followers }];
  return [];
}

/** After `import` or `export` in a world: a path, a labeled path, or a function or inline interface. */
function externContext(c: Cursor, e: SyntaxToken[], direction: 'import' | 'export'): Context[] {
  const rest = e.slice(1);
  const text = c.root.source;
  const pathFrom = (start: number, extra: Partial<Extract<Context, { kind: 'path' }>> = {}): Context[] =>
    PARTIAL_PATH.test(text.slice(start, c.offset)) ? [{ kind: 'path', want: 'interface', start, ...extra }] : [];
  if (rest.length === 0) return [{ kind: 'path', want: 'interface', start: c.word.start }, { kind: 'extern-snippets', direction }];
  if (isName(rest[0].kind) && rest[1]?.kind === K.COLON) {
    const after = rest.slice(2);
    // `import wasi:` is a package path; `import run: ` (with a space) names the item.
    const spaced = (after[0]?.start ?? c.word.start) > rest[1].end;
    if (after.length === 0) {
      if (spaced) return [{ kind: 'extern-label' }, { kind: 'path', want: 'interface', start: c.word.start }];
      return pathFrom(rest[0].start, { labelIfUnknownNamespace: true });
    }
    if (after.length === 1 && after[0].kind === K.ASYNC_KW) return [{ kind: 'func-type', inResource: false, after: 'async' }];
    if (after[0].kind === K.FUNC_KW || after[0].kind === K.ASYNC_KW || after[0].kind === K.INTERFACE_KW) return [];
    return pathFrom(spaced ? after[0].start : rest[0].start);
  }
  return pathFrom(rest[0].start);
}

/** The path of a `use` or `include` as written (`types`, `wasi:io/streams@0.2.0`). */
function pathTextOf(item: SyntaxNode | undefined): string | undefined {
  const p = item?.firstChild(K.USE_PATH);
  return p ? compactText(p) : undefined;
}

/** Names already written in a `use` or `include … with` list (the first name of each entry). */
function listedNames(list: SyntaxNode, entryKind: K): Set<string> {
  const out = new Set<string>();
  for (const entry of list.childrenOfKind(entryKind)) {
    const n = nameText(entry, K.NAME_REF);
    if (n) out.add(n);
  }
  return out;
}

/** Names the interface, world, inline interface and nested package around a container. */
function siteOf(container: SyntaxNode, rootNode: SyntaxNode): Site {
  const site: Site = { packageBody: rootNode };
  for (let n: SyntaxNode | undefined = container; n; n = n.parent) {
    switch (n.kind) {
      case K.INTERFACE:
        if (!site.owner && !site.inline) {
          site.owner = { kind: 'interface', name: nameText(n) ?? '' };
          site.body = n.firstChild(K.ITEM_LIST);
        }
        break;
      case K.EXTERN_INTERFACE:
        if (!site.inline) {
          site.inline = { label: nameText(n) ?? '', direction: n.parent?.kind === K.EXPORT ? 'export' : 'import' };
          site.body = n.firstChild(K.ITEM_LIST);
        }
        break;
      case K.WORLD:
        if (!site.owner) {
          site.owner = { kind: 'world', name: nameText(n) ?? '' };
          site.body ??= n.firstChild(K.ITEM_LIST);
        }
        break;
      case K.NESTED_PACKAGE: {
        const name = n.firstChild(K.PACKAGE_NAME);
        if (name) site.nestedPackage = compactText(name);
        site.packageBody = n.firstChild(K.ITEM_LIST) ?? rootNode;
        break;
      }
    }
  }
  return site;
}
