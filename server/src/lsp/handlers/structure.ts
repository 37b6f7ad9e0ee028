// Folding ranges and selection ranges over LSP: both from the open document's syntax tree, so
// they never wait for the workspace to be checked.

import * as lsp from 'vscode-languageserver';
import { foldingRanges } from '../../ide/folding';
import { selectionRanges } from '../../ide/selectionRanges';
import type { Session } from '../session';
import { syntaxSource } from './documentSource';

const FOLDING_KINDS = { comment: lsp.FoldingRangeKind.Comment, imports: lsp.FoldingRangeKind.Imports } as const;

export function registerStructure(session: Session): void {
  session.connection.onFoldingRanges(async (p): Promise<lsp.FoldingRange[] | null> => {
    const src = await syntaxSource(session, p.textDocument.uri);
    if (!src) return null;
    const out: lsp.FoldingRange[] = [];
    let lastStartLine = -1;
    for (const r of foldingRanges(src.tree)) {
      const startLine = src.index.positionAt(r.start).line;
      const endLine = src.index.positionAt(r.end).line;
      // One fold per start line (the outermost): clients keep only one anyway.
      if (endLine <= startLine || startLine === lastStartLine) continue;
      lastStartLine = startLine;
      out.push(r.kind ? { startLine, endLine, kind: FOLDING_KINDS[r.kind] } : { startLine, endLine });
    }
    return out;
  });

  session.connection.onSelectionRanges(async (p): Promise<lsp.SelectionRange[] | null> => {
    const src = await syntaxSource(session, p.textDocument.uri);
    if (!src) return null;
    const offsets = p.positions.map((pos) => src.index.offsetAt(pos));
    return selectionRanges(src.tree, offsets).map((chain) => {
      let parent: lsp.SelectionRange | undefined;
      for (let i = chain.length - 1; i >= 0; i--) {
        const r = chain[i];
        parent = { range: { start: src.index.positionAt(r.start), end: src.index.positionAt(r.end) }, parent };
      }
      return parent!;
    });
  });
}

export const structureCapabilities: Partial<lsp.ServerCapabilities> = {
  foldingRangeProvider: true,
  selectionRangeProvider: true,
};
