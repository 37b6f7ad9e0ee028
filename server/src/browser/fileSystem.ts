// The semantic layer's FileSystem in the browser: the web worker has no file access, so each
// call asks the client (`wit/stat`, `wit/readDirectory`, `wit/readFile`), which answers with
// `vscode.workspace.fs` — whatever file system the workbench has (virtual, remote or in-memory).

import type { Connection } from 'vscode-languageserver';
import type { DirEntry, EntryKind, FileSystem } from '../semantics/fileSystem';
import { FS_REQUESTS } from '../lsp/protocol';

export function clientFileSystem(connection: Connection, pathToUri: (path: string) => string): FileSystem {
  return {
    async stat(path: string): Promise<EntryKind | undefined> {
      const r = await connection.sendRequest<{ kind: EntryKind | null }>(FS_REQUESTS.stat, { uri: pathToUri(path) });
      return r.kind ?? undefined;
    },
    async readDirectory(path: string): Promise<DirEntry[]> {
      const r = await connection.sendRequest<{ entries: DirEntry[] }>(FS_REQUESTS.readDirectory, { uri: pathToUri(path) });
      return r.entries;
    },
    async readFile(path: string): Promise<string> {
      const r = await connection.sendRequest<{ text: string }>(FS_REQUESTS.readFile, { uri: pathToUri(path) });
      return r.text;
    },
  };
}

/**
 * URIs of any scheme ↔ the '/'-separated paths the semantic layer joins and splits: the path
 * keeps `scheme://authority` in front of the decoded path, so `deps/` and file names can be
 * appended with '/' and the result still names a location in the same file system.
 */
export function uriToPath(uri: string): string {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/i.exec(uri);
  if (!m) return uri;
  let path = m[3];
  try {
    path = decodeURIComponent(path);
  } catch {
    // Not valid percent-encoding: keep it as written.
  }
  return `${m[1]}://${m[2]}${path}`;
}

export function pathToUri(path: string): string {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/]*)(.*)$/i.exec(path);
  if (!m) return path;
  const encoded = m[3].split('/').map((s) => encodeURIComponent(s).replace(/%3A/gi, ':').replace(/%40/g, '@')).join('/');
  return `${m[1]}://${m[2]}${encoded}`;
}
