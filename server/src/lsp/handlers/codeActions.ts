// Code actions over LSP: quick fixes linked to the diagnostics they fix (the client's own
// diagnostic objects when it sent matching ones), the preferred fix marked, edits as versioned
// document changes, and `wit.enableFeature` commands for the client to run.

import * as lsp from 'vscode-languageserver';
import type { Diagnostic } from '../../base/diagnostic';
import { CodeAction, codeActions } from '../../ide/codeActions';
import { toLspDiagnostic } from '../convert';
import type { FileAnalysis, Session } from '../session';
import { workspaceEdit } from './rename';

const KINDS: Record<CodeAction['kind'], lsp.CodeActionKind> = {
  quickfix: lsp.CodeActionKind.QuickFix,
  'refactor.rewrite': lsp.CodeActionKind.RefactorRewrite,
};

/** The client's diagnostic for one of ours (same code and range), so the editor links them. */
function linked(fa: FileAnalysis, sent: lsp.Diagnostic[], d: Diagnostic): lsp.Diagnostic {
  const ours = toLspDiagnostic(fa.index, d);
  const same = (x: lsp.Position, y: lsp.Position) => x.line === y.line && x.character === y.character;
  return sent.find((s) => s.code === d.code && same(s.range.start, ours.range.start) && same(s.range.end, ours.range.end)) ?? ours;
}

/** Whether an action of `kind` is wanted by the client's `only` filter (a kind matches its sub-kinds). */
function wanted(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

export function registerCodeActions(session: Session): void {
  session.connection.onCodeAction(async (p): Promise<lsp.CodeAction[] | null> => {
    const fa = await session.analyze(p.textDocument.uri);
    if (!fa) return null;
    const range = { start: fa.index.offsetAt(p.range.start), end: fa.index.offsetAt(p.range.end) };
    const out: lsp.CodeAction[] = [];
    for (const action of codeActions(session.ideAnalysis(fa), range, fa.unit.diagnostics.get(fa.path) ?? [])) {
      const kind = KINDS[action.kind];
      if (!wanted(p.context.only, kind)) continue;
      const lspAction: lsp.CodeAction = { title: action.title, kind };
      if (action.diagnostics.length) lspAction.diagnostics = action.diagnostics.map((d) => linked(fa, p.context.diagnostics, d));
      if (action.edits.length) lspAction.edit = workspaceEdit(session, fa, action.edits);
      if (action.command) lspAction.command = action.command;
      if (action.isPreferred) lspAction.isPreferred = true;
      out.push(lspAction);
    }
    return out;
  });
}

export const codeActionCapabilities: Partial<lsp.ServerCapabilities> = {
  codeActionProvider: { codeActionKinds: [lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.RefactorRewrite], resolveProvider: false },
};
