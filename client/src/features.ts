// The `wit.enableFeature` command behind the "Enable feature" quick fix: adds an `@unstable`
// feature name to the `wit.features` setting, where the language server reads the active gates.

import * as vscode from 'vscode';

/**
 * Adds `feature` to `wit.features` at the narrowest level that already configures it (folder,
 * workspace, user), or the workspace when a folder is open and the user settings otherwise.
 * Returns false (after asking the user for nothing) when the argument is not a feature name.
 */
export async function enableFeature(feature: unknown, resource?: vscode.Uri): Promise<boolean> {
  if (typeof feature !== 'string' || !/^[a-z][a-z0-9-]*$/i.test(feature)) {
    void vscode.window.showErrorMessage(`Cannot enable feature ${JSON.stringify(feature)}: not a WIT feature name.`);
    return false;
  }
  const config = vscode.workspace.getConfiguration('wit', resource);
  const inspected = config.inspect<string[]>('features');
  const folder = resource && vscode.workspace.getWorkspaceFolder(resource);
  const target =
    folder && inspected?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : inspected?.workspaceValue !== undefined || vscode.workspace.workspaceFolders?.length
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  const current =
    target === vscode.ConfigurationTarget.WorkspaceFolder
      ? inspected?.workspaceFolderValue
      : target === vscode.ConfigurationTarget.Workspace
        ? inspected?.workspaceValue
        : inspected?.globalValue;
  const list = Array.isArray(current) ? current : [];
  if (list.includes(feature)) return true;
  await config.update('features', [...list, feature], target);
  void vscode.window.setStatusBarMessage(`WIT: feature \`${feature}\` enabled (wit.features)`, 5000);
  return true;
}
