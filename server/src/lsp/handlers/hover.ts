// Hover over LSP, with the Canonical ABI section unless `wit.hover.abi` is off.

import * as lsp from 'vscode-languageserver';
import { abiHoverSection } from '../../ide/abiHover';
import { hover } from '../../ide/hover';
import type { Session } from '../session';

export function registerHover(session: Session): void {
  session.connection.onHover(async (p): Promise<lsp.Hover | null> => {
    const fa = await session.analyze(p.textDocument.uri);
    if (!fa) return null;
    const h = hover({ file: fa.file, resolution: fa.unit.resolution, input: fa.unit.input }, fa.index.offsetAt(p.position), {
      workspaceRoot: session.workspaceFolders().find((f) => fa.path.startsWith(f + '/')),
      abi: session.settings.hover.abi ? abiHoverSection : undefined,
    });
    if (!h) return null;
    return {
      contents: { kind: lsp.MarkupKind.Markdown, value: h.contents },
      range: { start: fa.index.positionAt(h.range.start), end: fa.index.positionAt(h.range.end) },
    };
  });
}

export const hoverCapabilities: Partial<lsp.ServerCapabilities> = { hoverProvider: true };
