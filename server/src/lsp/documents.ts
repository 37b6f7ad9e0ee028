// The open documents: their text, version and syntax tree, kept current from incremental
// `didChange` events by reparsing only what each change touched.

import { SyntaxTree, parse, reparse } from '../syntax';
import { LineIndex, Position } from './lineIndex';

export interface OpenDocument {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly tree: SyntaxTree;
  readonly lineIndex: LineIndex;
}

export interface ContentChange {
  range?: { start: Position; end: Position };
  text: string;
}

export class DocumentStore {
  private readonly docs = new Map<string, OpenDocument>();

  open(uri: string, version: number, text: string): OpenDocument {
    const doc = { uri, version, text, tree: parse(text), lineIndex: new LineIndex(text) };
    this.docs.set(uri, doc);
    return doc;
  }

  change(uri: string, version: number, changes: readonly ContentChange[]): OpenDocument | undefined {
    let doc = this.docs.get(uri);
    if (!doc) return undefined;
    let { text, tree, lineIndex } = doc;
    for (const change of changes) {
      if (!change.range) {
        text = change.text;
        tree = parse(text);
      } else {
        const start = lineIndex.offsetAt(change.range.start);
        const end = Math.max(start, lineIndex.offsetAt(change.range.end));
        tree = reparse(tree, { start, end, newText: change.text });
        text = tree.text;
      }
      lineIndex = new LineIndex(text);
    }
    doc = { uri, version, text, tree, lineIndex };
    this.docs.set(uri, doc);
    return doc;
  }

  close(uri: string): void {
    this.docs.delete(uri);
  }

  get(uri: string): OpenDocument | undefined {
    return this.docs.get(uri);
  }

  all(): OpenDocument[] {
    return [...this.docs.values()];
  }
}
