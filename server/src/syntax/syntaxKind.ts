// The kinds of every token and node in the lossless WIT syntax tree, and their readable names.

export enum SyntaxKind {
  // ---- trivia
  WHITESPACE,
  LINE_COMMENT,
  BLOCK_COMMENT,
  // ---- punctuation
  EQ, // =
  COMMA, // ,
  COLON, // :
  PERIOD, // .
  SEMICOLON, // ;
  L_PAREN, // (
  R_PAREN, // )
  L_BRACE, // {
  R_BRACE, // }
  L_ANGLE, // <
  R_ANGLE, // >
  STAR, // *
  AT, // @
  SLASH, // /
  PLUS, // +
  MINUS, // -
  ARROW, // ->
  // ---- literals and names
  IDENT,
  EXPLICIT_IDENT, // %name
  INTEGER,
  STRING,
  ERROR_TOKEN, // a character the lexer does not know
  // ---- keywords (keep in the order of KEYWORDS below)
  AS_KW,
  ASYNC_KW,
  BOOL_KW,
  BORROW_KW,
  CHAR_KW,
  CONSTRUCTOR_KW,
  ENUM_KW,
  ERROR_CONTEXT_KW,
  EXPORT_KW,
  F32_KW,
  F64_KW,
  FLAGS_KW,
  FROM_KW,
  FUNC_KW,
  FUTURE_KW,
  IMPORT_KW,
  INCLUDE_KW,
  INTERFACE_KW,
  LIST_KW,
  MAP_KW,
  OPTION_KW,
  OWN_KW,
  PACKAGE_KW,
  RECORD_KW,
  RESOURCE_KW,
  RESULT_KW,
  S8_KW,
  S16_KW,
  S32_KW,
  S64_KW,
  STATIC_KW,
  STREAM_KW,
  STRING_KW,
  TUPLE_KW,
  TYPE_KW,
  U8_KW,
  U16_KW,
  U32_KW,
  U64_KW,
  USE_KW,
  VARIANT_KW,
  WITH_KW,
  WORLD_KW,
  UNDERSCORE, // _
  /** Not in trees: what the parser sees past the last token. */
  EOF,

  // ---- nodes
  SOURCE_FILE,
  ERROR, // tokens skipped during error recovery
  PACKAGE_DECL, // package a:b@1.0.0;
  NESTED_PACKAGE, // package a:b { ... }
  PACKAGE_NAME, // a:b@1.0.0
  VERSION, // 1.0.0-pre+build
  TOPLEVEL_USE, // use a:b/c@1.0.0 as d;
  USE_PATH, // c  |  a:b/c@1.0.0
  INTERFACE, // interface x { ... }
  WORLD, // world w { ... }
  ITEM_LIST, // { ... } of an interface, world, nested package or inline interface
  ATTRIBUTE, // @since(version = 1.0.0) ...
  USE, // use x.{a, b as c};
  USE_NAME_LIST, // {a, b as c}
  USE_NAME, // b as c
  TYPE_ALIAS, // type x = ty;
  RECORD, // record r { a: u32 }
  FIELD_LIST,
  FIELD,
  VARIANT,
  CASE_LIST, // of a variant
  VARIANT_CASE,
  ENUM,
  ENUM_CASE_LIST,
  ENUM_CASE,
  FLAGS,
  FLAG_LIST,
  FLAG,
  RESOURCE, // resource r;  |  resource r { ... }
  RESOURCE_BODY,
  CONSTRUCTOR, // constructor(a: u32);
  METHOD, // name: func(...);       inside a resource
  STATIC_METHOD, // name: static func(...);
  FUNC, // name: func(...);         in an interface
  FUNC_TYPE, // async? func(params) -> result
  PARAM_LIST,
  PARAM,
  RESULT_TYPE_CLAUSE, // -> ty
  IMPORT,
  EXPORT,
  EXTERN_PATH, // import a:b/c;  |  import c;
  EXTERN_FUNC, // import f: func();
  EXTERN_INTERFACE, // import x: interface { ... }
  EXTERN_LABELED_PATH, // import x: a:b/c;
  INCLUDE, // include w with { a as b }
  INCLUDE_NAME_LIST,
  INCLUDE_NAME,
  // types
  PRIMITIVE_TYPE, // u32, string, error-context, ...
  NAMED_TYPE, // foo
  LIST_TYPE, // list<T>  |  list<T, N>
  MAP_TYPE,
  OPTION_TYPE,
  RESULT_TYPE, // result | result<T> | result<_, E> | result<T, E>
  TUPLE_TYPE,
  FUTURE_TYPE,
  STREAM_TYPE,
  HANDLE_TYPE, // own<R> | borrow<R>
  TYPE_ARG_LIST, // <...> of a generic type
  NAME, // a name being declared
  NAME_REF, // a name being used
}

