// `wit/abiLayout`: the Canonical ABI layout of the type or function at a position, as data for
// the client's layout view.

import { layoutViewAt } from '../../ide/abiLayoutView';
import { ABI_LAYOUT_REQUEST, type AbiLayoutParams, type LayoutView } from '../protocol';
import type { Session } from '../session';

export function registerAbiLayout(session: Session): void {
  session.connection.onRequest(ABI_LAYOUT_REQUEST, async (p: AbiLayoutParams): Promise<LayoutView | null> => {
    const fa = await session.analyze(p.textDocument.uri);
    if (!fa) return null;
    return layoutViewAt(session.ideAnalysis(fa), fa.index.offsetAt(p.position)) ?? null;
  });
}
