// The custom requests between the extension and the server, by name and shape: the one
// definition both sides compile against (the client imports this file's types only, so no server
// code reaches the extension bundle).

import type { CompositionInput, CompositionIssue, CompositionReport, ComponentWit, PlugMatch } from '../semantics/composition';
import type { LayoutView } from '../ide/abiLayoutView';

export type { CompositionInput, CompositionIssue, CompositionReport, ComponentWit, PlugMatch, LayoutView };

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextDocumentPosition {
  textDocument: { uri: string };
  position: Position;
}

/** `wit/worlds`: the worlds of the package a document belongs to, the one at the cursor marked. */
export const WORLDS_REQUEST = 'wit/worlds';

export interface WorldsParams {
  textDocument: { uri: string };
  position?: Position;
}

export interface WorldExport {
  name: string;
  kind: 'func' | 'interface';
  /** The function's WIT signature, for run prompts. */
  signature?: string;
}

export interface WorldInfo {
  name: string;
  /** `ns:name@version` of the package that declares it. */
  package: string;
  uri: string;
  range: Range;
  /** The folder of the package's `.wit` files (what `--wit` options want), as a path. */
  witFolder: string;
  atCursor: boolean;
  exports: WorldExport[];
  imports: string[];
}

export interface WorldsResult {
  worlds: WorldInfo[];
}

/** `wit/checkComposition`: do the plugs' exports fit the socket's imports? */
export const CHECK_COMPOSITION_REQUEST = 'wit/checkComposition';

/** `wit/abiLayout`: the Canonical ABI layout of the type or function at a position (or null). */
export const ABI_LAYOUT_REQUEST = 'wit/abiLayout';

export type AbiLayoutParams = TextDocumentPosition;

/** What the browser server asks the client for, since a web worker cannot read the workspace. */
export const FS_REQUESTS = {
  stat: 'wit/stat',
  readDirectory: 'wit/readDirectory',
  readFile: 'wit/readFile',
} as const;

export interface FsParams {
  uri: string;
}
