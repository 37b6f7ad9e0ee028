// Incremental reparsing: after an edit, only the top-level items the edit touches are lexed and
// parsed again; the green nodes of the others are reused as they are. When the result could
// differ from a full parse (a comment left open, an item that now runs into the next one), the
// region grows or a full parse is done instead, so the tree always equals parse(newText).

import type { GreenElement } from './green';
import { greenWidth, isGreenNode } from './green';
import { ChildInfo, SyntaxTree, assembleTree, parse, parseRegion } from './parse';
import { SyntaxKind } from './syntaxKind';

export interface TextEdit {
  /** Offsets into the old text. */
  start: number;
  end: number;
  newText: string;
}

/** How the last reparse went: for tests and for the benchmark. */
export const reparseStats = { incremental: 0, full: 0, reusedChildren: 0 };

export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

export function reparse(old: SyntaxTree, edit: TextEdit): SyntaxTree {
  const text = applyEdit(old.text, edit);
  try {
    const result = tryIncremental(old, edit, text);
    if (result) {
      reparseStats.incremental++;
      return result;
    }
  } catch {
    // fall through to a full parse
  }
  reparseStats.full++;
  return parse(text);
}

function tryIncremental(old: SyntaxTree, edit: TextEdit, text: string): SyntaxTree | undefined {
  const children = old.green.children;
  const n = children.length;
  if (n === 0) return undefined;
  const delta = edit.newText.length - (edit.end - edit.start);
  const starts: number[] = new Array(n + 1);
  starts[0] = 0;
  for (let i = 0; i < n; i++) starts[i + 1] = starts[i] + greenWidth(children[i]);

  // Keep a prefix of children whose parse (and the lexer's two characters of lookahead) did
  // not reach the edit.
  let keepLo = 0;
  let reach = 0;
  for (let i = 0; i < n; i++) {
    const c = children[i];
    // A comment at the top level trails the file; a full parse would give it to a new item.
    if (!isGreenNode(c) && (c.kind === SyntaxKind.LINE_COMMENT || c.kind === SyntaxKind.BLOCK_COMMENT)) break;
    reach = Math.max(reach, starts[i] + old.info[i].peekEnd);
    if (reach + 1 < edit.start) keepLo = i + 1;
    else break;
  }
  // Keep a suffix that starts with an item node strictly after the edit.
  let keepHi = n;
  for (let i = n - 1; i >= keepLo; i--) {
    if (starts[i] <= edit.end) break;
    if (isGreenNode(children[i])) keepHi = i;
  }

  for (let attempt = 0; attempt < 3; attempt++) {
    const regionStart = starts[keepLo];
    const regionEnd = (keepHi < n ? starts[keepHi] : old.text.length) + delta;
    const region = parseRegion(text, regionStart, regionEnd);
    const clean =
      region.lexEnd === regionEnd &&
      (keepHi === n || (!region.sawEnd && !endsWithComment(region.children)));
    if (clean) {
      reparseStats.reusedChildren += keepLo + (n - keepHi);
      const newChildren: GreenElement[] = [
        ...children.slice(0, keepLo), ...region.children, ...children.slice(keepHi),
      ];
      const newInfo: ChildInfo[] = [...old.info.slice(0, keepLo), ...region.info, ...old.info.slice(keepHi)];
      return assembleTree(text, newChildren, newInfo);
    }
    if (keepHi === n) return undefined;
    // Take in the next item and try again.
    keepHi++;
    while (keepHi < n && !isGreenNode(children[keepHi])) keepHi++;
  }
  return undefined;
}

/** Trailing comments at the end of a region would, in a full parse, belong to the next item. */
function endsWithComment(children: GreenElement[]): boolean {
  for (let i = children.length - 1; i >= 0; i--) {
    const c = children[i];
    if (isGreenNode(c)) return false;
    if (c.kind === SyntaxKind.LINE_COMMENT || c.kind === SyntaxKind.BLOCK_COMMENT) return true;
  }
  return false;
}
