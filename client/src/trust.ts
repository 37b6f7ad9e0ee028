// Workspace trust for the commands that run tools: in Restricted Mode they are hidden from menus
// and the command palette by `isWorkspaceTrusted` when clauses, and this check stops them when
// they are invoked anyway (from a keybinding, a code lens or another extension) with an
// explanation.

import * as vscode from 'vscode';

/** True when tools may run; otherwise explains why not and offers to manage trust. */
export async function requireTrust(action: string): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  const manage = 'Manage Workspace Trust';
  const choice = await vscode.window.showWarningMessage(
    `${action} is disabled in Restricted Mode: it runs build tools and the workspace's own code, which an untrusted workspace must not do. Trust the workspace to enable it.`,
    manage,
  );
  if (choice === manage) await vscode.commands.executeCommand('workbench.trust.manage');
  return false;
}
