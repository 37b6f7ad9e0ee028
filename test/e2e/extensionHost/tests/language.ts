// Extension-host tests of the language contribution: .wit files get the `wit` language id.

import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { test } from '../registry';
import { workspaceFile } from '../workspace';

test('a .wit file of the workspace has the language id `wit`', async () => {
  const document = await vscode.workspace.openTextDocument(workspaceFile('wit/greetings.wit'));
  assert.equal(document.languageId, 'wit');
});

test('the `wit` language is registered with VS Code', async () => {
  const languages = await vscode.languages.getLanguages();
  assert.ok(languages.includes('wit'), `known languages: ${languages.join(', ')}`);
});
