// The list of LSP features the server offers: each entry registers its handlers on the session
// and contributes its server capabilities. Adding a feature means adding one entry here.

import type * as lsp from 'vscode-languageserver';
import { completionCapabilities, registerCompletion } from './handlers/completion';
import { registerComposition } from './handlers/composition';
import { inlayHintCapabilities, registerInlayHints } from './handlers/inlayHints';
import { registerSignatureHelp, signatureHelpCapabilities } from './handlers/signatureHelp';
import { documentSymbolCapabilities, registerDocumentSymbols } from './handlers/documentSymbols';
import { formattingCapabilities, registerFormatting } from './handlers/formatting';
import { hoverCapabilities, registerHover } from './handlers/hover';
import { navigationCapabilities, registerNavigation } from './handlers/navigation';
import { registerSemanticTokens, semanticTokensCapabilities } from './handlers/semanticTokens';
import { registerStructure, structureCapabilities } from './handlers/structure';
import { registerWorlds } from './handlers/worlds';
import { registerRename, renameCapabilities } from './handlers/rename';
import { codeActionCapabilities, registerCodeActions } from './handlers/codeActions';
import { registerAbiLayout } from './handlers/abiLayout';
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
  { register: registerComposition },
  { register: registerDocumentSymbols, capabilities: documentSymbolCapabilities },
  { register: registerSemanticTokens, capabilities: semanticTokensCapabilities },
  { register: registerStructure, capabilities: structureCapabilities },
  { register: registerCompletion, capabilities: completionCapabilities },
  { register: registerSignatureHelp, capabilities: signatureHelpCapabilities },
  { register: registerInlayHints, capabilities: inlayHintCapabilities },
  { register: registerRename, capabilities: renameCapabilities },
  { register: registerCodeActions, capabilities: codeActionCapabilities },
  { register: registerAbiLayout },
];
