// Extension-host tests of activation: opening a .wit file of the workspace activates the extension.

import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../support/extensionId';
import { test } from '../registry';
import { waitForActivation } from '../waitFor';
import { openInEditor, workspaceFile } from '../workspace';

test('the extension activates when a .wit file of the workspace is opened', async () => {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded; loaded: ${vscode.extensions.all.map((e) => e.id).join(', ')}`);
  await openInEditor(workspaceFile('wit/world.wit'));
  await waitForActivation(extension);
  assert.equal(extension.isActive, true);
  // isActive turns true even when activate() threw; asking again (which does not re-run
  // activation) rethrows that error.
  await assert.doesNotReject(Promise.resolve(extension.activate()), 'activate() failed');
});
