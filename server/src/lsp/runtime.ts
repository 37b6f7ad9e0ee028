// What differs between the Node and the browser server: how files are read and how document
// URIs map to the '/'-separated paths the semantic layer uses.

import type { FileSystem } from '../semantics/fileSystem';

export interface RuntimeEnvironment {
  fs: FileSystem;
  uriToPath(uri: string): string;
  pathToUri(path: string): string;
  /** Whether a document URI names a file that lives on the file system (not `untitled:`). */
  isOnDisk(uri: string): boolean;
}

/** URI ↔ path for `file:` URIs; other schemes keep the URI itself as the path. */
export function fileUriToPath(uri: string): string {
  if (!uri.startsWith('file://')) return uri;
  let path = decodeURIComponent(uri.slice('file://'.length).replace(/^[^/]*/, ''));
  // file:///c:/x → c:/x on Windows-style URIs
  if (/^\/[A-Za-z]:/.test(path)) path = path.slice(1);
  return path;
}

export function pathToFileUri(path: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path) || path.startsWith('untitled:')) return path;
  const withSlash = /^[A-Za-z]:/.test(path) ? '/' + path : path;
  return 'file://' + withSlash.split('/').map((s, i) => (i === 0 ? s : encodeURIComponent(s).replace(/%3A/g, ':'))).join('/');
}
