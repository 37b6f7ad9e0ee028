// Parsed and lowered files, cached by path and text: a file is parsed and lowered once per
// version of its text, and an open editor buffer brings its own (incrementally kept) tree.

import { SyntaxTree, parse } from '../syntax';
import { lowerFile } from './lower';
import type { SourceFile } from './model';

export class SourceCache {
  private readonly files = new Map<string, SourceFile>();

  /** The file for `path` with this text; `tree` (already parsed from `text`) avoids a parse. */
  get(path: string, text: string, tree?: SyntaxTree): SourceFile {
    const cached = this.files.get(path);
    if (cached && cached.text === text && (!tree || cached.tree === tree)) return cached;
    const t = tree ?? parse(text);
    const file: SourceFile = { path, text, tree: t, hir: lowerFile(t) };
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
