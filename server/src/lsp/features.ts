// The list of LSP features the server offers: each entry registers its handlers on the session
// and contributes its server capabilities. Adding a feature means adding one entry here.

import type * as lsp from 'vscode-languageserver';
import { formattingCapabilities, registerFormatting } from './handlers/formatting';
import { hoverCapabilities, registerHover } from './handlers/hover';
import { navigationCapabilities, registerNavigation } from './handlers/navigation';
import { registerWorlds } from './handlers/worlds';
import type { Session } from './session';

export interface Feature {
  register(session: Session): void;
  capabilities?: Partial<lsp.ServerCapabilities>;
}

export const FEATURES: Feature[] = [
  { register: registerFormatting, capabilities: formattingCapabilities },
  { register: registerNavigation, capabilities: navigationCapabilities },
  { register: registerHover, capabilities: hoverCapabilities },
  { register: registerWorlds },
];
