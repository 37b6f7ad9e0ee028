// Rename over LSP: prepareRename answers with the name's range and placeholder, or an error whose
// message the editor shows (why this cannot be renamed); rename answers with a WorkspaceEdit of
// versioned document changes for every file of the unit it touches.

import * as lsp from 'vscode-languageserver';
import { FileEdits, prepareRename, rename } from '../../ide/rename';
import type { FileAnalysis, Session } from '../session';

/** Per-file edits as versioned document changes (open documents carry their version). */
export function workspaceEdit(session: Session, fa: FileAnalysis, changes: FileEdits[]): lsp.WorkspaceEdit {
  const documentChanges: lsp.TextDocumentEdit[] = [];
  for (const change of changes) {
    const file = session.fileIn(fa.unit, change.file);
    if (!file) continue;
    const uri = session.pathToUri(change.file);
    const doc = session.documents.get(uri);
    documentChanges.push({
      textDocument: { uri, version: doc && doc.text === file.text ? doc.version : null },
      edits: change.edits.map((e) => ({ range: session.toLspRange(change.file, file.text, e.start, e.end), newText: e.newText })),
    });
  }
  return { documentChanges };
}

export function registerRename(session: Session): void {
  const c = session.connection;
  c.onPrepareRename(async (p) => {
    const fa = await session.analyze(p.textDocument.uri);
    if (!fa) return null;
    const r = prepareRename(session.ideAnalysis(fa), fa.index.offsetAt(p.position));
    if ('error' in r) return new lsp.ResponseError(lsp.ErrorCodes.InvalidRequest, r.error);
    return { range: { start: fa.index.positionAt(r.range.start), end: fa.index.positionAt(r.range.end) }, placeholder: r.placeholder };
  });
  c.onRenameRequest(async (p) => {
    const fa = await session.analyze(p.textDocument.uri);
    if (!fa) return null;
    const r = rename(session.ideAnalysis(fa), fa.index.offsetAt(p.position), p.newName);
    if ('error' in r) return new lsp.ResponseError(lsp.ErrorCodes.InvalidRequest, r.error);
    return workspaceEdit(session, fa, r.changes);
  });
}

export const renameCapabilities: Partial<lsp.ServerCapabilities> = {
  renameProvider: { prepareProvider: true },
};
