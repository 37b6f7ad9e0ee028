// The file access the semantic layer needs, as an interface: Node implements it over `fs`, the
// browser build over the client's workspace file system, tests over a map in memory.

export type EntryKind = 'file' | 'directory';

export interface DirEntry {
  name: string;
  kind: EntryKind;
}

export interface FileSystem {
  /** What is at `path` (following symlinks), or undefined when nothing is there. */
  stat(path: string): Promise<EntryKind | undefined>;
  /** Entries of a folder; throws with a readable message when it cannot be read. */
  readDirectory(path: string): Promise<DirEntry[]>;
  /** A file's text; throws with a readable message when it cannot be read or is not UTF-8. */
  readFile(path: string): Promise<string>;
  /** The canonical path (symlinks resolved), used to detect `deps/` loops; optional. */
  realPath?(path: string): Promise<string>;
}

/** A FileSystem over an in-memory map of path → text (folders are implied by the paths). */
export function memoryFileSystem(files: Record<string, string>): FileSystem {
  const norm = (p: string) => p.replace(/\/+$/, '');
  const isDir = (p: string) => Object.keys(files).some((f) => f.startsWith(norm(p) + '/'));
  return {
    async stat(path) {
      if (norm(path) in files) return 'file';
      return isDir(path) ? 'directory' : undefined;
    },
    async readDirectory(path) {
      const prefix = norm(path) + '/';
      const seen = new Map<string, DirEntry>();
      for (const f of Object.keys(files)) {
        if (!f.startsWith(prefix)) continue;
        const rest = f.slice(prefix.length);
        const slash = rest.indexOf('/');
        const name = slash < 0 ? rest : rest.slice(0, slash);
        seen.set(name, { name, kind: slash < 0 ? 'file' : 'directory' });
      }
      if (seen.size === 0) throw new Error(`cannot read directory ${path}: no such directory`);
      return [...seen.values()];
    },
    async readFile(path) {
      const text = files[norm(path)];
      if (text === undefined) throw new Error(`cannot read ${path}: no such file`);
      return text;
    },
  };
}
