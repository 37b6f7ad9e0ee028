// Parsed and lowered files, cached by path and text: a file is parsed and lowered once per
// version of its text, and an open editor buffer brings its own (incrementally kept) tree.

import { SyntaxKind, SyntaxTree, makeNode, parse, parseFlat, syntaxErrors } from '../syntax';

/** A tree reduced to its text and its syntax errors (all of them, computed while it was whole). */
function withoutNodes(t: SyntaxTree): SyntaxTree {
  return { text: t.text, green: makeNode(SyntaxKind.SOURCE_FILE, []), info: [], errors: syntaxErrors(t) };
}
import { lowerFile, lowerFlat } from './lower';
import type { SourceFile } from './model';

export class SourceCache {
  private readonly files = new Map<string, SourceFile>();

  /**
   * `retainTrees: false` keeps only each file's text, syntax errors and summary, dropping the
   * syntax tree once it is lowered: a one-shot check (the command line) needs no more, and not
   * keeping a large package's trees saves much memory and garbage-collection time.
   */
  constructor(private readonly options: { retainTrees: boolean } = { retainTrees: true }) {}

  /** The file for `path` with this text; `tree` (already parsed from `text`) avoids a parse. */
  get(path: string, text: string, tree?: SyntaxTree): SourceFile {
    const cached = this.files.get(path);
    if (cached && cached.text === text && (!tree || cached.tree === tree)) return cached;
    let file: SourceFile;
    if (tree || this.options.retainTrees) {
      const t = tree ?? parse(text);
      const hir = lowerFile(t);
      file = this.options.retainTrees ? { path, text, tree: t, hir } : { path, text, tree: withoutNodes(t), hir };
    } else {
      // No tree to keep: lower straight from the parser, without making green nodes.
      const { flat, errors } = parseFlat(text);
      file = { path, text, tree: { text, green: makeNode(SyntaxKind.SOURCE_FILE, []), info: [], errors }, hir: lowerFlat(flat) };
    }
    this.files.set(path, file);
    return file;
  }

  delete(path: string): void {
    this.files.delete(path);
  }

  clear(): void {
    this.files.clear();
  }
}
