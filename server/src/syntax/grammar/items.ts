// Grammar of files and items: package declarations, nested packages, top-level `use`,
// interfaces and worlds with their bodies, `use`, `include`, imports and exports.

import type { Diagnostic } from '../../base/diagnostic';
import { Parser, TokenSet } from '../parser';
import { SyntaxKind as K } from '../syntaxKind';
import {
  INTERFACE_ITEM_START, ITEM_RECOVERY, TOP_LEVEL_START, WORLD_ITEM_START, atKeywordAsName, atName,
  attributes, delimited, name, nameRef, packageName, usePath,
} from './common';
import { func, funcType, typedef } from './types';

const TOP_LEVEL_RECOVERY = new TokenSet([K.PACKAGE_KW, K.INTERFACE_KW, K.WORLD_KW, K.USE_KW, K.AT]);
const MAX_PACKAGE_DEPTH = 100;

/** What parsing one top-level item produced besides its events. */
export interface ItemRecord {
  errors: Diagnostic[];
  /** End offset of the furthest token the parse looked at. */
  peekEnd: number;
}

/** The items of a file (or of a region being reparsed), until the end of input. */
export function sourceFileItems(p: Parser): ItemRecord[] {
  const records: ItemRecord[] = [];
  while (!p.isDone()) {
    const firstError = p.errors.length;
    p.itemErrorStart = firstError;
    p.maxPeek = p.pos;
    topLevelItem(p, 0);
    records.push({ errors: p.errors.slice(firstError), peekEnd: p.peekEnd() });
  }
  return records;
}

/**
 * One top-level item. Position does not matter here (a `package x:y;` after other items is
 * parsed like the first one and reported by validation), so items can be reparsed on their own.
 */
export function topLevelItem(p: Parser, depth: number): void {
  const m = p.start();
  const attrCount = attributes(p);
  switch (p.current()) {
    case K.PACKAGE_KW:
      packageItem(p, m, attrCount, depth);
      return;
    case K.INTERFACE_KW:
      p.bump();
      name(p, new TokenSet([K.L_BRACE]));
      itemList(p, interfaceItem);
      p.complete(m, K.INTERFACE);
      return;
    case K.WORLD_KW:
      p.bump();
      name(p, new TokenSet([K.L_BRACE]));
      itemList(p, worldItem);
      p.complete(m, K.WORLD);
      return;
    case K.USE_KW:
      if (attrCount > 0) p.error('attributes are not allowed on a top-level `use`', 'misplaced-attribute', p.currentStart(), p.currentEnd());
      p.bump();
      usePath(p);
      if (p.eat(K.AS_KW)) name(p, new TokenSet([K.SEMICOLON]));
      p.expect(K.SEMICOLON);
      p.complete(m, K.TOPLEVEL_USE);
      return;
    default: {
      const found = p.describeCurrent();
      const hint = INTERFACE_ITEM_START.has(p.current()) || WORLD_ITEM_START.has(p.current())
        ? ' (types, functions, imports and exports go inside an `interface` or `world`)'
        : p.at(K.R_BRACE) ? ' (this `}` has no matching `{`)' : '';
      p.error(`expected \`interface\`, \`world\`, \`use\` or \`package\`, found ${found}${hint}`);
      // Always consume something so that the loop moves on.
      if (!p.atEnd()) p.bumpBalanced();
      while (!p.atEnd() && !p.atSet(TOP_LEVEL_RECOVERY)) p.bumpBalanced(TOP_LEVEL_RECOVERY);
      p.complete(m, K.ERROR);
    }
  }
}

