// Semantic tokens over LSP: full, range and delta. Tokens are encoded the protocol's way (five
// integers each, positions relative to the previous token); a delta is the single edit between
// the previous encoding of the document and the new one, found by trimming their common prefix
// and suffix — after a keystroke only the tokens near the edit differ, because each token's
// position is relative to the one before it.

import * as lsp from 'vscode-languageserver';
import { SemanticToken, TOKEN_MODIFIERS, TOKEN_TYPES, semanticTokens } from '../../ide/semanticTokens';
import type { LineIndex } from '../lineIndex';
import type { Session } from '../session';
import { modelSource } from './documentSource';

export const SEMANTIC_TOKENS_LEGEND: lsp.SemanticTokensLegend = {
  tokenTypes: [...TOKEN_TYPES],
  tokenModifiers: [...TOKEN_MODIFIERS],
};

/** Encodes tokens (in document order, each on one line) as LSP's relative integers. */
export function encodeTokens(index: LineIndex, tokens: SemanticToken[]): number[] {
  const data = new Array<number>(tokens.length * 5);
  let prevLine = 0;
  let prevChar = 0;
  let i = 0;
  for (const t of tokens) {
    const { line, character } = index.positionAt(t.start);
    data[i++] = line - prevLine;
    data[i++] = line === prevLine ? character - prevChar : character;
    data[i++] = t.length;
    data[i++] = t.type;
    data[i++] = t.modifiers;
    prevLine = line;
    prevChar = character;
  }
  return data;
}

/** The edit that turns `prev` into `next`: none when equal, else one, aligned to whole tokens. */
export function tokenEdits(prev: readonly number[], next: readonly number[]): lsp.SemanticTokensEdit[] {
  const min = Math.min(prev.length, next.length);
  let start = 0;
  while (start < min && prev[start] === next[start]) start++;
  if (start === prev.length && start === next.length) return [];
  start -= start % 5;
  let end = 0;
  while (end < min - start && prev[prev.length - 1 - end] === next[next.length - 1 - end]) end++;
  end -= end % 5;
  return [{ start, deleteCount: prev.length - start - end, data: next.slice(start, next.length - end) }];
}

/** The last result sent for each document, for deltas (a few documents at most are kept). */
const MAX_CACHED = 32;

export function registerSemanticTokens(session: Session): void {
  const c = session.connection;
  const previous = new Map<string, { resultId: string; data: number[] }>();
  let nextId = 1;

  const remember = (uri: string, data: number[]): string => {
    const resultId = String(nextId++);
    previous.delete(uri);
    previous.set(uri, { resultId, data });
    if (previous.size > MAX_CACHED) previous.delete(previous.keys().next().value!);
    return resultId;
  };

  const full = async (uri: string): Promise<number[] | undefined> => {
    const src = await modelSource(session, uri);
    return src && encodeTokens(src.index, semanticTokens(src.tree, src.model));
  };

  c.languages.semanticTokens.on(async (p): Promise<lsp.SemanticTokens> => {
    const data = await full(p.textDocument.uri);
    if (!data) return { data: [] };
    return { resultId: remember(p.textDocument.uri, data), data };
  });

  c.languages.semanticTokens.onDelta(async (p): Promise<lsp.SemanticTokens | lsp.SemanticTokensDelta> => {
    const uri = p.textDocument.uri;
    const data = await full(uri);
    if (!data) return { data: [] };
    const before = previous.get(uri);
    const resultId = remember(uri, data);
    if (!before || before.resultId !== p.previousResultId) return { resultId, data };
    return { resultId, edits: tokenEdits(before.data, data) };
  });

  c.languages.semanticTokens.onRange(async (p): Promise<lsp.SemanticTokens> => {
    const src = await modelSource(session, p.textDocument.uri);
    if (!src) return { data: [] };
    const range = { start: src.index.offsetAt(p.range.start), end: src.index.offsetAt(p.range.end) };
    return { data: encodeTokens(src.index, semanticTokens(src.tree, src.model, range)) };
  });
}

export const semanticTokensCapabilities: Partial<lsp.ServerCapabilities> = {
  semanticTokensProvider: {
    legend: SEMANTIC_TOKENS_LEGEND,
    full: { delta: true },
    range: true,
  },
};
