// Extension-host tests of diagnostics: the language server's syntax errors reach VS Code's
// diagnostics API for a broken file, and disappear when the file is fixed.

import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BROKEN_WIT_EXPECTED, BROKEN_WIT_NAME, BROKEN_WIT_TEXT } from '../../support/brokenWit';
import { test } from '../registry';
import { waitForDiagnostics } from '../waitFor';
import { openInEditor, writeWorkspaceFile } from '../workspace';

const BROKEN_PATH = `wit/${BROKEN_WIT_NAME}`;

/** A diagnostic's code as a string, whichever of its two shapes it has. */
function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}

test('getDiagnostics reports the syntax error of a broken .wit file', async () => {
  const uri = await writeWorkspaceFile(BROKEN_PATH, BROKEN_WIT_TEXT);
  // Subscribe before opening so the server's first publication cannot be missed.
  const published = waitForDiagnostics(uri, (ds) => ds.length > 0);
  await openInEditor(uri);
  const diagnostics = await published;
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
  const [d] = diagnostics;
  assert.ok(d.message.includes(BROKEN_WIT_EXPECTED.messageIncludes), `message: ${d.message}`);
  assert.equal(d.source, BROKEN_WIT_EXPECTED.source);
  assert.equal(codeOf(d), BROKEN_WIT_EXPECTED.code);
  assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
  assert.ok(BROKEN_WIT_EXPECTED.lines.includes(d.range.start.line), `error on line ${d.range.start.line}`);
});

test('typing the missing `;` clears the diagnostic', async () => {
  // Written again so that this test also runs on its own (WIT_E2E_GREP); same text as above.
  const uri = await writeWorkspaceFile(BROKEN_PATH, BROKEN_WIT_TEXT);
  const editor = await openInEditor(uri);
  await waitForDiagnostics(uri, (ds) => ds.length > 0);
  // Line 3 (0-based) is `hello: func(name: string) -> string`; the `;` belongs at its end.
  const line = editor.document.lineAt(3);
  const cleared = waitForDiagnostics(uri, (ds) => ds.length === 0);
  const applied = await editor.edit((edit) => edit.insert(line.range.end, ';'));
  assert.ok(applied, 'the edit was not applied');
  await cleared;
});
