// Grammar of type definitions (type, record, variant, enum, flags, resource), functions and
// type expressions such as `list<option<u8>, 4>` or `result<_, error>`.

import { Marker, Parser, TokenSet } from '../parser';
import { SyntaxKind as K } from '../syntaxKind';
import {
  ITEM_RECOVERY, TOP_LEVEL_START, TYPEDEF_START, atKeywordAsName, atName, attributes, delimited, name, nameRef,
} from './common';

const MAX_TYPE_DEPTH = 100;

const PRIMITIVES = new TokenSet([
  K.BOOL_KW, K.S8_KW, K.U8_KW, K.S16_KW, K.U16_KW, K.S32_KW, K.U32_KW, K.S64_KW, K.U64_KW,
  K.F32_KW, K.F64_KW, K.CHAR_KW, K.STRING_KW, K.ERROR_CONTEXT_KW,
]);

export const TYPE_START = PRIMITIVES.union([
  K.IDENT, K.EXPLICIT_IDENT, K.LIST_KW, K.MAP_KW, K.OPTION_KW, K.RESULT_KW, K.TUPLE_KW,
  K.FUTURE_KW, K.STREAM_KW, K.OWN_KW, K.BORROW_KW,
]);

/** Tokens that end a type: a type error does not consume them. */
const TYPE_END = ITEM_RECOVERY.union([
  K.COMMA, K.R_ANGLE, K.R_PAREN, K.L_BRACE, K.R_BRACE, K.SEMICOLON, K.ARROW, K.EQ, K.COLON,
]);

const AFTER_MEMBER_NAME = new TokenSet([K.COLON]);
const AFTER_CASE_NAME = new TokenSet([K.COMMA, K.R_BRACE, K.L_PAREN]);
const AFTER_ITEM_NAME = new TokenSet([K.L_BRACE, K.SEMICOLON, K.EQ]);
const BODY_STOP = ITEM_RECOVERY;
/** Tokens that cannot appear in a resource body: the body's `}` is missing. */
const RESOURCE_STOP = TYPEDEF_START.union(TOP_LEVEL_START).union([
  K.USE_KW, K.IMPORT_KW, K.EXPORT_KW, K.INCLUDE_KW,
]);
const PARAM_STOP = new TokenSet([
  K.SEMICOLON, K.ARROW, K.L_BRACE, K.R_BRACE, K.INTERFACE_KW, K.WORLD_KW, K.PACKAGE_KW,
]);

/** Parses a type definition if one starts here; `m` is the item's marker (after attributes). */
export function typedef(p: Parser, m: Marker): boolean {
  switch (p.current()) {
    case K.TYPE_KW:
      p.bump();
      name(p, AFTER_ITEM_NAME);
      if (p.expect(K.EQ, '`=` and a type')) ty(p);
      else if (p.atSet(TYPE_START)) ty(p);
      p.expect(K.SEMICOLON);
      p.complete(m, K.TYPE_ALIAS);
      return true;
    case K.RECORD_KW:
      p.bump();
      name(p, AFTER_ITEM_NAME);
      body(p, K.FIELD_LIST, atFieldName, field, 'a field (`name: type`)');
      p.complete(m, K.RECORD);
      return true;
    case K.VARIANT_KW:
      p.bump();
      name(p, AFTER_ITEM_NAME);
      body(p, K.CASE_LIST, () => atCaseName(p), () => variantCase(p), 'a case');
      p.complete(m, K.VARIANT);
      return true;
    case K.ENUM_KW:
      p.bump();
      name(p, AFTER_ITEM_NAME);
      body(p, K.ENUM_CASE_LIST, () => atCaseName(p), () => simpleCase(p, K.ENUM_CASE), 'a case');
      p.complete(m, K.ENUM);
      return true;
    case K.FLAGS_KW:
      p.bump();
      name(p, AFTER_ITEM_NAME);
      body(p, K.FLAG_LIST, () => atCaseName(p), () => simpleCase(p, K.FLAG), 'a flag');
      p.complete(m, K.FLAGS);
      return true;
    case K.RESOURCE_KW:
      p.bump();
      name(p, AFTER_ITEM_NAME);
      if (p.at(K.L_BRACE)) resourceBody(p);
      else p.expect(K.SEMICOLON, '`;` or `{`');
      p.complete(m, K.RESOURCE);
      return true;
  }
  return false;
}

/** `{ member, member, }` of a record, variant, enum or flags. */
function body(
  p: Parser,
  kind: K,
  atItem: (p: Parser) => boolean,
  item: (p: Parser) => void,
  what: string,
): void {
  const m = p.start();
  delimited(p, K.L_BRACE, K.R_BRACE, () => atMember(p, atItem), () => member(p, item), what, BODY_STOP);
  p.complete(m, kind);
}

/** Attributes are not allowed on members, but a member written with one still parses. */
function atMember(p: Parser, atItem: (p: Parser) => boolean): boolean {
  return p.at(K.AT) || atItem(p);
}

