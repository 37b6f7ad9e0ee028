// The semantic layer's FileSystem over Node's `fs`, with paths in '/'-separated form.

import { promises as fsp } from 'node:fs';
import type { DirEntry, EntryKind, FileSystem } from '../semantics/fileSystem';

function describe(e: unknown, what: string, path: string): Error {
  const code = (e as NodeJS.ErrnoException)?.code;
  const reason =
    code === 'ENOENT' ? 'no such file or directory'
      : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
        : code === 'ELOOP' ? 'too many levels of symbolic links (a symlink loop)'
          : code === 'EISDIR' ? 'is a directory'
            : code === 'ENOTDIR' ? 'not a directory'
              : e instanceof Error ? e.message : String(e);
  return new Error(`cannot ${what} ${path}: ${reason}`);
}

export const nodeFileSystem: FileSystem = {
  async stat(path: string): Promise<EntryKind | undefined> {
    try {
      const s = await fsp.stat(path);
      return s.isDirectory() ? 'directory' : 'file';
    } catch {
      return undefined;
    }
  },
  async readDirectory(path: string): Promise<DirEntry[]> {
    let entries;
    try {
      entries = await fsp.readdir(path, { withFileTypes: true });
    } catch (e) {
      throw describe(e, 'read folder', path);
    }
    const out: DirEntry[] = [];
    for (const e of entries) {
      let kind: EntryKind = e.isDirectory() ? 'directory' : 'file';
      if (e.isSymbolicLink()) {
        const target = await fsp.stat(`${path}/${e.name}`).catch(() => undefined);
        kind = target?.isDirectory() ? 'directory' : 'file';
      }
      out.push({ name: e.name, kind });
    }
    return out;
  },
  async readFile(path: string): Promise<string> {
    let bytes: Buffer;
    try {
      bytes = await fsp.readFile(path);
    } catch (e) {
      throw describe(e, 'read', path);
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new Error(`cannot read ${path}: the file is not valid UTF-8`);
    }
  },
  async realPath(path: string): Promise<string> {
    return fsp.realpath(path);
  },
};
