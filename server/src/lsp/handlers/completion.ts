// Completion over LSP. A request does not wait for the unit to be checked again: the syntax comes
// from the open document's tree, which is current after every keystroke, and the names from the
// unit's last check (a keystroke old at worst); only a file no check has covered yet waits for
// one. Documentation is filled in by `completionItem/resolve` from the id each item carries.

import * as lsp from 'vscode-languageserver';
import type { Analysis } from '../../ide/analysis';
import { CompletionItem, CompletionKind, completion, completionDocs } from '../../ide/completion';
import type { SyntaxTree } from '../../syntax';
import type { LineIndex } from '../lineIndex';
import type { Session } from '../session';

const KINDS: Record<CompletionKind, lsp.CompletionItemKind> = {
  keyword: lsp.CompletionItemKind.Keyword,
  snippet: lsp.CompletionItemKind.Snippet,
  builtin: lsp.CompletionItemKind.TypeParameter,
  record: lsp.CompletionItemKind.Struct,
  variant: lsp.CompletionItemKind.Enum,
  enum: lsp.CompletionItemKind.Enum,
  flags: lsp.CompletionItemKind.Enum,
  resource: lsp.CompletionItemKind.Class,
  alias: lsp.CompletionItemKind.TypeParameter,
  type: lsp.CompletionItemKind.TypeParameter,
  interface: lsp.CompletionItemKind.Interface,
  world: lsp.CompletionItemKind.Module,
  attribute: lsp.CompletionItemKind.Property,
  function: lsp.CompletionItemKind.Function,
  value: lsp.CompletionItemKind.Value,
};

interface ItemData {
  uri: string;
  id: string;
}

/** What a completion request works from: the current tree and the last check's names. */
export async function currentInput(session: Session, uri: string): Promise<{ analysis: Analysis; tree: SyntaxTree; index: LineIndex } | undefined> {
  const path = session.uriToPath(uri);
  const doc = session.documents.get(uri);
  let unit = session.workspace.latest(path);
  let file = unit && session.fileIn(unit, path);
  if (!unit || !file) {
    const fa = await session.analyze(uri);
    if (!fa) return undefined;
    unit = fa.unit;
    file = fa.file;
  }
  return {
    analysis: { file, resolution: unit.resolution, input: unit.input },
    tree: doc?.tree ?? file.tree,
    index: doc?.lineIndex ?? session.lineIndex(path, file.text),
  };
}

/** What the client can take: snippets, and edits with separate insert and replace ranges. */
export interface ClientSupport {
  snippets: boolean;
  insertReplace: boolean;
}

/** A snippet's text without its tab stops (`${1:name}` → `name`), for clients that cannot expand snippets. */
function plainText(snippet: string): string {
  return snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
}

export function toLspCompletionItem(item: CompletionItem, uri: string, index: LineIndex, cursor: lsp.Position, wordEnd: lsp.Position, support: ClientSupport): lsp.CompletionItem {
  const out: lsp.CompletionItem = {
    label: item.label,
    kind: KINDS[item.kind],
    sortText: item.sortText,
  };
  if (item.detail) out.detail = item.detail;
  if (item.filterText) out.filterText = item.filterText;
  const snippet = item.snippet && support.snippets;
  const newText = item.snippet && !snippet ? plainText(item.insertText) : item.insertText;
  if (snippet) out.insertTextFormat = lsp.InsertTextFormat.Snippet;
  if (item.deprecated) out.tags = [lsp.CompletionItemTag.Deprecated];
  const start = index.positionAt(item.start);
  // A text edit must stay on the cursor's line; a (rare) longer one falls back to plain insertion.
  if (start.line !== cursor.line) out.insertText = newText;
  else if (support.insertReplace && (wordEnd.character !== cursor.character || wordEnd.line !== cursor.line)) {
    // In the middle of a word: the client's setting decides between inserting and replacing the rest.
    out.textEdit = { newText, insert: { start, end: cursor }, replace: { start, end: wordEnd } };
  } else out.textEdit = { range: { start, end: cursor }, newText };
  if (item.docId) out.data = { uri, id: item.docId } satisfies ItemData;
  return out;
}

export function registerCompletion(session: Session): void {
  const c = session.connection;
  c.onCompletion(async (p): Promise<lsp.CompletionList | null> => {
    const input = await currentInput(session, p.textDocument.uri);
    if (!input) return null;
    const offset = input.index.offsetAt(p.position);
    try {
      const list = completion(input.analysis, input.tree, offset, { itemSnippets: !session.clientSnippets });
      const cursor = input.index.positionAt(list.cursor);
      const wordEnd = input.index.positionAt(list.wordEnd);
      const item = session.clientCapabilities.textDocument?.completion?.completionItem;
      const support = { snippets: item?.snippetSupport ?? false, insertReplace: item?.insertReplaceSupport ?? false };
      return { isIncomplete: false, items: list.items.map((i) => toLspCompletionItem(i, p.textDocument.uri, input.index, cursor, wordEnd, support)) };
    } catch (e) {
      // The text and the last check may disagree in ways no test foresaw: an empty list, not an error popup.
      c.console.error(`completion failed at ${p.textDocument.uri}:${p.position.line + 1}:${p.position.character + 1}: ${e instanceof Error ? e.stack : String(e)}`);
      return { isIncomplete: true, items: [] };
    }
  });
  c.onCompletionResolve(async (item): Promise<lsp.CompletionItem> => {
    const data = item.data as Partial<ItemData> | undefined;
    if (!data?.uri || !data.id) return item;
    const path = session.uriToPath(data.uri);
    const unit = session.workspace.latest(path) ?? (await session.analyze(data.uri))?.unit;
    const docs = unit && completionDocs(unit.resolution, data.id);
    if (docs) item.documentation = { kind: lsp.MarkupKind.Markdown, value: docs };
    return item;
  });
}

export const completionCapabilities: Partial<lsp.ServerCapabilities> = {
  completionProvider: {
    // `:` `/` `@` and `.` continue paths and versions, `<` `(` `{` open argument and name lists,
    // a space follows `import`, `use`, `name:` and `->`.
    triggerCharacters: [':', '/', '@', '.', '<', '(', '{', ',', ' '],
    resolveProvider: true,
  },
};
