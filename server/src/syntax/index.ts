// The syntax layer's public surface.

export * from './syntaxKind';
export * from './green';
export * from './red';
export * from './parse';
export * from './reparse';
export * from './debugDump';
export { lex } from './lexer';
export { parseWork } from './parser';
export { identifierError, semverError, suggestKebab } from './grammar/common';
export * from './flatTree';
