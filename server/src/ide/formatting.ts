// The WIT formatter: whole document, a range, and on-type after `}`. It returns minimal text
// edits (whitespace between tokens, plus trailing commas), never touches a file with syntax
// errors, and checks its own result before handing it out (format/verify.ts).
//
// Style decisions (the canonical style is wasm-tools' printer, `wit-component-print/*.wit.print`):
// - Layout is decided per gap between two tokens; tokens are never moved, added or removed,
//   except trailing commas. Comments stay where they are relative to the tokens.
// - Indentation: one level per body (`{ }` of interfaces, worlds, nested packages, inline
//   interfaces, resources, records, variants, enums, flags) and per list broken over lines.
//   Two spaces by default; `tabSize`/`insertSpaces` choose the unit.
// - One item per line; `{` on the item's line after one space, `}` on its own line. An empty
//   body is `{}` (the printer writes `{` + newline + `}`: a quirk not followed).
// - Record, variant, enum and flags bodies always take one member per line with a trailing
//   comma after the last, as the printer does, even when the user wrote them on one line.
// - Parameter lists, `use` name lists and `include ... with { }` lists stay on one line without
//   a trailing comma (the printer never breaks them, whatever their length: no width limit), unless
//   the user broke the list over lines: then it gets one element per line, indented one level,
//   a trailing comma, and the closer on its own line. The user's choice is kept because long
//   WASI signatures are written that way on purpose.
// - Spaces: after `:` and `,`, around `=` and `->`; none inside `a:b/c@1.0.0`, versions and
//   `list<u8>`, after `(` `<` `@` `.`, before `(` `<` `,` `;` `:` `)` `>`. `use a.{b, c}` has no
//   spaces inside its braces; `include w with { a as b }` has.
// - Attributes go on their own lines before the item, at its indentation.
// - Blank lines: exactly one between top-level items (and items of nested packages), except
//   between consecutive top-level `use`s; in interfaces and worlds, one around every multi-line
//   type definition or function; elsewhere the user's blank lines are kept, at most one. None
//   right after `{`, right before `}`, between attributes and their item, or at the start of
//   the file. The printer puts no blank line between two worlds and ends some files with a blank
//   line: quirks not followed.
// - Comments: a comment that ends a line of code stays at the end of that line (one space
//   before it); a comment on its own line stays on its own line, indented like the code that
//   follows it (one level deeper before a `}`), keeping up to one blank line before it. Line
//   comments keep their text but lose trailing spaces; block comments keep their text and are
//   re-indented at their first line only. A line comment is always followed by a line break.
// - When a comment forces a line break where the style wants none, the next line is indented
//   one level deeper (a continuation).
// - The file ends with exactly one line break (unless `insertFinalNewline` is false: then the
//   file's own choice is kept); line breaks are written as the file's first one (`\n` or `\r\n`).

import type { SyntaxTree, TextEdit } from '../syntax';
import { SyntaxKind as K, SyntaxNode, rootNode, syntaxErrors } from '../syntax';
import { planLayout } from './format/layout';
import { GapEdit, renderGaps } from './format/render';
import { applyEdits, checkedEdits } from './format/verify';

export type { TextEdit } from '../syntax';

export interface FormatOptions {
  /** Width of one indentation level in spaces (used when insertSpaces is set). */
  readonly tabSize: number;
  /** Indent with spaces (canonical) rather than tabs. */
  readonly insertSpaces: boolean;
  /** End the file with exactly one line break (the default); false keeps the file's own ending. */
  readonly insertFinalNewline?: boolean;
}

export const CANONICAL_OPTIONS: FormatOptions = { tabSize: 2, insertSpaces: true };

/** Edits that format the whole file; undefined if it has syntax errors (or the check failed). */
export function formatDocument(tree: SyntaxTree, options: FormatOptions = CANONICAL_OPTIONS): TextEdit[] | undefined {
  const gaps = gapEdits(tree, options);
  if (!gaps) return undefined;
  const edits = gaps.map((g) => trimEdit(g.start, g.newText, tree.text.slice(g.start, g.end)));
  return checkedEdits(tree, edits.filter(isChange));
}

/** The formatted text, or undefined if the file has syntax errors (or the check failed). */
export function formatText(tree: SyntaxTree, options: FormatOptions = CANONICAL_OPTIONS): string | undefined {
  const edits = formatDocument(tree, options);
  return edits && applyEdits(tree.text, edits);
}

/**
 * Edits that format the range [start, end): gaps inside it are formatted; the gap before its
 * first line only gets that line's indentation fixed (no blank line is added above the range),
 * and the gap after its last token only loses trailing spaces. Nothing outside the range changes.
 * A range that starts in a line's indentation is taken to start at the beginning of the line.
 */