function member(p: Parser, item: (p: Parser) => void): void {
  if (p.at(K.AT)) {
    const start = p.currentStart();
    const m = p.start();
    attributes(p);
    p.error('attributes are not allowed on fields and cases', 'misplaced-attribute', start, p.prevEnd());
    p.complete(m, K.ERROR);
    if (!atName(p)) return;
  }
  item(p);
}

function atFieldName(p: Parser): boolean {
  return atName(p) || atKeywordAsName(p, AFTER_MEMBER_NAME);
}

function atCaseName(p: Parser): boolean {
  return atName(p) || atKeywordAsName(p, AFTER_CASE_NAME);
}

function field(p: Parser): void {
  const m = p.start();
  name(p, AFTER_MEMBER_NAME);
  if (p.expect(K.COLON, '`:` and the field type')) ty(p);
  p.complete(m, K.FIELD);
}

function variantCase(p: Parser): void {
  const m = p.start();
  name(p, AFTER_CASE_NAME);
  if (p.eat(K.L_PAREN)) {
    ty(p);
    p.expect(K.R_PAREN);
  }
  p.complete(m, K.VARIANT_CASE);
}

function simpleCase(p: Parser, kind: K): void {
  const m = p.start();
  name(p, AFTER_CASE_NAME);
  if (p.at(K.L_PAREN)) {
    p.error(`${kind === K.FLAG ? 'flags' : 'enum cases'} cannot have a payload; use a \`variant\` for cases with payloads`);
    p.bumpBalanced(BODY_STOP);
  }
  p.complete(m, kind);
}

/** `{ constructor(...); name: func(...); name: static func(...); }` */
function resourceBody(p: Parser): void {
  const m = p.start();
  p.bump();
  for (;;) {
    if (p.eat(K.R_BRACE)) break;
    if (p.atEnd() || p.atSet(RESOURCE_STOP)) {
      p.errorExpected('`}` to close the resource');
      break;
    }
    resourceItem(p);
  }
  p.complete(m, K.RESOURCE_BODY);
}

function resourceItem(p: Parser): void {
  const m = p.start();
  attributes(p);
  if (p.at(K.CONSTRUCTOR_KW)) {
    p.bump();
    paramList(p);
    if (p.eat(K.ARROW)) {
      const r = p.start();
      ty(p);
      p.complete(r, K.RESULT_TYPE_CLAUSE);
    }
    p.expect(K.SEMICOLON);
    p.complete(m, K.CONSTRUCTOR);
    return;
  }
  if (atName(p) || atKeywordAsName(p, AFTER_MEMBER_NAME)) {
    name(p, AFTER_MEMBER_NAME);
    let kind = K.METHOD;
    if (p.expect(K.COLON)) {
      if (p.eat(K.STATIC_KW)) kind = K.STATIC_METHOD;
      funcType(p);
    }
    p.expect(K.SEMICOLON);
    p.complete(m, kind);
    return;
  }
  const hint = p.at(K.ASYNC_KW) && p.nth(1) === K.CONSTRUCTOR_KW ? ' (constructors cannot be `async`)' : '';
  p.error(`expected \`constructor\` or a method name, found ${p.describeCurrent()}${hint}`);
  if (!p.atEnd() && !p.at(K.R_BRACE)) p.bumpBalanced(ITEM_RECOVERY);
  while (!p.atEnd() && !p.atSet(ITEM_RECOVERY) && !atName(p)) p.bumpBalanced(ITEM_RECOVERY);
  p.eat(K.SEMICOLON);
  p.complete(m, K.ERROR);
}

/** `name: func(...) -> T;` in an interface. */
export function func(p: Parser, m: Marker): void {
  name(p, AFTER_MEMBER_NAME);
  if (p.expect(K.COLON, '`:` and a function type')) funcType(p);
  p.expect(K.SEMICOLON);
  p.complete(m, K.FUNC);
}

/** FUNC_TYPE: `async? func(params) (-> T)?` */
export function funcType(p: Parser): void {
  const m = p.start();
  p.eat(K.ASYNC_KW);
  if (!p.expect(K.FUNC_KW)) {
    if (!p.at(K.L_PAREN)) {
      p.complete(m, K.FUNC_TYPE);
      return;
    }
  }
  paramList(p);
  if (p.eat(K.ARROW)) {
    const r = p.start();
    if (p.at(K.L_PAREN)) {
      p.error('a function returns a single type: use a tuple or a record for several results (`-> tuple<a, b>`)');
      p.bumpBalanced(PARAM_STOP);
    } else ty(p);
    p.complete(r, K.RESULT_TYPE_CLAUSE);
  }
  p.complete(m, K.FUNC_TYPE);
}

function paramList(p: Parser): void {
  const m = p.start();
  delimited(
    p, K.L_PAREN, K.R_PAREN,
    () => atName(p) || atKeywordAsName(p, AFTER_MEMBER_NAME),
    () => {
      const param = p.start();
      name(p, AFTER_MEMBER_NAME);
      if (p.expect(K.COLON, '`:` and the parameter type')) ty(p);
      p.complete(param, K.PARAM);
    },
    'a parameter (`name: type`)', PARAM_STOP,
  );
  p.complete(m, K.PARAM_LIST);
}

