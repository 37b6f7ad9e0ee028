// Extension-host tests of the language contribution: .wit files get the `wit` language id.

import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { test } from '../registry';
import { workspaceFile, writeWorkspaceFile } from '../workspace';

test('a .wit file of the workspace has the language id `wit`', async () => {
  const document = await vscode.workspace.openTextDocument(workspaceFile('wit/greetings.wit'));
  assert.equal(document.languageId, 'wit');
});

test('the `wit` language is registered with VS Code', async () => {
  const languages = await vscode.languages.getLanguages();
  assert.ok(languages.includes('wit'), `known languages: ${languages.join(', ')}`);
});

test('completion inside an interface lists the `record` snippet once (the server leaves its own out)', async () => {
  const uri = await writeWorkspaceFile('wit/snippets.wit', 'package example:greeter@0.1.0;\n\ninterface snippets {\n    \n}\n');
  try {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(3, 4));
    const label = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
    const records = list.items.filter((i) => label(i) === 'record');
    // The server's keyword and the snippet from snippets/wit.json; no second snippet.
    assert.deepEqual(records.map((i) => i.kind).sort(), [vscode.CompletionItemKind.Keyword, vscode.CompletionItemKind.Snippet].sort(), JSON.stringify(records.map((i) => [label(i), i.kind, i.detail])));
    assert.ok(list.items.some((i) => label(i) === 'tone' || label(i) === 'use'), 'the server answered too');
  } finally {
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(uri);
  }
});