/** `package a:b@1.0.0;` or `package a:b { items }`. */
function packageItem(p: Parser, m: ReturnType<Parser['start']>, attrCount: number, depth: number): void {
  const kwStart = p.currentStart();
  const kwEnd = p.currentEnd();
  p.bump();
  packageName(p, true);
  if (p.eat(K.SEMICOLON)) {
    if (attrCount > 0) p.error('attributes are not allowed on a package declaration', 'misplaced-attribute', kwStart, kwEnd);
    // Inside `package a:b { ... }` only blocks may follow (wit-parser expects `{` here); at the
    // top level the header's place is checked over the whole file (parse.ts).
    if (depth > 0) p.error('a nested package cannot declare a `package ns:name;` header: write `package ns:name { ... }` at the top level of the file', 'misplaced-package', kwStart, kwEnd);
    p.complete(m, K.PACKAGE_DECL);
    return;
  }
  if (!p.at(K.L_BRACE)) {
    p.errorExpected('`;` or `{`');
    p.complete(m, K.PACKAGE_DECL);
    return;
  }
  if (attrCount > 0) p.error('attributes are not allowed on nested packages', 'misplaced-attribute', kwStart, kwEnd);
  // Report the first level of wrong nesting, or the depth limit when it is reached, not every
  // level between.
  if (depth >= MAX_PACKAGE_DEPTH) {
    p.error('package nesting too deep', 'nesting-too-deep', kwStart, kwEnd);
    p.nestingLimitHit = true;
  }
  const list = p.start();
  if (depth >= MAX_PACKAGE_DEPTH) {
    // Skip the body without recursing any deeper.
    p.bumpBalanced();
  } else {
    p.bump();
    for (;;) {
      if (p.eat(K.R_BRACE)) break;
      if (p.atEnd()) {
        p.errorExpected('`}` to close the nested package');
        break;
      }
      topLevelItem(p, depth + 1);
    }
  }
  p.complete(list, K.ITEM_LIST);
  p.complete(m, K.NESTED_PACKAGE);
  if (depth === 1 && !p.nestingLimitHit) {
    p.error('nested packages cannot contain packages: move this block to the top level of the file', 'nesting-too-deep', kwStart, kwEnd);
  }
}

/** ITEM_LIST: `{ item* }` of an interface or world. */
export function itemList(p: Parser, item: (p: Parser) => void): void {
  const m = p.start();
  if (!p.expect(K.L_BRACE)) {
    p.complete(m, K.ITEM_LIST);
    return;
  }
  for (;;) {
    if (p.eat(K.R_BRACE)) break;
    if (p.atEnd() || p.atSet(TOP_LEVEL_START)) {
      p.errorExpected('`}`');
      break;
    }
    item(p);
  }
  p.complete(m, K.ITEM_LIST);
}

const FUNC_NAME_FOLLOWERS = new TokenSet([K.COLON]);

export function interfaceItem(p: Parser): void {
  const m = p.start();
  attributes(p);
  const k = p.current();
  if (k === K.USE_KW) {
    useItem(p, m);
  } else if (typedef(p, m)) {
    // done
  } else if (atName(p) || atKeywordAsName(p, FUNC_NAME_FOLLOWERS)) {
    func(p, m);
  } else {
    itemError(p, m, '`type`, `record`, `variant`, `enum`, `flags`, `resource`, `use` or a function (`name: func(...)`)');
  }
}

export function worldItem(p: Parser): void {
  const m = p.start();
  attributes(p);
  switch (p.current()) {
    case K.IMPORT_KW:
      p.bump();
      externItem(p);
      p.complete(m, K.IMPORT);
      return;
    case K.EXPORT_KW:
      p.bump();
      externItem(p);
      p.complete(m, K.EXPORT);
      return;
    case K.USE_KW:
      useItem(p, m);
      return;
    case K.INCLUDE_KW:
      includeItem(p, m);
      return;
  }
  if (typedef(p, m)) return;
  if (atName(p) && p.nth(1) === K.COLON) {
    itemError(p, m, '`import`, `export`, `include`, `use` or a type definition', ' (write `import name: func(...)` or `export name: func(...)` for a function in a world)');
    return;
  }
  itemError(p, m, '`import`, `export`, `include`, `use` or a type definition');
}

/** Reports an item that cannot start here and skips to the next item or the end of the body. */
function itemError(p: Parser, m: ReturnType<Parser['start']>, expected: string, hint = ''): void {
  if (p.at(K.SEMICOLON)) {
    // A stray `;` is dropped on its own: what follows it is usually a good item.
    p.error(`unexpected \`;\`${p.prevKind() === K.R_BRACE ? ' (no `;` is needed after a `}`)' : ''}`);
    p.bump();
    p.complete(m, K.ERROR);
    return;
  }
  p.error(`expected ${expected}, found ${p.describeCurrent()}${hint}`);
  if (!p.atEnd() && !p.at(K.R_BRACE) && !p.atSet(TOP_LEVEL_START)) p.bumpBalanced(ITEM_RECOVERY);
  while (!p.atEnd() && !p.atSet(ITEM_RECOVERY)) p.bumpBalanced(ITEM_RECOVERY);
  // The junk's own `;` ends it, rather than being reported once more as a stray `;`.
  p.eat(K.SEMICOLON);
  p.complete(m, K.ERROR);
}

