// Reads a unit from a file system the way wit-parser reads a path: a folder is a package (its
// `*.wit` files) with its dependencies in `deps/` (folders, `.wit` files, and binary packages,
// which are noted but not read); a single file stands alone. Problems with files and folders are
// returned, not thrown, so that everything readable is still checked.

import { joinPath } from '../base/paths';
import type { SyntaxTree } from '../syntax';
import type { FileSystem } from './fileSystem';
import type { SourceFile } from './model';
import type { DepInput, UnitInput } from './resolve';
import { SourceCache } from './sources';

export interface LoadProblem {
  path: string;
  message: string;
}

export interface LoadOptions {
  fs: FileSystem;
  cache?: SourceCache;
  /** An open editor buffer, which wins over the disk (with its tree, when it keeps one). */
  overlay?: (path: string) => { text: string; tree?: SyntaxTree } | undefined;
  /** Open buffers in a folder that the disk does not have (yet): they belong to it too. */
  overlayFilesIn?: (dir: string) => string[];
}

export interface LoadedUnit {
  input: UnitInput;
  problems: LoadProblem[];
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

const READ_AHEAD = 16;

/** Starts reading a file that has no open buffer; the promise never rejects. */
function startRead(path: string, opts: LoadOptions): Promise<string | Error> | undefined {
  if (opts.overlay?.(path) !== undefined) return undefined;
  return opts.fs.readFile(path).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
}

/** The parsed file: from its open buffer, or from the read that startRead began. */
async function sourceOf(path: string, read: Promise<string | Error> | undefined, opts: LoadOptions, cache: SourceCache, problems: LoadProblem[]): Promise<SourceFile | undefined> {
  const open = opts.overlay?.(path);
  if (open !== undefined) return cache.get(path, open.text, open.tree);
  const text = await (read ?? startRead(path, opts)!);
  if (typeof text === 'string') return cache.get(path, text);
  problems.push({ path, message: message(text) });
  return undefined;
}

async function readSource(path: string, opts: LoadOptions, cache: SourceCache, problems: LoadProblem[]): Promise<SourceFile | undefined> {
  return sourceOf(path, startRead(path, opts), opts, cache, problems);
}

/** The `*.wit` files directly in a folder, sorted by name (as wit-parser sorts them). */
async function witFiles(dir: string, opts: LoadOptions, cache: SourceCache, problems: LoadProblem[]): Promise<SourceFile[]> {
  let entries: { name: string; kind: string }[];
  try {
    entries = await opts.fs.readDirectory(dir);
  } catch (e) {
    // A folder that exists only through open buffers is not a problem.
    if (!opts.overlayFilesIn?.(dir).length) problems.push({ path: dir, message: message(e) });
    entries = [];
  }
  const names = entries.filter((e) => e.kind === 'file' && e.name.endsWith('.wit')).map((e) => e.name);
  for (const extra of opts.overlayFilesIn?.(dir) ?? []) {
    const name = extra.slice(dir.length + 1);
    if (!names.includes(name)) names.push(name);
  }
  names.sort();
  const files: SourceFile[] = [];
  // Reads run ahead of parsing (a bounded number, to stay clear of the open-file limit), so the
  // disk works while earlier files are parsed.
  const paths = names.map((name) => joinPath(dir, name));
  const reads: (Promise<string | Error> | undefined)[] = [];
  for (let i = 0; i < paths.length; i++) {
    for (let j = reads.length; j < Math.min(paths.length, i + READ_AHEAD); j++) reads.push(startRead(paths[j], opts));
    const f = await sourceOf(paths[i], reads[i], opts, cache, problems);
    if (f) files.push(f);
  }
  return files;
}

export async function loadUnit(path: string, opts: LoadOptions): Promise<LoadedUnit> {
  const cache = opts.cache ?? new SourceCache();
  const problems: LoadProblem[] = [];
  const kind = opts.overlay?.(path) !== undefined ? 'file' : await opts.fs.stat(path);
  if (kind === undefined) {
    return { input: { root: path, main: [], deps: [] }, problems: [{ path, message: `no such file or directory: ${path}` }] };
  }
  if (kind === 'file') {
    const f = await readSource(path, opts, cache, problems);
    return { input: { root: path, main: f ? [f] : [], deps: [] }, problems };
  }
  const main = await witFiles(path, opts, cache, problems);
  const depsDir = joinPath(path, 'deps');
  const deps: DepInput[] = [];
  const depsKind = await opts.fs.stat(depsDir);
  // wit-parser reads whatever is called deps: a file of that name fails its read of the folder.
  if (depsKind === 'file') problems.push({ path: depsDir, message: `cannot read folder ${depsDir}: not a directory (dependencies go in a deps/ folder)` });
  if (depsKind === 'directory') {
    let entries: { name: string; kind: string }[] = [];
    try {
      entries = await opts.fs.readDirectory(depsDir);
    } catch (e) {
      problems.push({ path: depsDir, message: message(e) });
    }
    const rootReal = opts.fs.realPath ? await opts.fs.realPath(path).catch(() => undefined) : undefined;
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = joinPath(depsDir, entry.name);
      if (entry.kind === 'directory') {
        // A symlink back to the package (or above it) would make the folder its own dependency.
        if (rootReal && opts.fs.realPath) {
          const real = await opts.fs.realPath(p).catch(() => undefined);
          if (real && (rootReal === real || rootReal.startsWith(real + '/'))) {
            problems.push({ path: p, message: `dependency folder ${p} is a symlink to ${real}, which contains this package: a deps/ symlink loop` });
            continue;
          }
        }
        const before = problems.length;
        const files = await witFiles(p, opts, cache, problems);
        // A folder that could not be read, or whose files could not, is reported as such already.
        if (files.length === 0 && problems.length > before) continue;
        deps.push({ path: p, files });
      } else if (entry.name.endsWith('.wit')) {
        const f = await readSource(p, opts, cache, problems);
        if (f) deps.push({ path: p, files: [f] });
      } else if (entry.name.endsWith('.wasm') || entry.name.endsWith('.wat')) {
        deps.push({ path: p, binary: true });
      } else if ((await opts.fs.stat(p)) === undefined) {
        // Other files are ignored, but wit-parser looks at what each entry is first, and a
        // symlink whose target is missing (or a symlink loop) fails that look.
        problems.push({ path: p, message: `cannot read ${p}: a symlink that cannot be followed (its target is missing, or it leads back to itself)` });
      }
    }
  }
  return { input: { root: path, main, deps, depsDir }, problems };
}