export function formatRange(
  tree: SyntaxTree,
  start: number,
  end: number,
  options: FormatOptions = CANONICAL_OPTIONS,
): TextEdit[] | undefined {
  const gaps = gapEdits(tree, options);
  if (!gaps) return undefined;
  const from = lineStartIfIndentation(tree.text, start);
  const out: TextEdit[] = [];
  for (const gap of gaps) {
    if (gap.end < from || gap.start > end) continue;
    const edit = clipToRange(tree.text, gap, from, end);
    if (edit && isChange(edit)) out.push(edit);
  }
  return checkedEdits(tree, out);
}

/**
 * Edits after typing `ch` at `offset - 1` (the cursor is at `offset`): for `}`, the item whose
 * body it closes is formatted, from the start of its first line to the `}`.
 */
export function formatOnType(
  tree: SyntaxTree,
  offset: number,
  ch: string,
  options: FormatOptions = CANONICAL_OPTIONS,
): TextEdit[] | undefined {
  if (ch !== '}') return [];
  if (syntaxErrors(tree).length > 0) return undefined;
  const root = rootNode(tree);
  const token = root.tokenAt(offset - 1);
  if (!token || token.kind !== K.R_BRACE || token.end !== offset) return [];
  const item = enclosingItem(token.parent);
  return formatRange(tree, lineStart(tree.text, item.start), offset, options);
}

function gapEdits(tree: SyntaxTree, options: FormatOptions): GapEdit[] | undefined {
  if (syntaxErrors(tree).length > 0) return undefined;
  const plan = planLayout(tree.green, tree.text);
  return renderGaps(plan, {
    indent: options.insertSpaces ? ' '.repeat(Number.isInteger(options.tabSize) && options.tabSize > 0 ? options.tabSize : 2) : '\t',
    eol: lineBreakOf(tree.text),
    finalNewline: options.insertFinalNewline !== false,
  });
}

function lineBreakOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text.charCodeAt(i - 1) === 0x0d ? '\r\n' : '\n';
}

/** The same change without the unchanged prefix and suffix, to spare cursors and markers. */
function trimEdit(start: number, replacement: string, original: string): TextEdit {
  let p = 0;
  const max = Math.min(original.length, replacement.length);
  while (p < max && original.charCodeAt(p) === replacement.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && original.charCodeAt(original.length - 1 - s) === replacement.charCodeAt(replacement.length - 1 - s)) s++;
  return { start: start + p, end: start + original.length - s, newText: replacement.slice(p, replacement.length - s) };
}

function isChange(e: TextEdit): boolean {
  return e.start !== e.end || e.newText !== '';
}

/** The part of a gap edit that belongs to the range [start, end], or undefined if none does. */
function clipToRange(text: string, gap: GapEdit, start: number, end: number): TextEdit | undefined {
  if (gap.start >= start && gap.end <= end) return trimEdit(gap.start, gap.newText, text.slice(gap.start, gap.end));
  if (gap.start < start && gap.end <= end) {
    // The range starts in this gap, at the start of a line: fix that line's indentation.
    const lineBreak = gap.newText.lastIndexOf('\n');
    if (lineBreak < 0 || text.charCodeAt(start - 1) !== 0x0a) return undefined;
    return trimEdit(start, gap.newText.slice(lineBreak + 1), text.slice(start, gap.end));
  }
  if (gap.start >= start && gap.start < end && gap.end > end) {
    // The range ends in this gap, before the line break: drop the trailing spaces.
    const head = text.slice(gap.start, end);
    const lineBreak = gap.newText.search(/\r?\n/);
    if (lineBreak < 0 || head.includes('\n')) return undefined;
    return trimEdit(gap.start, gap.newText.slice(0, lineBreak), head);
  }
  return undefined;
}

/** The item (with its docs and attributes) that owns a body or list node. */
function enclosingItem(node: SyntaxNode): SyntaxNode {
  for (let n: SyntaxNode | undefined = node; n; n = n.parent) {
    if (ITEM_KINDS.has(n.kind)) return n;
  }
  return node;
}

const ITEM_KINDS = new Set<K>([
  K.PACKAGE_DECL, K.NESTED_PACKAGE, K.TOPLEVEL_USE, K.INTERFACE, K.WORLD, K.USE, K.TYPE_ALIAS,
  K.RECORD, K.VARIANT, K.ENUM, K.FLAGS, K.RESOURCE, K.CONSTRUCTOR, K.METHOD, K.STATIC_METHOD,
  K.FUNC, K.IMPORT, K.EXPORT, K.INCLUDE,
]);

/** The start of the line if only spaces and tabs lie between it and `offset`, else `offset`. */
function lineStartIfIndentation(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && (text.charCodeAt(i - 1) === 0x20 || text.charCodeAt(i - 1) === 0x09)) i--;
  return i === 0 || text.charCodeAt(i - 1) === 0x0a ? i : offset;
}

function lineStart(text: string, offset: number): number {
  const i = text.lastIndexOf('\n', offset - 1);
  return i + 1;
}