export const FIRST_KEYWORD = SyntaxKind.AS_KW;
export const LAST_KEYWORD = SyntaxKind.UNDERSCORE;
export const FIRST_NODE = SyntaxKind.SOURCE_FILE;

/** The keyword spellings in SyntaxKind order, from AS_KW to UNDERSCORE. */
export const KEYWORDS: readonly string[] = [
  'as', 'async', 'bool', 'borrow', 'char', 'constructor', 'enum', 'error-context', 'export', 'f32',
  'f64', 'flags', 'from', 'func', 'future', 'import', 'include', 'interface', 'list', 'map',
  'option', 'own', 'package', 'record', 'resource', 'result', 's8', 's16', 's32', 's64', 'static',
  'stream', 'string', 'tuple', 'type', 'u8', 'u16', 'u32', 'u64', 'use', 'variant', 'with', 'world',
  '_',
];

const keywordMap = new Map<string, SyntaxKind>(
  KEYWORDS.map((k, i) => [k, (FIRST_KEYWORD + i) as SyntaxKind]),
);

export function keywordKind(text: string): SyntaxKind | undefined {
  return keywordMap.get(text);
}

export function isKeyword(kind: SyntaxKind): boolean {
  return kind >= FIRST_KEYWORD && kind <= LAST_KEYWORD;
}

export function isTrivia(kind: SyntaxKind): boolean {
  return kind <= SyntaxKind.BLOCK_COMMENT;
}

const PUNCT: Partial<Record<SyntaxKind, string>> = {
  [SyntaxKind.EQ]: '=', [SyntaxKind.COMMA]: ',', [SyntaxKind.COLON]: ':', [SyntaxKind.PERIOD]: '.',
  [SyntaxKind.SEMICOLON]: ';', [SyntaxKind.L_PAREN]: '(', [SyntaxKind.R_PAREN]: ')',
  [SyntaxKind.L_BRACE]: '{', [SyntaxKind.R_BRACE]: '}', [SyntaxKind.L_ANGLE]: '<',
  [SyntaxKind.R_ANGLE]: '>', [SyntaxKind.STAR]: '*', [SyntaxKind.AT]: '@', [SyntaxKind.SLASH]: '/',
  [SyntaxKind.PLUS]: '+', [SyntaxKind.MINUS]: '-', [SyntaxKind.ARROW]: '->',
};

/** The text of a token kind that is always spelled the same (punctuation and keywords). */
export function fixedText(kind: SyntaxKind): string | undefined {
  if (isKeyword(kind)) return KEYWORDS[kind - FIRST_KEYWORD];
  return PUNCT[kind];
}

/** How a token kind is named in messages ("`;`", "keyword `type`", "an identifier"). */
export function describeKind(kind: SyntaxKind): string {
  const p = PUNCT[kind];
  if (p !== undefined) return `\`${p}\``;
  if (isKeyword(kind)) return `keyword \`${KEYWORDS[kind - FIRST_KEYWORD]}\``;
  switch (kind) {
    case SyntaxKind.IDENT: return 'an identifier';
    case SyntaxKind.EXPLICIT_IDENT: return "a '%' identifier";
    case SyntaxKind.INTEGER: return 'an integer';
    case SyntaxKind.STRING: return 'a string literal';
    case SyntaxKind.EOF: return 'end of file';
    case SyntaxKind.ERROR_TOKEN: return 'an unexpected character';
    case SyntaxKind.WHITESPACE: return 'whitespace';
    case SyntaxKind.LINE_COMMENT:
    case SyntaxKind.BLOCK_COMMENT: return 'a comment';
    default: return kindName(kind);
  }
}

/** The enum member's name, for tree dumps. */
export function kindName(kind: SyntaxKind): string {
  return SyntaxKind[kind] ?? `KIND_${kind}`;
}
