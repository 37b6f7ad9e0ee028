// Document, range and on-type (`}`) formatting over LSP.

import * as lsp from 'vscode-languageserver';
import { FormatOptions, formatDocument, formatOnType, formatRange } from '../../ide/formatting';
import type { TextEdit } from '../../syntax';
import type { Session } from '../session';

function options(o: lsp.FormattingOptions): FormatOptions {
  return { tabSize: o.tabSize, insertSpaces: o.insertSpaces, insertFinalNewline: o.insertFinalNewline };
}

function toLsp(session: Session, uri: string, edits: TextEdit[] | undefined): lsp.TextEdit[] | null {
  const doc = session.documents.get(uri);
  if (!doc || !edits) return null;
  return edits.map((e) => ({
    range: { start: doc.lineIndex.positionAt(e.start), end: doc.lineIndex.positionAt(e.end) },
    newText: e.newText,
  }));
}

export function registerFormatting(session: Session): void {
  const c = session.connection;
  c.onDocumentFormatting(({ textDocument, options: o }) => {
    const doc = session.documents.get(textDocument.uri);
    return doc ? toLsp(session, textDocument.uri, formatDocument(doc.tree, options(o))) : null;
  });
  c.onDocumentRangeFormatting(({ textDocument, range, options: o }) => {
    const doc = session.documents.get(textDocument.uri);
    if (!doc) return null;
    const start = doc.lineIndex.offsetAt(range.start);
    const end = doc.lineIndex.offsetAt(range.end);
    return toLsp(session, textDocument.uri, formatRange(doc.tree, start, end, options(o)));
  });
  c.onDocumentOnTypeFormatting(({ textDocument, position, ch, options: o }) => {
    const doc = session.documents.get(textDocument.uri);
    if (!doc) return null;
    return toLsp(session, textDocument.uri, formatOnType(doc.tree, doc.lineIndex.offsetAt(position), ch, options(o)));
  });
}

export const formattingCapabilities: Partial<lsp.ServerCapabilities> = {
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
  documentOnTypeFormattingProvider: { firstTriggerCharacter: '}' },
};
