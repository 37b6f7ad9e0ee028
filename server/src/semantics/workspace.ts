// The live workspace: which `.wit` files exist, which unit (package folder) each belongs to,
// open editor buffers that override the disk, and the latest check of each unit. Disk contents
// and folder listings are cached until a file event says they changed, so re-checking a unit
// after a keystroke reads nothing from disk and reparses only the edited file.

import { basename, dirname, joinPath } from '../base/paths';
import type { SyntaxTree } from '../syntax';
import { UnitCheck, checkUnit, recheckFile } from './check';
import type { DirEntry, EntryKind, FileSystem } from './fileSystem';
import type { FeatureOptions } from './gates';
import { LoadProblem, loadUnit } from './load';
import type { SourceFile } from './model';
import { type UnitInput, unitFiles } from './resolve';
import { SourceCache } from './sources';

/**
 * The folder whose package a file belongs to: its own folder, or for a file inside
 * `X/deps/` (a single-file dependency) or `X/deps/name/` (a dependency folder), `X`.
 */
export function unitRootOf(path: string): string {
  const dir = dirname(path);
  if (basename(dir) === 'deps') return dirname(dir);
  const parent = dirname(dir);
  if (basename(parent) === 'deps') return dirname(parent);
  return dir;
}

export interface UnitResult extends UnitCheck {
  root: string;
  input: UnitInput;
  problems: LoadProblem[];
  /** Increases every time the unit is checked again. */
  revision: number;
}

interface Overlay {
  text: string;
  tree: SyntaxTree;
}

/** A FileSystem that remembers what it read until told that something changed. */
class CachingFileSystem implements FileSystem {
  private readonly files = new Map<string, Promise<string>>();
  private readonly dirs = new Map<string, Promise<DirEntry[]>>();
  private readonly stats = new Map<string, Promise<EntryKind | undefined>>();
  private readonly realPaths = new Map<string, Promise<string>>();

  constructor(private readonly inner: FileSystem) {}

  stat(path: string) {
    return remember(this.stats, path, () => this.inner.stat(path));
  }
  readDirectory(path: string) {
    return remember(this.dirs, path, () => this.inner.readDirectory(path));
  }
  readFile(path: string) {
    return remember(this.files, path, () => this.inner.readFile(path));
  }
  realPath(path: string) {
    const inner = this.inner;
    return remember(this.realPaths, path, () => (inner.realPath ? inner.realPath(path) : Promise.resolve(path)));
  }
  /** Forgets a path and the listing of its folder (a file was created, changed or deleted). */
  invalidate(path: string): void {
    for (const map of [this.files, this.stats, this.dirs, this.realPaths]) map.delete(path);
    this.dirs.delete(dirname(path));
    this.stats.delete(dirname(path));
  }
  clear(): void {
    for (const map of [this.files, this.stats, this.dirs, this.realPaths]) map.clear();
  }
}

/** The cached promise for `path`, or a new one from `load`; a failed load is not remembered. */
function remember<T>(cache: Map<string, Promise<T>>, path: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(path);
  if (!p) {
    p = load();
    cache.set(path, p);
    p.catch(() => cache.delete(path));
  }
  return p;
}

export class Workspace {
  private readonly fs: CachingFileSystem;
  private readonly cache = new SourceCache();
  private readonly overlays = new Map<string, Overlay>();
  /** Every `.wit` file known to exist (from folder scans, file events and open buffers). */
  private readonly knownFiles = new Set<string>();
  private readonly results = new Map<string, UnitResult>();
  private readonly dirty = new Set<string>();
  private revision = 0;
  /**
   * Called with every new result, whoever asked for the check: a request that needs the newest
   * analysis checks a changed unit at once, and its result must be published like any other.
   */
  onResult: ((result: UnitResult) => void) | undefined;

  constructor(fs: FileSystem, public options: FeatureOptions) {
    this.fs = new CachingFileSystem(fs);
  }

  /** Finds the `.wit` files under a workspace folder (skipping node_modules, target and dot folders). */
  async scanFolder(root: string, limit = 20_000): Promise<void> {
    const queue = [root];
    let seen = 0;
    while (queue.length && seen < limit) {
      const dir = queue.shift()!;
      let entries: DirEntry[];
      try {
        entries = await this.fs.readDirectory(dir);
      } catch {
        continue;
      }
      for (const e of entries) {
        seen++;
        if (e.kind === 'directory') {
          if (e.name.startsWith('.') || e.name === 'node_modules' || e.name === 'target') continue;
          queue.push(joinPath(dir, e.name));
        } else if (e.name.endsWith('.wit')) {
          this.addKnown(joinPath(dir, e.name));
        }
      }
    }
  }

  private addKnown(path: string): void {
    if (!this.knownFiles.has(path)) {
      this.knownFiles.add(path);
      this.dirty.add(unitRootOf(path));
    }
  }

  /** Roots of every unit that holds a known file. */
  unitRoots(): string[] {
    const roots = new Set<string>();
    for (const f of this.knownFiles) roots.add(this.rootFor(f));
    return [...roots].sort();
  }

  /** The root of the unit a file is checked in: a folder, or the file itself when it is not on disk. */
  rootFor(path: string): string {
    if (this.overlays.has(path) && !this.knownOnDisk(path)) return path;
    return unitRootOf(path);
  }

  private readonly onDisk = new Set<string>();
  private knownOnDisk(path: string): boolean {
    return this.onDisk.has(path) || (this.knownFiles.has(path) && !this.overlays.has(path));
  }

