// `wit/checkComposition`: the client sends the WIT it extracted from a socket and its plugs (it
// reads the binaries; the server has the parser and resolver) and gets back whether the plugs'
// exports fit the socket's imports, with each mismatch named by interface and item.

import { checkComposition, type CompositionInput, type CompositionReport } from '../../semantics/composition';
import type { Session } from '../session';

export function registerComposition(session: Session): void {
  session.connection.onRequest('wit/checkComposition', (p: CompositionInput): CompositionReport => checkComposition(p));
}
