// What the editor-structure handlers work from: a document's current syntax tree (the open
// buffer's, always up to date) with its line index, and the unit's model when it was computed
// from the same text. Features that need no model take the tree alone and never wait for a check.

import type { Analysis } from '../../ide/analysis';
import type { SyntaxTree } from '../../syntax';
import type { LineIndex } from '../lineIndex';
import type { Session } from '../session';

export interface DocumentSource {
  tree: SyntaxTree;
  index: LineIndex;
  /** The model, when the unit was checked with exactly this text. */
  model?: Analysis;
}

/** The open document's tree, or the file as its unit last read it. */
export async function syntaxSource(session: Session, uri: string): Promise<DocumentSource | undefined> {
  const doc = session.documents.get(uri);
  if (doc) return { tree: doc.tree, index: doc.lineIndex };
  const fa = await session.analyze(uri);
  return fa && { tree: fa.file.tree, index: fa.index };
}

/** The tree with the model: checks the unit first if anything changed. */
export async function modelSource(session: Session, uri: string): Promise<DocumentSource | undefined> {
  const fa = await session.analyze(uri).catch(() => undefined);
  const doc = session.documents.get(uri);
  if (fa && (!doc || doc.text === fa.file.text)) {
    return { tree: fa.file.tree, index: fa.index, model: session.ideAnalysis(fa) };
  }
  // Edited again while the unit was being checked: the tree alone is current.
  return doc ? { tree: doc.tree, index: doc.lineIndex } : undefined;
}
