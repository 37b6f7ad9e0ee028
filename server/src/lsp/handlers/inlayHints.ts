// Inlay hints over LSP: alias targets (`wit.inlayHints.typeAliases`) and the origins of `use`d
// names (`wit.inlayHints.useOrigins`), plus any extra providers registered below.

import * as lsp from 'vscode-languageserver';
import { InlayHintProvider, inlayHints } from '../../ide/inlayHints';
import type { Session } from '../session';
import type { Settings } from '../settings';

/**
 * Further hint sources, each switched by a setting. The Canonical ABI layout hints (field
 * offsets and sizes, `wit.inlayHints.abiOffsets`) belong here as
 * `{ enabled: (s) => s.inlayHints.abiOffsets, provider }`; they are not built in this file.
 */
export const extraInlayHintProviders: { enabled: (s: Settings) => boolean; provider: InlayHintProvider }[] = [];

export function registerInlayHints(session: Session): void {
  session.connection.languages.inlayHint.on(async (p): Promise<lsp.InlayHint[] | null> => {
    const fa = await session.analyze(p.textDocument.uri);
    if (!fa) return null;
    const s = session.settings;
    const range = { start: fa.index.offsetAt(p.range.start), end: fa.index.offsetAt(p.range.end) };
    const hints = inlayHints(session.ideAnalysis(fa), range, {
      typeAliases: s.inlayHints.typeAliases,
      useOrigins: s.inlayHints.useOrigins,
      providers: extraInlayHintProviders.filter((x) => x.enabled(s)).map((x) => x.provider),
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
