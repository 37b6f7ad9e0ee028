// Extension-host tests of the editor commands that work with the language server: the "Enable
// feature" quick fix writes `wit.features` and the gated reference error goes away; the ABI
// layout command opens its panel beside the editor.

import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { test } from '../registry';
import { waitForDiagnostics } from '../waitFor';
import { openInEditor, workspaceFile, writeWorkspaceFile } from '../workspace';

const GATED = `package example:greeter@0.1.0;

interface gated {
    @unstable(feature = fancy)
    type fancy-id = u32;

    use-it: func(x: fancy-id);
}
`;

test('the "Enable feature" quick fix adds the feature to wit.features and clears the error', async () => {
  const config = () => vscode.workspace.getConfiguration('wit');
  const uri = await writeWorkspaceFile('wit/gated.wit', GATED);
  try {
    const failing = waitForDiagnostics(uri, (ds) => ds.some((d) => d.message.includes('feature `fancy`')));
    await openInEditor(uri);
    const [diagnostic] = (await failing).filter((d) => d.message.includes('feature `fancy`'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const enable = actions.find((a) => a.title.startsWith('Enable feature `fancy`'));
    assert.ok(enable?.command, `no enable-feature fix among: ${actions.map((a) => a.title).join('; ')}`);
    assert.equal(enable.command.command, 'wit.enableFeature');

    const cleared = waitForDiagnostics(uri, (ds) => !ds.some((d) => d.message.includes('feature `fancy`')));
    await vscode.commands.executeCommand(enable.command.command, ...(enable.command.arguments ?? []));
    assert.deepEqual(config().inspect<string[]>('features')?.workspaceValue, ['fancy']);
    await cleared;
  } finally {
    await config().update('features', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(uri);
  }
});

test('"Show Canonical ABI Layout" opens the layout panel beside the editor', async () => {
  const editor = await openInEditor(workspaceFile('wit/greetings.wit'));
  const at = editor.document.getText().indexOf('record person') + 'record '.length;
  editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at));
  const opened = new Promise<vscode.Tab>((resolve) => {
    const sub = vscode.window.tabGroups.onDidChangeTabs((e) => {
      const tab = e.opened.find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('wit.abiLayout'));
      if (tab) {
        sub.dispose();
        resolve(tab);
      }
    });
  });
  await vscode.commands.executeCommand('wit.showAbiLayout');
  const tab = await opened;
  assert.notEqual(tab.group.viewColumn, vscode.ViewColumn.One, 'the panel should open beside the editor');
  // The title names the symbol once the server's layout arrived.
  const titled = await new Promise<string>((resolve) => {
    const check = () => {
      const now = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('wit.abiLayout'));
      if (now?.label === 'ABI: person') {
        sub.dispose();
        resolve(now.label);
      }
    };
    const sub = vscode.window.tabGroups.onDidChangeTabs(check);
    check();
  });
  assert.equal(titled, 'ABI: person');
  await vscode.window.tabGroups.close(vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview));
});
