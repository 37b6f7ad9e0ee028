// Parsed and lowered files, cached by path and text: a file is parsed and lowered once per
// version of its text, and an open editor buffer brings its own (incrementally kept) tree.

import { keepShape } from '../base/shapes';
import { SyntaxKind, SyntaxTree, makeNode, parse, parseFlat, syntaxErrors } from '../syntax';
import { lowerFile, lowerFlat } from './lower';
import type { SourceFile } from './model';

/** What stands for the tree of a file whose tree is not kept: its text, without nodes. */
function noNodes(text: string): SyntaxTree {
  return { text, green: makeNode(SyntaxKind.SOURCE_FILE, []), info: [], errors: [] };
}

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
      file = { path, text, tree: this.options.retainTrees ? t : noNodes(text), syntaxErrors: syntaxErrors(t), hir: lowerFile(t) };
    } else {
      // No tree to keep: lower straight from the parser, without making green nodes.
      const { flat, errors } = parseFlat(text);
      file = { path, text, tree: noNodes(text), syntaxErrors: errors, hir: lowerFlat(flat) };
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

keepShape(new SourceCache());
