// Signature help over LSP: the arguments of generic types and attributes, read from the open
// document's current tree (no check of the unit is needed or waited for).

import * as lsp from 'vscode-languageserver';
import { signatureHelp } from '../../ide/signatureHelp';
import type { Session } from '../session';
import { syntaxSource } from './documentSource';

export function registerSignatureHelp(session: Session): void {
  session.connection.onSignatureHelp(async (p): Promise<lsp.SignatureHelp | null> => {
    const source = await syntaxSource(session, p.textDocument.uri);
    if (!source) return null;
    const help = signatureHelp(source.tree, source.index.offsetAt(p.position));
    if (!help) return null;
    return {
      activeSignature: help.activeSignature,
      activeParameter: help.activeParameter,
      signatures: help.signatures.map((s) => ({
        label: s.label,
        documentation: { kind: lsp.MarkupKind.Markdown, value: s.documentation },
        parameters: s.parameters.map((q) => ({ label: q.label, documentation: { kind: lsp.MarkupKind.Markdown, value: q.documentation } })),
      })),
    };
  });
}

export const signatureHelpCapabilities: Partial<lsp.ServerCapabilities> = {
  signatureHelpProvider: { triggerCharacters: ['<', '('], retriggerCharacters: [','] },
};