/** `use path.{a, b as c};` inside an interface or world. */
function useItem(p: Parser, m: ReturnType<Parser['start']>): void {
  p.bump();
  usePath(p);
  if (p.expect(K.PERIOD, '`.` and a list of names (`use iface.{a, b}`)') || p.at(K.L_BRACE)) {
    const list = p.start();
    delimited(
      p, K.L_BRACE, K.R_BRACE,
      () => atName(p) || atKeywordAsName(p, USE_NAME_FOLLOWERS),
      () => {
        const n = p.start();
        nameRef(p, USE_NAME_FOLLOWERS);
        if (p.eat(K.AS_KW)) name(p, USE_NAME_FOLLOWERS);
        p.complete(n, K.USE_NAME);
      },
      'a name', ITEM_RECOVERY,
    );
    p.complete(list, K.USE_NAME_LIST);
  }
  p.expect(K.SEMICOLON);
  p.complete(m, K.USE);
}

const USE_NAME_FOLLOWERS = new TokenSet([K.COMMA, K.R_BRACE, K.AS_KW]);
const INCLUDE_NAME_FOLLOWERS = new TokenSet([K.AS_KW, K.COMMA, K.R_BRACE]);

/** `include path;` or `include path with { a as b }`. */
function includeItem(p: Parser, m: ReturnType<Parser['start']>): void {
  p.bump();
  usePath(p);
  if (p.at(K.WITH_KW)) {
    p.bump();
    const list = p.start();
    delimited(
      p, K.L_BRACE, K.R_BRACE,
      () => atName(p) || atKeywordAsName(p, INCLUDE_NAME_FOLLOWERS),
      () => {
        const n = p.start();
        nameRef(p, INCLUDE_NAME_FOLLOWERS);
        if (p.expect(K.AS_KW, '`as` and the new name')) name(p, INCLUDE_NAME_FOLLOWERS);
        p.complete(n, K.INCLUDE_NAME);
      },
      'a name', ITEM_RECOVERY,
    );
    p.complete(list, K.INCLUDE_NAME_LIST);
  } else {
    p.expect(K.SEMICOLON, '`;` or `with`');
  }
  p.complete(m, K.INCLUDE);
}

/** What follows `import`/`export`: a path, `name: func`, `name: interface {}` or `name: path`. */
function externItem(p: Parser): void {
  const m = p.start();
  const labeled = (atName(p) || atKeywordAsName(p, FUNC_NAME_FOLLOWERS)) && p.nth(1) === K.COLON;
  if (labeled) {
    const k2 = p.nth(2);
    if (k2 === K.FUNC_KW || k2 === K.ASYNC_KW) {
      name(p, FUNC_NAME_FOLLOWERS);
      p.bump(); // :
      funcType(p);
      p.expect(K.SEMICOLON);
      p.complete(m, K.EXTERN_FUNC);
      return;
    }
    if (k2 === K.INTERFACE_KW) {
      name(p, FUNC_NAME_FOLLOWERS);
      p.bump(); // :
      p.bump(); // interface
      itemList(p, interfaceItem);
      p.complete(m, K.EXTERN_INTERFACE);
      return;
    }
    // `ns:pkg/iface` reads like `label: path` until the `/`: look for `id /`.
    const qualified = (p.nth(2) === K.IDENT || p.nth(2) === K.EXPLICIT_IDENT) && p.nth(3) === K.SLASH;
    if (!qualified) {
      name(p, FUNC_NAME_FOLLOWERS);
      p.bump(); // :
      usePath(p);
      p.expect(K.SEMICOLON);
      p.complete(m, K.EXTERN_LABELED_PATH);
      return;
    }
  }
  usePath(p);
  if (p.at(K.COLON) || p.at(K.L_PAREN)) {
    p.errorExpected('`;` (a function import needs a name and a type: `import name: func(...)`)');
  } else {
    p.expect(K.SEMICOLON);
  }
  p.complete(m, K.EXTERN_PATH);
}
