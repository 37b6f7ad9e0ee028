// Inlay hints over LSP: alias targets (`wit.inlayHints.typeAliases`), the origins of `use`d
// names (`wit.inlayHints.useOrigins`) and Canonical ABI offsets and sizes (`wit.inlayHints.abiOffsets`).

import * as lsp from 'vscode-languageserver';
import { abiInlayHints } from '../../ide/abiInlayHints';
import { inlayHints } from '../../ide/inlayHints';
import type { Session } from '../session';

export function registerInlayHints(session: Session): void {
  session.connection.languages.inlayHint.on(async (p): Promise<lsp.InlayHint[] | null> => {
    const fa = await session.analyze(p.textDocument.uri);
    if (!fa) return null;
    const s = session.settings;
    const range = { start: fa.index.offsetAt(p.range.start), end: fa.index.offsetAt(p.range.end) };
    const hints = inlayHints(session.ideAnalysis(fa), range, {
      typeAliases: s.inlayHints.typeAliases,
      useOrigins: s.inlayHints.useOrigins,
      providers: s.inlayHints.abiOffsets ? [abiInlayHints] : [],
    });
    return hints.map((h) => {
      const out: lsp.InlayHint = {
        position: fa.index.positionAt(h.offset),
        label: h.label,
        kind: h.kind === 'type' ? lsp.InlayHintKind.Type : lsp.InlayHintKind.Parameter,
      };
      if (h.tooltip) out.tooltip = h.tooltip;
      if (h.paddingLeft) out.paddingLeft = true;
      if (h.paddingRight) out.paddingRight = true;
      return out;
    });
  });
}

export const inlayHintCapabilities: Partial<lsp.ServerCapabilities> = { inlayHintProvider: { resolveProvider: false } };
