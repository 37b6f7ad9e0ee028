// `wit/abiLayout`: the Canonical ABI layout of the type or function at a position, as data for
// the client's layout view; and the ABI inlay hints (setting `wit.inlayHints.abiOffsets`).

import { abiInlayHints } from '../../ide/abiInlayHints';
import { LayoutView, layoutViewAt } from '../../ide/abiLayoutView';
import type { Session } from '../session';
import { extraInlayHintProviders } from './inlayHints';

export interface AbiLayoutParams {
  textDocument: { uri: string };
  position: { line: number; character: number };
}

export function registerAbiLayout(session: Session): void {
  extraInlayHintProviders.push({ enabled: (s) => s.inlayHints.abiOffsets, provider: abiInlayHints });
  session.connection.onRequest('wit/abiLayout', async (p: AbiLayoutParams): Promise<LayoutView | null> => {
    const fa = await session.analyze(p.textDocument.uri);
    if (!fa) return null;
    return layoutViewAt(session.ideAnalysis(fa), fa.index.offsetAt(p.position)) ?? null;
  });
}
