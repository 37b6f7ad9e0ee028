// The server's state shared by every handler: open documents, the workspace model, settings
// and the runtime, plus the conversions between URIs, paths, offsets and LSP positions.

import * as lsp from 'vscode-languageserver';
import type { UnitResult } from '../semantics/workspace';
import { Workspace } from '../semantics/workspace';
import { fileByPath } from '../semantics/resolve';
import type { SourceFile } from '../semantics/model';
import { DocumentStore } from './documents';
import { LineIndex } from './lineIndex';
import type { RuntimeEnvironment } from './runtime';
import { DEFAULT_SETTINGS, Settings, featureOptions } from './settings';

/** Everything a request about one file needs: its parsed source and its unit's resolution. */
export interface FileAnalysis {
  path: string;
  uri: string;
  file: SourceFile;
  unit: UnitResult;
  index: LineIndex;
}

export class Session {
  readonly documents = new DocumentStore();
  readonly workspace: Workspace;
  settings: Settings = DEFAULT_SETTINGS;
  /** What the client said it can do, at initialization. */
  clientCapabilities: lsp.ClientCapabilities = {};
  /** The client has its own item snippets (initializationOptions.clientSnippets): offer none. */
  clientSnippets = false;
  /** The workspace folders (paths), once the client said which they are. */
  workspaceFolders: () => string[] = () => [];
  private readonly lineIndexes = new Map<string, LineIndex>();

  constructor(
    readonly connection: lsp.Connection,
    readonly runtime: RuntimeEnvironment,
  ) {
    this.workspace = new Workspace(runtime.fs, featureOptions(this.settings));
  }

  uriToPath(uri: string): string {
    return this.runtime.uriToPath(uri);
  }

  pathToUri(path: string): string {
    return this.runtime.pathToUri(path);
  }

  /** The line index of a file's text: the open document's, or one computed (and kept) for it. */
  lineIndex(path: string, text: string): LineIndex {
    const doc = this.documents.get(this.pathToUri(path));
    if (doc && doc.text === text) return doc.lineIndex;
    let idx = this.lineIndexes.get(path);
    if (!idx || idx.text !== text) {
      idx = new LineIndex(text);
      this.lineIndexes.set(path, idx);
    }
    return idx;
  }

  /** The plain-data analysis the ide layer works from. */
  ideAnalysis(fa: FileAnalysis): { file: SourceFile; resolution: UnitResult['resolution']; input: UnitResult['input'] } {
    return { file: fa.file, resolution: fa.unit.resolution, input: fa.unit.input };
  }

  /** Analysis of a file, checking its unit first if anything changed. */
  async analyze(uri: string): Promise<FileAnalysis | undefined> {
    const path = this.uriToPath(uri);
    const unit = await this.workspace.checkFile(path);
    const file = fileByPath(unit.input, path);
    if (!file) return undefined;
    return { path, uri, file, unit, index: this.lineIndex(path, file.text) };
  }

  /** The source file for a path in a unit result (for results that point into other files). */
  fileIn(unit: UnitResult, path: string): SourceFile | undefined {
    return fileByPath(unit.input, path);
  }

  toLspRange(path: string, text: string, start: number, end: number): lsp.Range {
    const idx = this.lineIndex(path, text);
    return { start: idx.positionAt(start), end: idx.positionAt(end) };
  }
}
