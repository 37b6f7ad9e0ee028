// Event-driven waiting for extension-host tests: resolve when VS Code reports the awaited state,
// fail with what was last seen when it does not arrive in time. No fixed sleeps.

import * as vscode from 'vscode';

/**
 * Resolves with the diagnostics of `uri` once `accept` returns true for them: checked at once and
 * again on every `onDidChangeDiagnostics` event that names `uri`.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 20_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    const check = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      done();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === key)) check();
    });
    const timer = setTimeout(() => {
      done();
      const seen = vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line}: ${d.message}`);
      reject(new Error(`diagnostics of ${uri.fsPath} did not reach the expected state within ${timeoutMs} ms; last seen: ${JSON.stringify(seen)}`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

/**
 * Resolves once the extension is active. VS Code fires no event when an extension activates
 * (and calling `activate()` would force what the test wants to observe), so this checks the
 * condition every 50 ms, bounded by `timeoutMs`.
 */
export async function waitForActivation(extension: vscode.Extension<unknown>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!extension.isActive) {
    if (Date.now() > deadline) throw new Error(`${extension.id} did not activate within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
