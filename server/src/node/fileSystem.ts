// The semantic layer's FileSystem over Node's `fs`, with paths in '/'-separated form.

import { isUtf8 } from 'node:buffer';
import { type Stats, closeSync, constants, fstatSync, openSync, promises as fsp, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import type { DirEntry, EntryKind, FileSystem } from '../semantics/fileSystem';

/** Why a file system call failed, in words (Node's error message when the code is not a common one). */
export function errnoReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  return code === 'ENOENT' ? 'no such file or directory'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
      : code === 'ELOOP' ? 'too many levels of symbolic links (a symlink loop)'
        : code === 'EISDIR' ? 'is a directory'
          : code === 'ENOTDIR' ? 'not a directory'
            : code === 'ENXIO' ? 'a socket or device that cannot be opened'
              : e instanceof Error ? e.message : String(e);
}

function describe(e: unknown, what: string, path: string): Error {
  return new Error(`cannot ${what} ${path}: ${errnoReason(e)}`);
}

/** What `path` is, following symlinks; undefined when that cannot be told (missing, a loop, no access). */
function statKind(path: string): EntryKind | undefined {
  try {
    const s = statSync(path, { throwIfNoEntry: false });
    return s === undefined ? undefined : s.isDirectory() ? 'directory' : 'file';
  } catch {
    return undefined;
  }
}

function listDirectory(path: string): DirEntry[] {
  let entries;
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch (e) {
    throw describe(e, 'read folder', path);
  }
  return entries.map((e) => {
    // A symlink counts as what it points to (a dangling one as a file, whose read then fails).
    const kind: EntryKind = e.isDirectory() || (e.isSymbolicLink() && statKind(`${path}/${e.name}`) === 'directory') ? 'directory' : 'file';
    return { name: e.name, kind };
  });
}

function decodeUtf8(bytes: Buffer, path: string): string {
  if (!isUtf8(bytes)) throw new Error(`cannot read ${path}: the file is not valid UTF-8`);
  return bytes.toString('utf8');
}

// Opening without blocking and looking at what was opened before reading: a named pipe called
// `x.wit` would otherwise block the read until some other process writes to it (forever, in
// practice), and a symlink to a device such as /dev/zero would never end. O_NONBLOCK changes
// nothing for a regular file; Windows has no such flag (0 there).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Why a file that opened is not one to read, or undefined for a regular file. */
function notRegular(s: Stats): string | undefined {
  if (s.isFile()) return undefined;
  if (s.isDirectory()) return 'is a directory';
  if (s.isFIFO()) return 'a named pipe, not a regular file';
  if (s.isSocket()) return 'a socket, not a regular file';
  return 'a device, not a regular file';
}

/** The text of a regular file, blocking; throws a readable error for anything else. */
export function readTextFileSync(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    throw describe(e, 'read', path);
  }
  try {
    const why = notRegular(fstatSync(fd));
    if (why) throw new Error(`cannot read ${path}: ${why}`);
    let bytes: Buffer;
    try {
      bytes = readFileSync(fd);
    } catch (e) {
      throw describe(e, 'read', path);
    }
    return decodeUtf8(bytes, path);
  } finally {
    closeSync(fd);
  }
}

/** The text of a regular file, through the thread pool; throws a readable error for anything else. */
async function readTextFile(path: string): Promise<string> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(path, OPEN_FLAGS);
  } catch (e) {
    throw describe(e, 'read', path);
  }
  try {
    const stats = await handle.stat();
    const why = notRegular(stats);
    if (why) throw new Error(`cannot read ${path}: ${why}`);
    // Reads the size the stat gave: open, stat, read and close are as many trips through the
    // thread pool as fs.readFile makes (FileHandle.readFile would stat a second time).
    const bytes = Buffer.allocUnsafe(stats.size);
    let filled = 0;
    try {
      while (filled < bytes.length) {
        const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
    } catch (e) {
      throw describe(e, 'read', path);
    }
    return decodeUtf8(bytes.subarray(0, filled), path);
  } finally {
    await handle.close();
  }
}

/**
 * For the language server: reads go through the thread pool, so a slow disk or network mount
 * never blocks the requests of the open editors.
 */
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
  readFile: readTextFile,
  async realPath(path: string): Promise<string> {
    return fsp.realpath(path);
  },
};

/**
 * For the command line, which has nothing else to do meanwhile: blocking reads. A promise-based
 * read costs four trips through the thread pool (open, stat, read, close); reading the 52 files
 * of the 50k-line benchmark package took 12-20 ms that way against 2 ms with readFileSync.
 */
export const nodeBlockingFileSystem: FileSystem = {
  async stat(path: string): Promise<EntryKind | undefined> {
    return statKind(path);
  },
  async readDirectory(path: string): Promise<DirEntry[]> {
    return listDirectory(path);
  },
  async readFile(path: string): Promise<string> {
    return readTextFileSync(path);
  },
  async realPath(path: string): Promise<string> {
    try {
      return realpathSync(path);
    } catch (e) {
      throw describe(e, 'resolve', path);
    }
  },
};
