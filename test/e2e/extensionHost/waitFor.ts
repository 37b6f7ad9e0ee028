// Waiting for extension-host tests (and the web tests, whose bundle uses `until` too: this file
// imports only vscode): resolve when VS Code reports the awaited state, fail with what was last
// seen when it does not arrive in time. No fixed sleeps; where VS Code has no event, a bounded poll.

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
 * Resolves with the first value `probe` returns that is not undefined, asking every `intervalMs`;
 * rejects with `timed out after … waiting for <what>` after `timeoutMs`. For state VS Code fires
 * no event for. `what` may be a function, to describe what was last seen when it gives up.
 */
export async function until<T>(
  what: string | (() => string),
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 30_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
}

/**
 * Resolves once the extension is active. VS Code fires no event when an extension activates
 * (and calling `activate()` would force what the test wants to observe), so this checks the
 * condition every 50 ms, bounded by `timeoutMs`.
 */
export async function waitForActivation(extension: vscode.Extension<unknown>, timeoutMs = 20_000): Promise<void> {
  await until(`${extension.id} to activate`, () => (extension.isActive ? true : undefined), timeoutMs, 50);
}