  /** An editor opened or edited a buffer: its text wins over the disk. */
  setOverlay(path: string, text: string, tree: SyntaxTree, onDisk: boolean): void {
    this.overlays.set(path, { text, tree });
    if (onDisk) this.onDisk.add(path);
    this.knownFiles.add(path);
    this.markDirty(path);
  }

  removeOverlay(path: string): void {
    this.overlays.delete(path);
    // The buffer may have been saved while it was open (and closed before the file watcher says
    // so): what was read from disk before is stale.
    this.fs.invalidate(path);
    if (!this.onDisk.has(path)) {
      this.knownFiles.delete(path);
      this.cache.delete(path);
    }
    this.markDirty(path);
  }

  /** A file or folder changed on disk (created, changed or deleted). */
  fileChanged(path: string, kind: 'created' | 'changed' | 'deleted'): void {
    this.fs.invalidate(path);
    if (kind === 'deleted') {
      // A deleted folder takes its files with it.
      for (const f of [...this.knownFiles]) {
        if (f === path || f.startsWith(path + '/')) {
          if (!this.overlays.has(f)) this.knownFiles.delete(f);
          this.onDisk.delete(f);
          this.fs.invalidate(f);
          this.markDirty(f);
        }
      }
    } else if (path.endsWith('.wit')) {
      this.knownFiles.add(path);
      this.onDisk.add(path);
    }
    this.markDirty(path);
    // A new or removed folder under deps/ changes its unit: drop the listing of deps/ itself.
    this.fs.invalidate(dirname(path));
  }

  private markDirty(path: string): void {
    this.dirty.add(unitRootOf(path));
    this.dirty.add(path);
    // The unit whose deps/ holds this path, if the path is a folder directly under deps/.
    if (basename(dirname(path)) === 'deps') this.dirty.add(dirname(dirname(path)));
  }

  setOptions(options: FeatureOptions): void {
    this.options = options;
    for (const root of this.results.keys()) this.dirty.add(root);
  }

  /** Units that need checking again. */
  dirtyRoots(): string[] {
    const roots = new Set(this.unitRoots());
    const out = [...this.dirty].filter((r) => this.results.has(r) || roots.has(r));
    // Paths that are no unit root any more (their files went away) need no check.
    for (const r of this.dirty) if (!out.includes(r)) this.dirty.delete(r);
    return out;
  }

  /** Checks in progress, per unit root: a second request waits for the first. */
  private readonly inFlight = new Map<string, Promise<UnitResult>>();

  /** Checks a unit now (or returns the current result when nothing changed since). */
  async check(root: string): Promise<UnitResult> {
    // One check per unit at a time, so an older check can never overwrite a newer result.
    for (;;) {
      const running = this.inFlight.get(root);
      if (!running) break;
      await running.catch(() => undefined);
    }
    const current = this.results.get(root);
    if (current && !this.dirty.has(root)) return current;
    const p = this.checkNow(root);
    this.inFlight.set(root, p);
    try {
      return await p;
    } finally {
      this.inFlight.delete(root);
    }
  }

  private async checkNow(root: string): Promise<UnitResult> {
    this.dirty.delete(root);
    const { input, problems } = await loadUnit(root, {
      fs: this.fs,
      cache: this.cache,
      overlay: (p) => this.overlays.get(p),
      overlayFilesIn: (dir) => [...this.overlays.keys()].filter((p) => dirname(p) === dir && p.endsWith('.wit')),
    });
    const check = this.recheck(root, input) ?? checkUnit(input, this.options);
    const result: UnitResult = { ...check, root, input, problems, revision: ++this.revision };
    this.results.set(root, result);
    this.optionsChecked.set(root, this.options);
    this.onResult?.(result);
    return result;
  }

  /** The options each unit was last checked with: a change of options needs a full check. */
  private readonly optionsChecked = new Map<string, FeatureOptions>();

  /**
   * When exactly one file of the unit changed since its last check, re-resolves just that file
   * (see Resolver.patchFile); undefined when a full check is needed.
   */
  private recheck(root: string, input: UnitInput): UnitCheck | undefined {
    const prev = this.results.get(root);
    if (!prev || this.optionsChecked.get(root) !== this.options) return undefined;
    const before = unitFiles(prev.input);
    const after = unitFiles(input);
    if (before.length !== after.length || prev.input.deps.length !== input.deps.length) return undefined;
    let changed: SourceFile | undefined;
    for (let i = 0; i < after.length; i++) {
      if (before[i].path !== after[i].path) return undefined;
      if (before[i] !== after[i]) {
        if (changed) return undefined;
        changed = after[i];
      }
    }
    if (!changed) return { resolution: prev.resolution, diagnostics: prev.diagnostics, resolver: prev.resolver };
    const r = recheckFile(prev, changed);
    this.stats[r ? 'patched' : 'full']++;
    // A patch that gave up may have left the old resolver half-updated: it must not be reused.
    if (!r) this.results.delete(root);
    return r;
  }

  /** How checks went: for tests and the benchmark. */
  readonly stats = { patched: 0, full: 0 };

  /** The latest result for the unit holding `path`, checking it if needed. */
  async checkFile(path: string): Promise<UnitResult> {
    return this.check(this.rootFor(path));
  }

  /** The latest result without checking (for requests that must not wait). */
  latest(path: string): UnitResult | undefined {
    return this.results.get(this.rootFor(path));
  }

  forget(root: string): void {
    this.results.delete(root);
  }

  allResults(): UnitResult[] {
    return [...this.results.values()];
  }
}