/** A type expression. Nesting is bounded, like wit-parser, so deep input cannot exhaust the stack. */
export function ty(p: Parser, depth = 0): void {
  if (depth === 0) p.typeDepthReported = false;
  if (depth >= MAX_TYPE_DEPTH) {
    // One error per outermost type: each element of `tuple<u8, u8>` at the limit is the same problem.
    if (!p.typeDepthReported) p.error('type nesting too deep (at most 100 levels)', 'nesting-too-deep');
    p.typeDepthReported = true;
    skipDeepType(p);
    return;
  }
  const k = p.current();
  const m = p.start();
  if (PRIMITIVES.has(k)) {
    p.bump();
    p.complete(m, K.PRIMITIVE_TYPE);
    return;
  }
  switch (k) {
    case K.IDENT:
    case K.EXPLICIT_IDENT:
      nameRef(p);
      p.complete(m, K.NAMED_TYPE);
      return;
    case K.LIST_KW:
      p.bump();
      if (p.expect(K.L_ANGLE)) {
        ty(p, depth + 1);
        if (p.eat(K.COMMA)) {
          if (p.at(K.INTEGER)) {
            const text = p.currentText();
            if (text.length > 10 || Number(text) > 0xffffffff) {
              p.error(`invalid list length \`${text}\`: it must fit in 32 bits`, 'invalid-number');
            }
            p.bump();
          } else p.errorExpected('a fixed length (an integer)');
        }
        p.expect(K.R_ANGLE);
      }
      p.complete(m, K.LIST_TYPE);
      return;
    case K.MAP_KW:
      p.bump();
      if (p.expect(K.L_ANGLE)) {
        ty(p, depth + 1);
        if (p.expect(K.COMMA, '`,` and the value type (`map<K, V>`)')) ty(p, depth + 1);
        p.expect(K.R_ANGLE);
      }
      p.complete(m, K.MAP_TYPE);
      return;
    case K.OPTION_KW:
      p.bump();
      if (p.expect(K.L_ANGLE)) {
        ty(p, depth + 1);
        p.expect(K.R_ANGLE);
      }
      p.complete(m, K.OPTION_TYPE);
      return;
    case K.RESULT_KW:
      p.bump();
      if (p.eat(K.L_ANGLE)) {
        if (p.eat(K.UNDERSCORE)) {
          if (p.expect(K.COMMA, '`,` and the error type (`result<_, E>`)')) ty(p, depth + 1);
        } else {
          ty(p, depth + 1);
          if (p.eat(K.COMMA)) {
            if (p.at(K.UNDERSCORE)) p.errorAndBump('`_` can only stand for the ok type (`result<_, E>`); write `result<T>` for no error type');
            else ty(p, depth + 1);
          }
        }
        p.expect(K.R_ANGLE);
      }
      p.complete(m, K.RESULT_TYPE);
      return;
    case K.TUPLE_KW:
      p.bump();
      delimited(p, K.L_ANGLE, K.R_ANGLE, () => p.atSet(TYPE_START), () => ty(p, depth + 1), 'a type', PARAM_STOP);
      p.complete(m, K.TUPLE_TYPE);
      return;
    case K.FUTURE_KW:
    case K.STREAM_KW:
      p.bump();
      if (p.eat(K.L_ANGLE)) {
        ty(p, depth + 1);
        p.expect(K.R_ANGLE);
      }
      p.complete(m, k === K.FUTURE_KW ? K.FUTURE_TYPE : K.STREAM_TYPE);
      return;
    case K.OWN_KW:
    case K.BORROW_KW:
      p.bump();
      if (p.expect(K.L_ANGLE)) {
        if (atName(p)) nameRef(p);
        else if (p.atSet(TYPE_START)) {
          p.errorAndBump(`expected the name of a resource, found ${p.describeCurrent()} (\`own\` and \`borrow\` take a resource)`);
        } else p.errorExpected('the name of a resource');
        p.expect(K.R_ANGLE);
      }
      p.complete(m, K.HANDLE_TYPE);
      return;
  }
  p.abandon(m);
  if (p.at(K.FUNC_KW) || p.at(K.ASYNC_KW)) {
    p.errorAndBump('expected a type, found keyword `func`: functions are not types (declare `name: func(...)` as an item)');
    return;
  }
  if (p.atEnd() || p.atSet(TYPE_END)) {
    p.errorExpected('a type');
    return;
  }
  p.errorAndBump(`expected a type, found ${p.describeCurrent()}`);
}

/** Skips a too-deep type without recursing: its head and a balanced `<...>` after it. */
function skipDeepType(p: Parser): void {
  const m = p.start();
  const before = p.pos;
  if (!p.atEnd() && !p.atSet(TYPE_END)) p.bump();
  if (p.at(K.L_ANGLE)) {
    let depth = 0;
    while (!p.atEnd()) {
      const k = p.current();
      if (k === K.SEMICOLON || k === K.L_BRACE || k === K.R_BRACE) break;
      if (k === K.L_ANGLE) depth++;
      else if (k === K.R_ANGLE) depth--;
      p.bump();
      if (depth === 0) break;
    }
  }
  if (p.pos === before) p.abandon(m);
  else p.complete(m, K.ERROR);
}
