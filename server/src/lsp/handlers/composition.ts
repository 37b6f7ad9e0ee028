// `wit/checkComposition`: the client sends the WIT it extracted from a socket and its plugs (it
// reads the binaries; the server has the parser and resolver) and gets back whether the plugs'
// exports fit the socket's imports, with each mismatch named by interface and item.

import { checkComposition } from '../../semantics/composition';
import { CHECK_COMPOSITION_REQUEST, type CompositionInput, type CompositionReport } from '../protocol';
import type { Session } from '../session';

export function registerComposition(session: Session): void {
  session.connection.onRequest(CHECK_COMPOSITION_REQUEST, (p: CompositionInput): CompositionReport => checkComposition(p));
}
