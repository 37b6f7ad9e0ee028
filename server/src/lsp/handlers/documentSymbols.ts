// Document symbols (the outline and breadcrumbs) and workspace symbols over LSP.

import * as lsp from 'vscode-languageserver';
import { OutlineKind, OutlineSymbol, documentSymbols } from '../../ide/documentSymbols';
import { WorkspaceSymbolKind, workspaceSymbols } from '../../ide/workspaceSymbols';
import { unitFiles } from '../../ide/analysis';
import type { SourceFile } from '../../semantics/model';
import type { LineIndex } from '../lineIndex';
import type { Session } from '../session';
import { modelSource } from './documentSource';

const K = lsp.SymbolKind;

const OUTLINE_KINDS: Record<OutlineKind, lsp.SymbolKind> = {
  package: K.Package, use: K.Namespace, interface: K.Interface, world: K.Module, include: K.Module,
  type: K.TypeParameter, record: K.Struct, variant: K.Enum, enum: K.Enum, flags: K.Enum,
  resource: K.Class, function: K.Function, method: K.Method, constructor: K.Constructor,
  field: K.Field, case: K.EnumMember, flag: K.EnumMember,
};

const WORKSPACE_KINDS: Record<WorkspaceSymbolKind, lsp.SymbolKind> = {
  package: K.Package, interface: K.Interface, world: K.Module, type: K.TypeParameter,
  record: K.Struct, variant: K.Enum, enum: K.Enum, flags: K.Enum, resource: K.Class,
  function: K.Function, method: K.Method, constructor: K.Constructor,
};

function toDocumentSymbol(index: LineIndex, s: OutlineSymbol): lsp.DocumentSymbol {
  const out: lsp.DocumentSymbol = {
    name: s.name,
    kind: OUTLINE_KINDS[s.kind],
    range: { start: index.positionAt(s.range.start), end: index.positionAt(s.range.end) },
    selectionRange: { start: index.positionAt(s.selectionRange.start), end: index.positionAt(s.selectionRange.end) },
    children: s.children.map((c) => toDocumentSymbol(index, c)),
  };
  if (s.detail) out.detail = s.detail;
  if (s.deprecated) out.tags = [lsp.SymbolTag.Deprecated];
  return out;
}

export function registerDocumentSymbols(session: Session): void {
  session.connection.onDocumentSymbol(async (p): Promise<lsp.DocumentSymbol[] | null> => {
    const src = await modelSource(session, p.textDocument.uri);
    if (!src) return null;
    return documentSymbols(src.tree, src.model).map((s) => toDocumentSymbol(src.index, s));
  });

  session.connection.onWorkspaceSymbol(async (p): Promise<lsp.SymbolInformation[]> => {
    // Units changed since their last check are checked first, so new names are found.
    for (const root of session.workspace.dirtyRoots()) {
      await session.workspace.check(root).catch(() => undefined);
    }
    const units = session.workspace.allResults();
    const files = new Map<string, SourceFile>();
    for (const u of units) for (const f of unitFiles(u.input)) files.set(f.path, f);
    const out: lsp.SymbolInformation[] = [];
    for (const s of workspaceSymbols(units, p.query)) {
      const file = files.get(s.file);
      if (!file) continue;
      const info: lsp.SymbolInformation = {
        name: s.name,
        kind: WORKSPACE_KINDS[s.kind],
        location: { uri: session.pathToUri(s.file), range: session.toLspRange(s.file, file.text, s.range.start, s.range.end) },
      };
      if (s.container) info.containerName = s.container;
      if (s.deprecated) info.tags = [lsp.SymbolTag.Deprecated];
      out.push(info);
    }
    return out;
  });
}

export const documentSymbolCapabilities: Partial<lsp.ServerCapabilities> = {
  documentSymbolProvider: { label: 'WIT' },
  workspaceSymbolProvider: true,
};
