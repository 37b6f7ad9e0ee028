// Definition, declaration, type definition, references, document highlights and document links
// over LSP.

import * as lsp from 'vscode-languageserver';
import type { Range } from '../../semantics/hir';
import {
  NavTarget, documentHighlights, documentLinks, findReferences, gotoDeclaration, gotoDefinition,
  gotoTypeDefinition,
} from '../../ide/navigation';
import type { FileAnalysis, Session } from '../session';

function range(session: Session, fa: FileAnalysis, path: string, r: Range): lsp.Range | undefined {
  const file = session.fileIn(fa.unit, path);
  return file ? session.toLspRange(path, file.text, r.start, r.end) : undefined;
}

function locationLinks(session: Session, fa: FileAnalysis, targets: NavTarget[], origin?: lsp.Range): lsp.LocationLink[] {
  const out: lsp.LocationLink[] = [];
  for (const t of targets) {
    const targetSelectionRange = range(session, fa, t.file, t.range);
    const targetRange = range(session, fa, t.file, t.fullRange);
    if (!targetSelectionRange || !targetRange) continue;
    out.push({ originSelectionRange: origin, targetUri: session.pathToUri(t.file), targetRange, targetSelectionRange });
  }
  return out;
}

export function registerNavigation(session: Session): void {
  const c = session.connection;
  const nav = (find: typeof gotoDefinition) => async (p: lsp.TextDocumentPositionParams) => {
    const fa = await session.analyze(p.textDocument.uri);
    if (!fa) return null;
    const offset = fa.index.offsetAt(p.position);
    return locationLinks(session, fa, find({ file: fa.file, resolution: fa.unit.resolution, input: fa.unit.input }, offset));
  };
  c.onDefinition(nav(gotoDefinition));
  c.onDeclaration(nav(gotoDeclaration));
  c.onTypeDefinition(nav(gotoTypeDefinition));
  c.onReferences(async (p) => {
    const fa = await session.analyze(p.textDocument.uri);
    if (!fa) return null;
    const occ = findReferences({ file: fa.file, resolution: fa.unit.resolution, input: fa.unit.input }, fa.index.offsetAt(p.position), p.context.includeDeclaration);
    const out: lsp.Location[] = [];
    for (const o of occ) {
      const r = range(session, fa, o.file, o.range);
      if (r) out.push({ uri: session.pathToUri(o.file), range: r });
    }
    return out;
  });
  c.onDocumentHighlight(async (p) => {
    const fa = await session.analyze(p.textDocument.uri);
    if (!fa) return null;
    return documentHighlights({ file: fa.file, resolution: fa.unit.resolution, input: fa.unit.input }, fa.index.offsetAt(p.position)).map((o) => ({
      range: { start: fa.index.positionAt(o.range.start), end: fa.index.positionAt(o.range.end) },
      kind: o.kind === 'declaration' ? lsp.DocumentHighlightKind.Write : lsp.DocumentHighlightKind.Read,
    }));
  });
  c.onDocumentLinks(async (p) => {
    const fa = await session.analyze(p.textDocument.uri);
    if (!fa) return null;
    return documentLinks({ file: fa.file, resolution: fa.unit.resolution, input: fa.unit.input }).map((l) => ({
      range: { start: fa.index.positionAt(l.range.start), end: fa.index.positionAt(l.range.end) },
      target: session.pathToUri(l.target),
      tooltip: l.tooltip,
    }));
  });
}

export const navigationCapabilities: Partial<lsp.ServerCapabilities> = {
  definitionProvider: true,
  declarationProvider: true,
  typeDefinitionProvider: true,
  referencesProvider: true,
  documentHighlightProvider: true,
  documentLinkProvider: { resolveProvider: false },
};
