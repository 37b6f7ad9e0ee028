// The worlds a command acts on, from the language server's `wit/worlds` request: the one under
// the cursor, or the only one, or the one the user picks.

import * as vscode from 'vscode';
import { WORLDS_REQUEST, type WorldInfo, type WorldsResult } from './protocol';
import type { Services } from './services';

export async function worldsOf(services: Services, uri: vscode.Uri, position?: vscode.Position): Promise<WorldInfo[]> {
  const client = services.client();
  if (!client) throw new Error('the WIT language server is not running (run "WIT: Restart Language Server")');
  const result = await client.sendRequest<WorldsResult>(WORLDS_REQUEST, {
    textDocument: { uri: client.code2ProtocolConverter.asUri(uri) },
    position: position ? { line: position.line, character: position.character } : undefined,
  });
  return result.worlds;
}

/** The first `.wit` file of a folder (what `wit/worlds` needs to find the folder's package). */
export async function firstWitFile(folder: vscode.Uri): Promise<vscode.Uri | undefined> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(folder);
    const name = entries.filter(([n, t]) => t === vscode.FileType.File && n.endsWith('.wit')).map(([n]) => n).sort()[0];
    return name ? vscode.Uri.joinPath(folder, name) : undefined;
  } catch {
    return undefined;
  }
}

/** Picks a world: by name, else the one at the cursor, else the only one, else asks. */
export async function chooseWorld(worlds: WorldInfo[], purpose: string, name?: string): Promise<WorldInfo | undefined> {
  if (name) return worlds.find((w) => w.name === name);
  const atCursor = worlds.find((w) => w.atCursor);
  if (atCursor) return atCursor;
  if (worlds.length <= 1) return worlds[0];
  const picked = await vscode.window.showQuickPick(
    worlds.map((w) => ({ label: w.name, description: w.package, detail: `exports: ${w.exports.map((e) => e.name).join(', ') || 'nothing'}`, world: w })),
    { placeHolder: `Which world do you want to ${purpose}?` },
  );
  return picked?.world;
}
