// Resolves one unit (a package folder with its `deps/`, or a single file) into the linked model:
// packages, scopes and paths, interfaces and their types and functions. It reports every error
// it finds, with the messages and positions wit-parser uses where wit-parser has one, and keeps
// going: whatever cannot be resolved becomes an error type that stays silent afterwards.
// Worlds are resolved in resolveWorlds.ts and the component validator's extra rules are in
// componentChecks.ts.

import type { Diagnostic } from '../base/diagnostic';
import type { DiagnosticCode } from '../base/diagnosticCodes';
import { keepShape } from '../base/shapes';
import { checkSince, compareVersions, FeatureOptions, isEnabled, stabilityOf } from './gates';
import type {
  Attrs, FuncHir, InterfaceHir, InterfaceMemberHir, NestedPackageHir, PackageDeclHir, PackageName,
  PrimName, Range, TopItemHir, TypeDefBody, TypeDefHir, TypeExpr, UseHir, UseNameHir, UsePathHir, WorldHir,
} from './hir';
import {
  Func, Interface, Location, Package, Reference, Resolution, SourceFile, Stability, Symbol, Ty,
  TypeDef, World, chainEnd, nextUnderlying, packageId, underlyingDefMemo,
} from './model';
import { runComponentChecks } from './componentChecks';
import { NO_ATTRS } from './lower';
import { surfaceKey } from './surface';
import { declareWorldFuncs, resolveWorlds } from './resolveWorlds';
import { SuggestionBudget, closestName, didYouMean } from './suggest';
import { Edge, hasCycle, toposort } from './toposort';

export interface UnitInput {
  /** The folder (or single file) the unit was read from. */
  root: string;
  /** Files of the root package, sorted by path. */
  main: SourceFile[];
  /** Entries of `deps/`, sorted by name. */
  deps: DepInput[];
  /** Where dependencies were looked for, for messages (`<root>/deps`). */
  depsDir?: string;
}

/** Every source file of the unit: the root package's, then those of its dependencies. */
export function unitFiles(input: UnitInput): SourceFile[] {
  return [...input.main, ...input.deps.flatMap((d) => ('files' in d ? d.files : []))];
}

const filesByPath = new WeakMap<UnitInput, Map<string, SourceFile>>();

/** The unit's file at `path` (looked up in a map made once per unit input). */
export function fileByPath(input: UnitInput, path: string): SourceFile | undefined {
  let byPath = filesByPath.get(input);
  if (!byPath) filesByPath.set(input, (byPath = new Map(unitFiles(input).map((f) => [f.path, f]))));
  return byPath.get(path);
}

export type DepInput =
  | { path: string; files: SourceFile[] }
  | { path: string; binary: true };

/** The items of one package as written in one file (or one nested block). */
interface PackagePart {
  file: SourceFile;
  items: TopItemHir[];
  /** Top-level names of this part: items of the file and top-level `use`s. */
  scope: Map<string, Interface | World | null>;
}

interface PackageBuild {
  pkg: Package;
  parts: PackagePart[];
}

/** Where a name is being resolved: which package and which file's top-level names. */
export interface Scope {
  pkg: Package;
  part: PackagePart;
}

/** What the resolver knows about each interface and world beyond the model. */
export interface OwnerInfo {
  owner: Interface | World;
  scope: Scope;
  members: InterfaceMemberHir[] | WorldHir['members'];
  /** Type names declared here, in order, for the cycle check. */
  typeOrder: string[];
  /**
   * Whether the type cycle check must run: some body refers to a definition that is not yet
   * resolved (itself or one declared later), or a name is declared twice. Bodies are resolved
   * in declaration order, so without either the references cannot go in a circle.
   */
  mayCycle: boolean;
  /** Functions by plain name, to tell "function used as type" from "unknown". */
  funcNames: Map<string, Func>;
  uses: { hir: UseHir; stability: Stability; entries: { name: UseNameHir; td: TypeDef }[] }[];
  defs: { hir: TypeDefHir; td: TypeDef }[];
  /** Functions declared here: interface functions and resource functions. */
  ownFuncs: Func[];
}

const PRIMITIVES: PrimName[] = [
  'bool', 's8', 'u8', 's16', 'u16', 's32', 'u32', 's64', 'u64', 'f32', 'f64', 'char', 'string', 'error-context',
];
/** One shared Ty per primitive type. */
const PRIM_TYS = Object.fromEntries(PRIMITIVES.map((name) => [name, Object.freeze({ kind: 'prim', name })])) as Record<PrimName, Ty>;
const MAP_KEYS = new Set<PrimName>(['bool', 'u8', 'u16', 'u32', 'u64', 's8', 's16', 's32', 's64', 'char', 'string']);

const UNNAMED: PackageName = { namespace: '<unnamed>', name: '<unnamed>' };
/** The stability of every item without gate attributes (shared: stabilities are never changed). */
const UNGATED: Stability = Object.freeze({ kind: 'unknown' });
/** The type of whatever could not be resolved (shared: types are never changed). */
const ERROR_TY: Ty = Object.freeze({ kind: 'error' });
/** The body of a definition until resolveBodies gives it its own (shared, never changed). */
const UNRESOLVED: TypeDef['body'] = Object.freeze({ kind: 'alias', target: ERROR_TY });

const surfaces = new WeakMap<SourceFile, string>();

/** A file's surface key, computed once per version of the file. */
function surfaceOf(f: SourceFile): string {
  let k = surfaces.get(f);
  if (k === undefined) surfaces.set(f, (k = surfaceKey(f.hir)));
  return k;
}

/** Thrown when a patch finds the file's items do not line up with the previous ones. */
class PatchMismatch extends Error {}

/** Diagnostics about a package as a whole: a file that has one is re-resolved in full. */
const PACKAGE_LEVEL = new Set<DiagnosticCode>([
  'conflicting-package-name', 'multiple-package-docs', 'duplicate-package', 'missing-package-header',
  'package-cycle', 'duplicate-item', 'duplicate-file-name', 'item-cycle',
]);

export class Resolver {
  diagnostics = new Map<string, Diagnostic[]>();
  /** References by the file they are written in (a patch replaces one file's list). */
  private refsByFile = new Map<string, Reference[]>();
  readonly symbols: Symbol[] = [];
  readonly packages: Package[] = [];
  readonly packagesById = new Map<string, Package>();
  readonly builds: PackageBuild[] = [];
  readonly owners = new Map<Interface | World, OwnerInfo>();
  readonly interfaces: Interface[] = [];
  readonly worlds: World[] = [];
  readonly funcs: Func[] = [];
  readonly typedefs: TypeDef[] = [];
  rootPackages: Package[] = [];
  /** Whether any `list<T, N>` was written: only those can make a type too large. */
  hasFixedLengthLists = false;
  /** Whether `list<T, 0>`, `tuple<>` or `stream<char>` was written (component checks look for them). */
  hasRareShapes = false;
  /**
   * Whether a `borrow<T>` was written in a type definition or a function result: only then can
   * a result contain one (borrow-in-result). Parameters, where borrows belong, do not count.
   */
  hasBorrowOutsideParams = false;
  /** Borrow handles resolved so far: resolveSignature tells a result's from a parameter's by it. */
  private borrowCount = 0;
  private depsDir?: string;
  private binaryDeps: string[] = [];
  /** The model objects made for each file, in the order they were made (patches reuse them). */
  private readonly createdByFile = new Map<string, Symbol[]>();
  /** While patching one file: the objects to reuse, and which file may receive reports. */
  private patch?: { file: string; queue: Symbol[]; at: number };
  /** What "did you mean" may still look at in this run or patch (see SuggestionBudget). */
  private suggestionBudget = new SuggestionBudget();

  /** `keepReferences: false` records no references and reports no deprecated uses (see checkUnit). */
  constructor(
    readonly options: FeatureOptions,
    private readonly keepReferences = true,
  ) {}

  run(input: UnitInput): Resolution {
    this.suggestionBudget = new SuggestionBudget();
    this.depsDir = input.depsDir;
    this.assemblePackages(input);
    for (const b of this.builds) this.declareItems(b);
    for (const b of this.builds) this.checkForeignSince(b);
    for (const b of this.builds) for (const part of b.parts) this.buildFileScope(b.pkg, part);
    this.checkPackageCycles();
    for (const info of this.owners.values()) {
      this.declareMembers(info);
      declareWorldFuncs(this, info);
    }
    for (const info of this.owners.values()) this.resolveUses(info);
    for (const info of this.owners.values()) this.resolveBodies(info);
    this.checkHandles();
    for (const info of this.owners.values()) this.checkTypeCycles(info);
    for (const b of this.builds) this.checkItemCycles(b);
    this.computeActivity();
    resolveWorlds(this);
    runComponentChecks(this);
    return this.snapshot();
  }

  private snapshot(): Resolution {
    return new LazyResolution({
      packages: this.packages,
      rootPackages: this.rootPackages,
      diagnostics: this.diagnostics,
      symbols: this.symbols,
      fileScopes: this.fileScopesOf(),
    }, new Map(this.refsByFile));
  }

  /** The model objects declared in one file, in the order they were made. */
  symbolsOf(file: string): readonly Symbol[] {
    return this.createdByFile.get(file) ?? [];
  }

  /** The objects whose checks run: all of them, or in a patch the patched file's. */
  scoped(): { worlds: World[]; interfaces: Interface[]; typedefs: TypeDef[]; funcs: Func[] } {
    if (!this.patch) return { worlds: this.worlds, interfaces: this.interfaces, typedefs: this.typedefs, funcs: this.funcs };
    const mine = this.createdByFile.get(this.patch.file) ?? [];
    return {
      worlds: mine.filter((s): s is World => s.kind === 'world'),
      interfaces: mine.filter((s): s is Interface => s.kind === 'interface'),
      typedefs: mine.filter((s): s is TypeDef => s.kind === 'typedef'),
      funcs: mine.filter((s): s is Func => s.kind === 'func'),
    };
  }

  /** Whether a file's reports are being (re)computed: every file in a full run, one in a patch. */
  inScope(file: string): boolean {
    return !this.patch || this.patch.file === file;
  }

  /**
   * Records a new model object (in its kind's list and in `symbols`), or in a patch hands back
   * the one made before in its place, updated from `fresh`.
   */
  private made<T extends Interface | World | TypeDef | Func>(file: string, fresh: T): T {
    let list = this.createdByFile.get(file);
    if (!list) this.createdByFile.set(file, (list = []));
    if (this.patch) {
      const old = this.patch.queue[this.patch.at++];
      if (!old || old.kind !== fresh.kind) throw new PatchMismatch(`expected ${fresh.kind}`);
      Object.assign(old, fresh);
      list.push(old);
      return old as T;
    }
    list.push(fresh);
    this.symbols.push(fresh);
    const obj: Interface | World | TypeDef | Func = fresh;
    if (obj.kind === 'interface') this.interfaces.push(obj);
    else if (obj.kind === 'world') this.worlds.push(obj);
    else if (obj.kind === 'typedef') this.typedefs.push(obj);
    else this.funcs.push(obj);
    return fresh;
  }

  /**
   * Re-resolves one file after an edit that left its surface (surface.ts) unchanged, reusing
   * every model object so links from other files stay valid. Returns undefined when the file
   * cannot be patched; the resolver must then be replaced by a full run.
   */
  patchFile(file: SourceFile): Resolution | undefined {
    this.suggestionBudget = new SuggestionBudget();
    const path = file.path;
    const parts: { b: PackageBuild; p: PackagePart }[] = [];
    for (const b of this.builds) for (const p of b.parts) if (p.file.path === path) parts.push({ b, p });
    if (parts.length === 0) return undefined;
    const old = parts[0].p.file;
    if (old === file) return this.snapshot();
    if (surfaceOf(old) !== surfaceOf(file)) return undefined;
    for (const [f, ds] of this.diagnostics) {
      if (f === path) {
        if (ds.some((d) => PACKAGE_LEVEL.has(d.code))) return undefined;
      } else if (ds.some((d) => d.related?.some((r) => r.file === path))) return undefined;
    }
    try {
      this.diagnostics = new Map(this.diagnostics);
      this.diagnostics.set(path, []);
      this.refsByFile = new Map(this.refsByFile);
      this.refsByFile.set(path, []);
      this.handleChecks = this.handleChecks.filter((h) => h.file !== path);
      this.patch = { file: path, queue: this.createdByFile.get(path) ?? [], at: 0 };
      this.createdByFile.set(path, []);
      let nested = 0;
      for (const { b, p } of parts) {
        p.file = file;
        if (b.pkg.origin === 'nested') {
          const n = file.hir.nested[nested++];
          if (!n) throw new PatchMismatch('nested package');
          p.items = n.items;
          b.pkg.decls = b.pkg.decls.map((d) => (d.file === path ? this.declLocation(file, n.decl) : d));
          b.pkg.docs = n.decl.docs?.text;
        } else {
          p.items = file.hir.items;
          const decl = file.hir.packageDecl;
          b.pkg.decls = b.pkg.decls.map((d) => (d.file === path && decl ? this.declLocation(file, decl) : d));
          if (decl?.docs) b.pkg.docs = decl.docs.text;
        }
        p.scope = new Map();
      }
      for (const { b, p } of parts) this.declarePart(b.pkg, p);
      for (const b of new Set(parts.map((x) => x.b))) this.checkForeignSince(b);
      for (const { b, p } of parts) this.buildFileScope(b.pkg, p);
      // Package and item cycles depend only on surfaces, and this file had none to report
      // (a file with package-level problems is not patched): nothing to check again.
      const owners = [...this.owners.values()].filter((i) => i.scope.part.file.path === path);
      for (const info of owners) {
        this.declareMembers(info);
        declareWorldFuncs(this, info);
      }
      if (this.patch.at !== this.patch.queue.length) throw new PatchMismatch('left-over objects');
      for (const info of owners) this.resolveUses(info);
      for (const info of owners) this.resolveBodies(info);
      this.checkHandles();
      for (const info of owners) this.checkTypeCycles(info);
      this.computeActivity();
      resolveWorlds(this, (w) => w.loc.file === path);
      runComponentChecks(this);
      return this.snapshot();
    } catch (e) {
      if (e instanceof PatchMismatch) return undefined;
      throw e;
    } finally {
      this.patch = undefined;
    }
  }

  // ---------------------------------------------------------------- reporting

  report(file: string, code: DiagnosticCode, range: Range, message: string, extra?: Partial<Diagnostic>): void {
    if (this.patch && file !== this.patch.file) return;
    let list = this.diagnostics.get(file);
    if (!list) this.diagnostics.set(file, (list = []));
    list.push({ code, start: range.start, end: range.end, message, ...extra });
  }

  reportAll(file: string, ds: Diagnostic[]): void {
    for (const d of ds) this.report(file, d.code, d, d.message, d);
  }

  refer(file: string, range: Range, target: Symbol, role?: Reference['role']): void {
    if (!this.keepReferences || (this.patch && file !== this.patch.file)) return;
    let list = this.refsByFile.get(file);
    if (!list) this.refsByFile.set(file, (list = []));
    list.push({ file, range, target, role });
    const stability = (target as { stability?: Stability }).stability;
    if (stability?.deprecated) {
      const name = (target as { name?: string }).name ?? '';
      this.report(file, 'deprecated', range, `\`${name}\` is deprecated since ${stability.deprecated}`, { tags: ['deprecated'] });
    }
  }

  // ---------------------------------------------------------------- packages

  private newPackage(name: PackageName, source: string, origin: Package['origin'], decls: Location[], docs?: string): Package {
    return {
      kind: 'package', name, id: packageId(name), decls, source, origin, docs,
      interfaces: new Map(), worlds: new Map(), foreignRefs: new Map(),
    };
  }

  private declLocation(file: SourceFile, decl: PackageDeclHir): Location {
    return { file: file.path, nameRange: decl.nameRange, range: decl.range };
  }

  /** Builds the packages of a folder's files: the main package and the nested ones. */
  private packageGroup(files: SourceFile[], source: string, origin: 'root' | 'dependency'): PackageBuild[] {
    let name: PackageName | undefined;
    let nameDecl: { file: SourceFile; decl: PackageDeclHir } | undefined;
    let docsDecl: { file: SourceFile; decl: PackageDeclHir } | undefined;
    const decls: Location[] = [];
    for (const file of files) {
      const decl = file.hir.packageDecl;
      if (!decl) continue;
      decls.push(this.declLocation(file, decl));
      if (name && nameDecl && packageId(decl.name) !== packageId(name)) {
        this.report(file.path, 'conflicting-package-name', decl.nameRange,
          `package identifier \`${packageId(decl.name)}\` does not match previous package name of \`${packageId(name)}\` (in ${nameDecl.file.path}); all files of a folder belong to one package`,
          { related: [{ file: nameDecl.file.path, start: nameDecl.decl.nameRange.start, end: nameDecl.decl.nameRange.end, message: 'the package is named here' }] });
        continue;
      }
      if (!name) {
        name = decl.name;
        nameDecl = { file, decl };
      }
      if (decl.docs) {
        if (docsDecl) {
          this.report(file.path, 'multiple-package-docs', decl.docs.range,
            `found doc comments on multiple 'package' items (also in ${docsDecl.file.path}); keep them on one header`,
            { related: [{ file: docsDecl.file.path, start: docsDecl.decl.docs!.range.start, end: docsDecl.decl.docs!.range.end, message: 'other package docs' }] });
        } else docsDecl = { file, decl };
      }
    }
    const hasItems = files.some((f) => f.hir.items.length > 0 || f.hir.nested.length > 0);
    // With syntax errors the header may just be unfinished: report those first.
    const syntaxBroken = files.some((f) => f.syntaxErrors.length > 0);
    // wit-parser rejects any folder or file it reads as a package without a header: the root
    // and each entry of deps/, even one with no items or no .wit files at all. (A root without
    // files is left alone here: the editor re-checks a folder whose files were all deleted.)
    if (!name && !syntaxBroken && files.length > 0) {
      const first = files[0];
      const at = firstSignificant(first);
      this.report(first.path, 'missing-package-header', at,
        'no `package` header was found in any WIT file for this package: add `package namespace:name;` as the first item of one file');
    } else if (!name && files.length === 0 && origin === 'dependency') {
      this.report(source, 'missing-package-header', { start: 0, end: 0 },
        `no \`package\` header was found: the dependency folder ${source} has no .wit files; add the package's WIT files or remove the folder`);
    }
    const main = this.newPackage(name ?? UNNAMED, source, origin, decls, docsDecl?.decl.docs?.text);
    const builds: PackageBuild[] = [];
    if (name || hasItems) {
      builds.push({ pkg: main, parts: files.map((file) => ({ file, items: file.hir.items, scope: new Map() })) });
    }
    for (const file of files) {
      for (const nested of file.hir.nested) builds.push(this.nestedPackage(file, nested));
    }
    return builds;
  }

  private nestedPackage(file: SourceFile, nested: NestedPackageHir): PackageBuild {
    const pkg = this.newPackage(nested.decl.name, file.path, 'nested', [this.declLocation(file, nested.decl)], nested.decl.docs?.text);
    return { pkg, parts: [{ file, items: nested.items, scope: new Map() }] };
  }

  private assemblePackages(input: UnitInput): void {
    const groups: PackageBuild[][] = [this.packageGroup(input.main, input.root, 'root')];
    this.rootPackages = groups[0].map((b) => b.pkg);
    for (const dep of input.deps) {
      if ('binary' in dep) {
        this.binaryDeps.push(dep.path);
        continue;
      }
      groups.push(this.packageGroup(dep.files, dep.path, 'dependency'));
    }
    for (const group of groups) {
      for (const b of group) {
        const prev = this.packagesById.get(b.pkg.id);
        if (prev && b.pkg.name !== UNNAMED) {
          const here = b.pkg.decls[0];
          const there = prev.decls[0];
          if (here) {
            this.report(here.file, 'duplicate-package', here.nameRange,
              `package \`${b.pkg.id}\` is defined in two different locations: here and in ${there?.file ?? prev.source}`,
              there ? { related: [{ file: there.file, start: there.nameRange.start, end: there.nameRange.end, message: 'also defined here' }] } : undefined);
          }
          if (there) {
            this.report(there.file, 'duplicate-package', there.nameRange,
              `package \`${b.pkg.id}\` is defined in two different locations: here and in ${here?.file ?? b.pkg.source}`,
              here ? { related: [{ file: here.file, start: here.nameRange.start, end: here.nameRange.end, message: 'also defined here' }] } : undefined);
          }
          // The second definition is still checked on its own, but names resolve to the first.
        } else if (b.pkg.name !== UNNAMED) {
          this.packagesById.set(b.pkg.id, b.pkg);
        }
        this.packages.push(b.pkg);
        this.builds.push(b);
        this.symbols.push(b.pkg);
      }
    }
  }

  // ---------------------------------------------------------------- items and scopes

  private declareItems(b: PackageBuild): void {
    for (const part of b.parts) this.declarePart(b.pkg, part);
  }

  private declarePart(pkg: Package, part: PackagePart): void {
    {
      for (const item of part.items) {
        if (item.kind === 'top-use') continue;
        const loc: Location = { file: part.file.path, nameRange: item.nameRange, range: item.range };
        const stability = this.gates(part.file.path, item.attrs, pkg, item.nameRange);
        let existing: Interface | World | undefined = pkg.interfaces.get(item.name) ?? pkg.worlds.get(item.name);
        const scope: Scope = { pkg, part };
        let created: Interface | World;
        if (item.kind === 'interface') {
          created = this.newInterface(item, pkg, loc, stability, scope);
          if (!existing) pkg.interfaces.set(item.name, created);
        } else {
          created = this.newWorld(item, pkg, loc, stability, scope);
          if (!existing) pkg.worlds.set(item.name, created);
        }
        // In a patch the item is its own earlier object: not a duplicate of itself.
        if (existing === created) existing = undefined;
        if (existing) {
          this.report(part.file.path, 'duplicate-item', item.nameRange,
            `duplicate item named \`${item.name}\`: the package already has an ${existing.kind} with this name`,
            { related: [{ file: existing.loc.file, start: existing.loc.nameRange.start, end: existing.loc.nameRange.end, message: 'first defined here' }] });
        }
        this.declared.set(item, existing ?? created);
      }
    }
  }

  /** Each item's model object (the first one, for duplicates). */
  private readonly declared = new Map<TopItemHir, Interface | World>();

  /**
   * A file's top-level names, in the order written: items and top-level `use`s. A name used
   * twice is reported where it occurs the second time, as wit-parser does.
   */
  private buildFileScope(pkg: Package, part: PackagePart): void {
    for (const item of part.items) {
      let name: string;
      let range: Range;
      let target: Interface | World | null;
      if (item.kind === 'top-use') {
        name = item.alias ?? item.path.name;
        range = item.aliasRange ?? (item.path.kind === 'local' ? item.path.range : item.path.nameRange);
        target = this.resolveTopLevelUse(pkg, part, item.path) ?? null;
      } else {
        name = item.name;
        range = item.nameRange;
        target = this.declared.get(item) ?? null;
      }
      if (part.scope.has(name)) {
        this.report(part.file.path, 'duplicate-file-name', range,
          `duplicate name \`${name}\` in this file: it is already defined or used here${item.kind === 'top-use' ? '; rename it with `as`' : ''}`);
        continue;
      }
      part.scope.set(name, target);
    }
  }

  /** `use iface;` at the top level names an item of this package, or a foreign interface. */
  private resolveTopLevelUse(pkg: Package, part: PackagePart, path: UsePathHir): Interface | World | undefined {
    if (path.kind === 'foreign') return this.resolvePath({ pkg, part }, path, 'interface', true);
    const hit = this.packageItem(pkg, path.name);
    if (!hit) {
      const suggestion = this.suggest(path.name, () => [...pkg.interfaces.keys(), ...pkg.worlds.keys()]);
      this.report(part.file.path, 'unknown-name', path.range,
        `interface or world \`${path.name}\` does not exist${didYouMean(suggestion)}`,
        { data: { name: path.name, suggestion, kind: 'interface-or-world' } });
      return undefined;
    }
    this.refer(part.file.path, path.range, hit, 'path');
    return hit;
  }

  private fileDiags(file: string): Diagnostic[] {
    let list = this.diagnostics.get(file);
    if (!list) this.diagnostics.set(file, (list = []));
    return list;
  }

  private newInterface(hir: InterfaceHir, pkg: Package, loc: Location, stability: Stability, scope: Scope): Interface {
    const iface = this.made<Interface>(loc.file, {
      kind: 'interface', name: hir.name, package: pkg, loc, hir, docs: hir.docs?.text, stability,
      active: true, types: new Map(), funcs: new Map(), deps: [],
    });
    this.registerOwner(iface, scope, hir.members);
    return iface;
  }

  private newWorld(hir: WorldHir, pkg: Package, loc: Location, stability: Stability, scope: Scope): World {
    const world = this.made<World>(loc.file, {
      kind: 'world', name: hir.name, package: pkg, loc, hir, docs: hir.docs?.text, stability, active: true,
      types: new Map(), imports: new Map(), exports: new Map(), includes: [],
    });
    this.registerOwner(world, scope, hir.members);
    // Inline `import x: interface { }` items are interfaces of their own, owned by the world.
    for (const m of hir.members) {
      if ((m.kind === 'import' || m.kind === 'export') && m.ext.kind === 'interface') {
        const ext = m.ext;
        const st = this.gates(scope.part.file.path, m.attrs, pkg, ext.nameRange);
        const inline = this.made<Interface>(scope.part.file.path, {
          kind: 'interface', name: undefined, package: pkg,
          loc: { file: scope.part.file.path, nameRange: ext.nameRange, range: m.range },
          hir: { kind: 'inline', label: ext.name }, docs: m.docs?.text, stability: st, active: true,
          types: new Map(), funcs: new Map(), deps: [], world,
        });
        this.registerOwner(inline, scope, ext.members);
        inlineInterfaces.set(m, inline);
      }
    }
    return world;
  }

  private registerOwner(owner: Interface | World, scope: Scope, members: OwnerInfo['members']): void {
    this.owners.set(owner, {
      owner, scope, members, typeOrder: [], mayCycle: false, funcNames: new Map(), uses: [], defs: [], ownFuncs: [],
    });
  }

  /** Per file, the top-level names of the file's own package (nested `package { }` blocks keep theirs). */
  private fileScopesOf(): Map<string, Map<string, Interface | World>> {
    const out = new Map<string, Map<string, Interface | World>>();
    for (const b of this.builds) {
      if (b.pkg.origin === 'nested') continue;
      for (const part of b.parts) {
        let m = out.get(part.file.path);
        if (!m) out.set(part.file.path, (m = new Map()));
        for (const [k, v] of part.scope) if (v) m.set(k, v);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- paths

  /**
   * Resolves `iface`, `world` or `ns:pkg/name@v` to an interface or world. `want` is what the
   * position needs; a path to the other kind is reported. Returns undefined after reporting.
   */
  resolvePath(scope: Scope, path: UsePathHir, want: 'interface' | 'world', fromTopLevelUse = false, site?: Stability): Interface | World | undefined {
    const file = scope.part.file.path;
    if (path.kind === 'local') {
      const hit = scope.part.scope.has(path.name) ? scope.part.scope.get(path.name) : this.packageItem(scope.pkg, path.name);
      if (hit === null) return undefined; // a top-level `use` that failed: reported there
      if (!hit) {
        const suggestion = this.suggest(path.name, () => [...scope.part.scope.keys(), ...scope.pkg.interfaces.keys(), ...scope.pkg.worlds.keys()]);
        this.report(file, 'unknown-name', path.range,
          `interface or world \`${path.name}\` does not exist${didYouMean(suggestion)}`,
          { data: { name: path.name, suggestion, kind: 'interface-or-world' } });
        return undefined;
      }
      this.refer(file, path.range, hit, hit.name === path.name ? 'path' : 'alias-path');
      if (!fromTopLevelUse && hit.kind !== want) {
        this.report(file, 'wrong-kind', path.range, `name \`${path.name}\` is defined as ${hit.kind === 'world' ? 'a world' : 'an interface'}, not ${want === 'world' ? 'a world' : 'an interface'}`);
        return undefined;
      }
      return hit;
    }
    const id = packageId(path.package);
    const pkg = this.packagesById.get(id);
    const refs = scope.pkg.foreignRefs.get(id) ?? [];
    refs.push({ file, nameRange: path.packageRange, range: path.range });
    scope.pkg.foreignRefs.set(id, refs);
    if (!pkg) {
      this.reportUnknownPackage(file, path, scope.pkg);
      return undefined;
    }
    this.refer(file, path.packageRange, pkg, 'path');
    const iface = pkg.interfaces.get(path.name);
    const world = pkg.worlds.get(path.name);
    const found = want === 'interface' ? iface : world;
    // wit-parser looks foreign items up only for references whose own gate is enabled.
    if (site && !isEnabled(site, this.options)) {
      if (found) this.refer(file, path.nameRange, found, 'path');
      return found;
    }
    // Another package was resolved before this one, without the items its gates exclude.
    const hit = found && isEnabled(found.stability, this.options) ? found : undefined;
    if (found && !hit && found.stability.kind === 'unstable') {
      this.refer(file, path.nameRange, found, 'path');
      const feature = found.stability.feature;
      this.report(file, 'gated-reference', path.nameRange,
        `${want} '${path.name}' not found in package '${id}': it is gated out there (feature \`${feature}\` is not active)`,
        { data: { feature } });
      return undefined;
    }
    if (!hit) {
      const other = want === 'interface' ? world : iface;
      if (other) this.refer(file, path.nameRange, other, 'path');
      const suggestion = other ? undefined : this.suggest(path.name, () => (want === 'interface' ? pkg.interfaces.keys() : pkg.worlds.keys()));
      this.report(file, other ? 'wrong-kind' : 'unknown-foreign-item', path.nameRange,
        `${want} '${path.name}' not found in package '${id}'${other ? `: it is ${other.kind === 'world' ? 'a world' : 'an interface'}` : didYouMean(suggestion)}`,
        { data: { name: path.name, suggestion } });
      return undefined;
    }
    this.refer(file, path.nameRange, hit, 'path');
    return hit;
  }

  private packageItem(pkg: Package, name: string): Interface | World | undefined {
    return pkg.interfaces.get(name) ?? pkg.worlds.get(name);
  }

  /** For the quick fix that writes `path` (`ns:pkg/x` inside `ns:pkg`) as `x`, when the package has `x`. */
  private ownItemFix(pkg: Package, path: ForeignPath): OwnItemFix | undefined {
    return this.packageItem(pkg, path.name) ? { ownItem: path.name, pathStart: path.range.start, pathEnd: path.range.end } : undefined;
  }

  private reportUnknownPackage(file: string, path: ForeignPath, from: Package): void {
    const id = packageId(path.package);
    const known = [...this.packagesById.keys()].sort();
    const sameName = known.filter((k) => k.split('@')[0] === `${path.package.namespace}:${path.package.name}`);
    // Sentences: what is missing (with the likely fix), then what is known and where it was looked for.
    let message = `package '${id}' not found`;
    let ownItem: OwnItemFix | undefined;
    if (sameName.length) message += `; found ${sameName.join(', ')} instead (versions must match exactly).`;
    else {
      const s = this.suggest(`${path.package.namespace}:${path.package.name}`, () => known.map((k) => k.split('@')[0]));
      // The package's own name would refer to itself, which is a cycle: say how its items are named.
      if (s && s === `${from.name.namespace}:${from.name.name}`) {
        message += `; if you mean this package, \`${s}\`, refer to its own ${OWN_ITEMS_HINT(s, path.name)}.`;
        ownItem = this.ownItemFix(from, path);
      } else message += s ? `; did you mean \`${s}\`?` : '.';
    }
    message += known.length ? ` Known packages: ${known.join(', ')}` : ' No packages are known';
    if (this.depsDir) message += ` (dependencies are read from ${this.depsDir})`;
    message += '.';
    if (this.binaryDeps.length) message += ` Binary packages in deps/ are not read: ${this.binaryDeps.join(', ')}.`;
    // The package may be one of the binary packages this tool cannot read: then say so, softly.
    this.report(file, this.binaryDeps.length ? 'binary-dependency' : 'unknown-package', path.packageRange, message, { data: { package: id, ...ownItem } });
  }

  /** The closest of `candidates` to `name` within the run's budget; `candidates` is made only while budget is left. */
  private suggest(name: string, candidates: () => Iterable<string>): string | undefined {
    return this.suggestionBudget.left > 0 ? closestName(name, candidates(), this.suggestionBudget) : undefined;
  }

  /**
   * Packages must not depend on each other in a cycle. Walks packages in name order and their
   * dependencies in the order first referenced, like wit-parser, so the same reference is blamed.
   */
  private checkPackageCycles(): void {
    type PathEdge = Edge & { path: ForeignPath };
    const deps = new Map<string, PathEdge[]>();
    for (const b of this.builds) {
      if (deps.has(b.pkg.id)) continue;
      const first = new Map<string, PathEdge>();
      for (const part of b.parts) collectForeignPaths(part.items, (path) => {
        const to = packageId(path.package);
        if (!first.has(to)) first.set(to, { to, range: path.packageRange, file: part.file.path, path });
      });
      deps.set(b.pkg.id, [...first.values()]);
    }
    const done = new Set<string>();
    const visiting = new Set<string>();
    // Depth first, with a stack of its own: a chain of thousands of packages must not overflow
    // the call stack. `visiting` holds the packages entered through an edge on the current path.
    const visit = (root: string) => {
      if (done.has(root)) return;
      const stack = [{ id: root, edges: deps.get(root) ?? [], next: 0 }];
      while (stack.length > 0) {
        const top = stack[stack.length - 1];
        if (top.next === top.edges.length) {
          stack.pop();
          done.add(top.id);
          if (stack.length > 0) visiting.delete(top.id);
          continue;
        }
        const e = top.edges[top.next++];
        const id = top.id;
        if (visiting.has(e.to)) {
          if (e.to !== id) {
            this.report(e.file!, 'package-cycle', e.range, `package \`${e.to}\` creates a dependency cycle: packages cannot depend on each other in a circle`);
            continue;
          }
          const data = this.ownItemFix(this.packagesById.get(id)!, e.path);
          this.report(e.file!, 'package-cycle', e.range,
            `package \`${e.to}\` creates a dependency cycle: it refers to itself; refer to its own ${OWN_ITEMS_HINT(e.to.split('@')[0], e.path.name)}`, data && { data });
          continue;
        }
        visiting.add(e.to);
        if (deps.has(e.to) && !done.has(e.to)) stack.push({ id: e.to, edges: deps.get(e.to)!, next: 0 });
        else visiting.delete(e.to);
      }
    };
    const byName = [...this.packagesById.values()].sort(comparePackageNames);
    for (const p of byName) visit(p.id);
  }

  // ---------------------------------------------------------------- members

  /**
   * Where to check a member's `@since` against the package version: wit-parser checks a function
   * or world item only when its interface or world is itself included, types always (and
   * references to other packages in checkForeignSince).
   */
  sinceSite(owner: Interface | World, at: Range): Range | undefined {
    return isEnabled(owner.stability, this.options) ? at : undefined;
  }

  /**
   * wit-parser decides whether each interface or world of another package is used by walking the
   * references to it in its own order until one is enabled, checking the `@since` of each one it
   * passes: even in a gated-out world, where nothing else is checked.
   */
  private checkForeignSince(b: PackageBuild): void {
    // A patched file keeps its surface, gates and paths included: if no reference to another
    // package was gated before, none is now, and the walk over every file can be skipped.
    if (this.patch && this.gatedForeignRefs.get(b) === false) return;
    const isGated = (attrs: Attrs) => attrs.since !== undefined || attrs.unstable !== undefined;
    let gated = false;
    for (const part of b.parts) collectForeignPaths(part.items, (_, attrs) => (gated ||= isGated(attrs)));
    this.gatedForeignRefs.set(b, gated);
    if (!gated) return;
    const sites = new Map<string, { file: string; attrs: Attrs; range: Range; typed: boolean }[]>();
    for (const part of b.parts) {
      collectForeignPaths(part.items, (path, attrs, world, typed) => {
        const key = `${world ? 'world' : 'interface'} ${packageId(path.package)}/${path.name}`;
        let list = sites.get(key);
        if (!list) sites.set(key, (list = []));
        list.push({ file: part.file.path, attrs, range: path.nameRange, typed });
      });
    }
    for (const list of sites.values()) {
      for (const site of list) {
        if (!isGated(site.attrs)) break; // no gate: enabled
        const st = stabilityOf(site.attrs, []);
        // A `use` that names types has its `@since` checked with them (declareMembers).
        if (!site.typed) {
          const out: Diagnostic[] = [];
          checkSince(st, b.pkg, site.range, out);
          this.reportAll(site.file, out);
        }
        if (isEnabled(st, this.options)) break;
      }
    }
  }


  /** Whether a package has any gated reference to another package (set by checkForeignSince). */
  private readonly gatedForeignRefs = new WeakMap<PackageBuild, boolean>();

  /**
   * The stability of an item whose name (or path) is at `at`; gate problems are reported. `at`:
   * where a `@since` the package cannot have is reported; undefined when it is not checked.
   */
  gates(file: string, attrs: Attrs, pkg: Package, at: Range | undefined): Stability {
    // Most items carry no gate: one shared answer, nothing to check.
    if (!attrs.since && !attrs.unstable && !attrs.deprecated && attrs.repeated.length === 0) return UNGATED;
    const out: Diagnostic[] = [];
    const st = stabilityOf(attrs, out);
    this.reportAll(file, out);
    checkSince(st, pkg, attrs.since ? at : undefined, this.fileDiags(file));
    return st;
  }

  /** Creates the TypeDefs and Funcs of an interface or world, and reports duplicate names. */
  private declareMembers(info: OwnerInfo): void {
    const { owner, scope } = info;
    const file = scope.part.file.path;
    const pkg = scope.pkg;

    // `use` names first, then definitions, then functions: the order in which wit-parser
    // defines names, so a clash is reported on the same one of the two.
    for (const m of info.members) {
      if (m.kind !== 'use') continue;
      // wit-parser checks a `use`'s `@since` on the types it brings in: `use x.{}` has none.
      const st = this.gates(file, m.attrs, pkg, m.names[0]?.nameRange);
      const entries = m.names.map((n) => {
        const local = n.alias ?? n.name;
        const nameRange = n.aliasRange ?? n.nameRange;
        const td = this.newType(info, local, { file, nameRange, range: m.range }, n, st);
        td.body = { kind: 'use' };
        this.defineType(info, local, nameRange, td);
        return { name: n, td };
      });
      info.uses.push({ hir: m, stability: st, entries });
    }
    for (const m of info.members) {
      if (m.kind !== 'typedef') continue;
      // wit-parser lets a later `use` of the same name replace a definition, which it then never
      // reads (only a `use` before the definition is a duplicate): accept it, and say so.
      const used = owner.types.get(m.name);
      if (used?.body.kind === 'use' && used.loc.file === file && used.loc.range.start > m.range.start) {
        // A resource's functions are not ignored with it: they name a type that is now the used
        // one, and the component validator rejects them.
        const stranded = m.def.kind !== 'resource' || m.def.funcs.length === 0 ? ''
          : owner.kind === 'interface' ? '; its functions stay in the interface, so a component that uses this interface cannot be built'
            : '; its functions stay in the world, so no component can be built from it';
        this.report(file, 'shadowed-by-use', m.nameRange,
          `type \`${m.name}\` is ignored: the \`use\` below brings in the same name, and wit-parser keeps only that one${stranded} (rename or remove one of them)`,
          { related: [{ file, start: used.loc.nameRange.start, end: used.loc.nameRange.end, message: 'the `use` that replaces it' }] });
        // wit-parser still adds an ignored resource's functions to the interface, and a name
        // that two of them share makes it panic (wit-parser 0.259): report it as an error.
        if (m.def.kind === 'resource') this.duplicateResourceFuncs(file, m);
        continue;
      }
      const st = this.gates(file, m.attrs, pkg, m.nameRange);
      const td = this.newType(info, m.name, { file, nameRange: m.nameRange, range: m.range }, m, st, m.docs?.text);
      this.defineType(info, m.name, m.nameRange, td);
      info.defs.push({ hir: m, td });
      if (m.def.kind === 'resource') this.declareResourceFuncs(info, m, td);
    }
    if (owner.kind === 'interface') {
      for (const m of info.members) {
        if (m.kind !== 'func') continue;
        const st = this.gates(file, m.attrs, pkg, this.sinceSite(owner, m.nameRange));
        const func = this.newFunc(m, owner, file, st, m.name);
        if (owner.types.has(m.name) || info.funcNames.has(m.name)) {
          const prev = owner.types.get(m.name)?.loc ?? info.funcNames.get(m.name)!.loc;
          this.report(file, 'duplicate-name', m.nameRange, `name \`${m.name}\` is defined more than once in this interface`,
            { related: [{ file: prev.file, start: prev.nameRange.start, end: prev.nameRange.end, message: 'first defined here' }] });
        } else {
          info.funcNames.set(m.name, func);
          owner.funcs.set(func.qualifiedName, func);
        }
        info.ownFuncs.push(func);
      }
    }
  }

  private newType(info: OwnerInfo, name: string, loc: Location, hir: TypeDef['hir'], stability: Stability, docs?: string): TypeDef {
    return this.made<TypeDef>(loc.file, {
      kind: 'typedef', name, owner: info.owner, loc, hir, docs, stability, active: true,
      body: UNRESOLVED,
    });
  }

  /** Declares a type name in its interface or world; a second declaration is reported. */
  private defineType(info: OwnerInfo, name: string, range: Range, td: TypeDef): void {
    const owner = info.owner;
    info.typeOrder.push(name);
    const prev = owner.types.get(name);
    if (prev) {
      info.mayCycle = true;
      this.report(info.scope.part.file.path, 'duplicate-name', range, `name \`${name}\` is defined more than once in this ${owner.kind}`,
        { related: [{ file: prev.loc.file, start: prev.loc.nameRange.start, end: prev.loc.nameRange.end, message: 'first defined here' }] });
      return;
    }
    owner.types.set(name, td);
  }

  newFunc(hir: FuncHir, owner: Interface | World, file: string, stability: Stability, qualifiedName: string, resource?: TypeDef): Func {
    return this.made<Func>(file, {
      kind: 'func', name: hir.name, qualifiedName, funcKind: hir.funcKind, async: hir.async, params: [],
      result: undefined, owner, resource, loc: { file, nameRange: hir.nameRange, range: hir.range }, hir,
      docs: hir.docs?.text, stability, active: true,
    });
  }

  private declareResourceFuncs(info: OwnerInfo, hir: TypeDefHir, td: TypeDef): void {
    if (hir.def.kind !== 'resource') return;
    const file = info.scope.part.file.path;
    const duplicates = this.duplicateResourceFuncs(file, hir);
    const funcs: Func[] = [];
    for (const f of hir.def.funcs) {
      const st = this.gates(file, f.attrs, info.scope.pkg, this.sinceSite(info.owner, f.nameRange));
      const qualified = f.funcKind === 'constructor' ? `[constructor]${hir.name}` : `[${f.funcKind}]${hir.name}.${f.name}`;
      const func = this.newFunc(f, info.owner, file, st, qualified, td);
      funcs.push(func);
      info.ownFuncs.push(func);
      if (duplicates?.has(f)) continue;
      if (info.owner.kind === 'interface') info.owner.funcs.set(qualified, func);
    }
    td.body = { kind: 'resource', funcs };
  }

  /**
   * Reports a resource's second constructor and functions whose names were already taken;
   * returns them (undefined when there are none, as nearly always).
   */
  private duplicateResourceFuncs(file: string, hir: TypeDefHir): Set<FuncHir> | undefined {
    if (hir.def.kind !== 'resource') return undefined;
    let duplicates: Set<FuncHir> | undefined;
    let ctor: FuncHir | undefined;
    const names = new Map<string, FuncHir>();
    for (const f of hir.def.funcs) {
      if (f.funcKind === 'constructor') {
        if (!ctor) {
          ctor = f;
          continue;
        }
        this.report(file, 'duplicate-method', f.nameRange, `duplicate constructors: resource \`${hir.name}\` can have only one`,
          { related: [{ file, start: ctor.nameRange.start, end: ctor.nameRange.end, message: 'first constructor' }] });
      } else {
        const prev = names.get(f.name);
        if (!prev) {
          names.set(f.name, f);
          continue;
        }
        this.report(file, 'duplicate-method', f.nameRange, `duplicate function name \`${f.name}\` in resource \`${hir.name}\``,
          { related: [{ file, start: prev.nameRange.start, end: prev.nameRange.end, message: 'first defined here' }] });
      }
      (duplicates ??= new Set()).add(f);
    }
    return duplicates;
  }

  // ---------------------------------------------------------------- uses

  private resolveUses(info: OwnerInfo): void {
    const { owner, scope } = info;
    const file = scope.part.file.path;
    for (const u of info.uses) {
      const target = this.resolvePath(scope, u.hir.path, 'interface', false, u.stability) as Interface | undefined;
      // Elaboration follows the uses that exist under the active features, as wit-parser's does.
      const exists = isEnabled(u.stability, this.options);
      if (exists && target && owner.kind === 'interface' && target !== owner && !owner.deps.includes(target)) owner.deps.push(target);
      // As for the interface itself (resolvePath), wit-parser looks names up in a foreign
      // interface only for a `use` whose gate is enabled; local names are always looked up.
      const lookUpForeign = u.hir.path.kind === 'local' || exists;
      for (const { name, td } of u.entries) {
        if (!target) continue;
        td.body = { kind: 'use', from: target };
        const hit = target.types.get(name.name);
        if (hit) {
          td.body.target = hit;
          td.docs = hit.docs;
          this.refer(file, name.nameRange, hit, 'use');
          continue;
        }
        if (!lookUpForeign) continue;
        const targetInfo = this.owners.get(target);
        const func = targetInfo?.funcNames.get(name.name);
        if (func) {
          this.refer(file, name.nameRange, func, 'use');
          this.report(file, 'wrong-kind', name.nameRange, `cannot import function \`${name.name}\`: \`use\` brings in types only`);
        } else if (u.hir.path.kind === 'foreign') {
          const suggestion = this.suggest(name.name, () => target.types.keys());
          this.report(file, 'unknown-foreign-item', name.nameRange,
            `type \`${name.name}\` not defined in interface \`${target.name ?? ''}\` of package \`${target.package.id}\`${didYouMean(suggestion)}`,
            { data: { name: name.name, suggestion } });
        } else {
          const suggestion = this.suggest(name.name, () => target.types.keys());
          this.report(file, 'unknown-name', name.nameRange,
            `name \`${name.name}\` does not exist in interface \`${target.name ?? ''}\`${didYouMean(suggestion)}`,
            { data: { name: name.name, suggestion, kind: 'type' } });
        }
      }
    }
  }

  // ---------------------------------------------------------------- type bodies

  private resolveBodies(info: OwnerInfo): void {
    const file = info.scope.part.file.path;
    for (const { hir, td } of info.defs) {
      const def = hir.def;
      switch (def.kind) {
        case 'alias':
          td.body = { kind: 'alias', target: this.resolveType(def.type, info, 'type', true) };
          break;
        case 'record': {
          const fields = [];
          for (const f of def.fields) fields.push({ name: f.name, ty: this.resolveType(f.type, info, 'type', true), nameRange: f.nameRange, docs: f.docs?.text });
          td.body = { kind: 'record', fields };
          break;
        }
        case 'variant': {
          if (def.cases.length === 0) this.report(file, 'empty-type', hir.nameRange, `empty variant: \`${hir.name}\` needs at least one case`);
          const cases = [];
          for (const c of def.cases) cases.push({ name: c.name, ty: c.type ? this.resolveType(c.type, info, 'type', true) : undefined, nameRange: c.nameRange, docs: c.docs?.text });
          td.body = { kind: 'variant', cases };
          break;
        }
        case 'enum':
          if (def.cases.length === 0) this.report(file, 'empty-type', hir.nameRange, `empty enum: \`${hir.name}\` needs at least one case`);
          td.body = { kind: 'enum', cases: def.cases.map((c) => ({ name: c.name, nameRange: c.nameRange, docs: c.docs?.text })) };
          break;
        case 'flags':
          td.body = { kind: 'flags', flags: def.flags.map((c) => ({ name: c.name, nameRange: c.nameRange, docs: c.docs?.text })) };
          break;
        case 'resource':
          break; // functions are resolved with the others below
      }
    }
    for (const f of info.ownFuncs) this.resolveSignature(f, info);
  }

  resolveSignature(f: Func, info: OwnerInfo): void {
    const file = info.scope.part.file.path;
    const params = f.hir.params;
    // `map` sizes the list exactly (see lower.ts on the slack that `push` leaves).
    f.params = params.map((p, i) => {
      // Parameter lists are short: a scan of the earlier ones beats building a set.
      let duplicate = f.funcKind === 'method' && p.name === 'self';
      for (let j = 0; j < i && !duplicate; j++) duplicate = params[j].name === p.name;
      if (duplicate) {
        this.report(file, 'duplicate-param', p.nameRange, `param \`${p.name}\` is defined more than once${p.name === 'self' ? ' (methods have an implicit `self`)' : ''}`);
      }
      return { name: p.name, ty: this.resolveType(p.type, info, 'name'), nameRange: p.nameRange };
    });
    if (f.hir.result) {
      const before = this.borrowCount;
      f.result = this.resolveType(f.hir.result, info, 'name');
      if (this.borrowCount !== before) this.hasBorrowOutsideParams = true;
    }
    if (f.funcKind === 'constructor' && f.hir.result && f.resource) this.checkConstructorResult(f, f.hir.result, file);
  }

  private checkConstructorResult(f: Func, expr: TypeExpr, file: string): void {
    const ty = f.result;
    if (!ty || ty.kind === 'error') return;
    if (ty.kind !== 'result') {
      this.report(file, 'invalid-constructor-result', expr.range,
        `if a constructor return type is declared it must be a \`result\` (\`-> result<${f.resource!.name}, error-type>\`)`);
      return;
    }
    const ok = ty.ok;
    const okIsResource = ok && ((ok.kind === 'def' && ok.def === f.resource) || (ok.kind === 'handle' && ok.own && ok.resource === f.resource));
    if (ok?.kind === 'error') return;
    if (!okIsResource) {
      const okExpr = expr.kind === 'result' && expr.ok ? expr.ok : expr;
      this.report(file, 'invalid-constructor-result', okExpr.range, `the \`ok\` type must be the resource being constructed (\`${f.resource!.name}\`)`);
    }
  }

  /**
   * Resolves a type expression in an interface or world. `context` picks wit-parser's wording
   * for unknown names ("type" in type definitions, "name" in function signatures); `inBody`
   * says that `e` is (part of) a type definition's body.
   */
  resolveType(e: TypeExpr, info: OwnerInfo, context: 'type' | 'name', inBody = false): Ty {
    switch (e.kind) {
      case 'prim':
        return PRIM_TYS[e.name];
      case 'named': {
        const td = this.lookupType(e.name, e.range, 'type', info, context, inBody);
        return td ? { kind: 'def', def: td } : ERROR_TY;
      }
      case 'list':
        if (e.length === undefined) return { kind: 'list', elem: this.resolveType(e.elem, info, context, inBody) };
        this.hasFixedLengthLists = true;
        if (e.length === 0) this.hasRareShapes = true;
        return { kind: 'list', elem: this.resolveType(e.elem, info, context, inBody), length: e.length };
      case 'map': {
        const key = this.resolveType(e.key, info, context, inBody);
        const value = this.resolveType(e.value, info, context, inBody);
        if (key.kind !== 'error' && !(key.kind === 'prim' && MAP_KEYS.has(key.name))) {
          this.report(info.scope.part.file.path, 'invalid-map-key', e.range,
            'invalid map key type: map keys must be bool, u8, u16, u32, u64, s8, s16, s32, s64, char, or string');
        }
        return { kind: 'map', key, value };
      }
      case 'option':
        return { kind: 'option', inner: this.resolveType(e.inner, info, context, inBody) };
      case 'result':
        return {
          kind: 'result',
          ok: e.ok && this.resolveType(e.ok, info, context, inBody),
          err: e.err && this.resolveType(e.err, info, context, inBody),
        };
      case 'tuple': {
        if (e.items.length === 0) this.hasRareShapes = true;
        return { kind: 'tuple', items: e.items.map((item) => this.resolveType(item, info, context, inBody)) };
      }
      case 'future':
        return { kind: 'future', inner: e.inner && this.resolveType(e.inner, info, context, inBody) };
      case 'stream':
        if (e.inner?.kind === 'prim' && e.inner.name === 'char') this.hasRareShapes = true;
        return { kind: 'stream', inner: e.inner && this.resolveType(e.inner, info, context, inBody) };
      case 'handle': {
        const td = this.lookupType(e.resource, e.resourceRange, 'handle', info, context, inBody);
        if (!td) return ERROR_TY;
        this.handleChecks.push({ td, file: info.scope.part.file.path, range: e.resourceRange, name: e.resource });
        if (!e.own) {
          this.borrowCount++;
          if (inBody) this.hasBorrowOutsideParams = true;
        }
        return { kind: 'handle', own: e.own, resource: td };
      }
      case 'missing':
        return ERROR_TY;
    }
  }

  /** A type name in an interface or world; an unknown one (or a function) is reported. */
  private lookupType(name: string, range: Range, role: Reference['role'], info: OwnerInfo, context: 'type' | 'name', inBody: boolean): TypeDef | undefined {
    const file = info.scope.part.file.path;
    const td = info.owner.types.get(name);
    if (td) {
      if (inBody && td.body === UNRESOLVED) info.mayCycle = true;
      this.refer(file, range, td, role);
      return td;
    }
    const func = info.funcNames.get(name);
    if (func) {
      this.refer(file, range, func, role);
      this.report(file, 'wrong-kind', range, `cannot use function \`${name}\` as a type`);
      return undefined;
    }
    const renamed = name === 'float32' ? 'f32' : name === 'float64' ? 'f64' : undefined;
    const suggestion = renamed ?? this.suggest(name, () => [...info.owner.types.keys(), ...PRIMITIVES]);
    const hint = renamed ? `; the \`${name}\` type has been renamed to \`${renamed}\`` : didYouMean(suggestion);
    this.report(file, 'unknown-name', range, `${context} \`${name}\` does not exist${hint}`, { data: { name, suggestion, kind: 'type' } });
    return undefined;
  }

  /** `own<T>`/`borrow<T>` written against T: checked once every body is resolved. */
  handleChecks: { td: TypeDef; file: string; range: Range; name: string }[] = [];

  checkHandles(): void {
    // Handles often name the same chain of aliases: each chain is walked once per check (20,000
    // handles to the end of a 20,000-alias chain took 240 s when each walked it afresh).
    const underlying = underlyingDefMemo();
    const gated = new Map<TypeDef, TypeDef>();
    for (const h of this.handleChecks) {
      // A patch reports only in its own file: the other files' checks would be thrown away.
      if (this.patch && h.file !== this.patch.file) continue;
      if (this.throughGatedForeignUse(h.td, gated)) continue;
      const def = underlying(h.td);
      if (def.body.kind === 'resource') continue;
      // A `use` whose target did not resolve, or an alias to an error: already reported.
      if (def.body.kind === 'use' || (def.body.kind === 'alias' && def.body.target.kind === 'error')) continue;
      this.report(h.file, 'handle-not-resource', h.range, `type \`${h.name}\` used in a handle must be a resource`);
    }
  }

  /**
   * Whether `td` leads, through aliases, to a gated-out `use` from another package: wit-parser
   * checks such a handle only once the other package is resolved, and drops the check when the
   * `use` is configured away.
   */
  private throughGatedForeignUse(td: TypeDef, memo: Map<TypeDef, TypeDef>): boolean {
    // The chain stops at the first such `use`, so it is there exactly when the chain ends on one.
    const gated = (d: TypeDef) => d.body.kind === 'use' && d.body.from !== undefined
      && d.body.from.package !== d.owner.package && !isEnabled(d.stability, this.options);
    return gated(chainEnd(td, (d) => (gated(d) ? undefined : nextUnderlying(d)), memo));
  }

  // ---------------------------------------------------------------- cycles

  private checkTypeCycles(info: OwnerInfo): void {
    if (!info.mayCycle) return;
    // For a name defined twice (reported already), the later definition's references count.
    const typeEdges = new Map<string, Edge[]>();
    for (const { hir } of info.defs) typeEdges.set(hir.name, bodyEdges(hir.def));
    this.reportCycles(info.typeOrder, typeEdges, (e) => {
      this.report(info.scope.part.file.path, 'type-cycle', e.range, `type \`${e.to}\` depends on itself: WIT types cannot refer to themselves`);
    });
  }

  /** Reports one edge per cycle, in wit-parser's choice for the first one. */
  private reportCycles(nodes: string[], edges: Map<string, Edge[]>, report: (e: Edge) => void): void {
    if (!hasCycle(nodes, edges)) return;
    let remaining = [...new Set(nodes)];
    for (let guard = 0; guard <= remaining.length; guard++) {
      const r = toposort(remaining, edges);
      if (!r.cycleEdge) break;
      report(r.cycleEdge);
      const from = [...r.unordered].find((n) => (edges.get(n) ?? []).includes(r.cycleEdge!));
      remaining = remaining.filter((n) => n !== from);
    }
  }

  private checkItemCycles(b: PackageBuild): void {
    const nodes: string[] = [];
    const edges = new Map<string, Edge[]>();
    for (const part of b.parts) {
      for (const item of part.items) {
        if (item.kind === 'top-use') continue;
        nodes.push(item.name);
        const out: Edge[] = [];
        const visit = (path: UsePathHir) => {
          if (path.kind !== 'local') return;
          const target = part.scope.has(path.name) ? part.scope.get(path.name) : this.packageItem(b.pkg, path.name);
          if (!target || target.package !== b.pkg) return;
          // wit-parser points at the declaration when it is in the same file, else at the use.
          const here = target.loc.file === part.file.path;
          out.push({ to: target.name!, range: here ? target.loc.nameRange : path.range, file: part.file.path });
        };
        if (item.kind === 'interface') for (const m of item.members) { if (m.kind === 'use') visit(m.path); }
        else for (const m of item.members) { if (m.kind === 'include') visit(m.path); }
        edges.set(item.name, [...(edges.get(item.name) ?? []), ...out]);
      }
    }
    this.reportCycles(nodes, edges, (e) => {
      this.report(e.file!, 'item-cycle', e.range, `interface or world \`${e.to}\` depends on itself: \`use\` and \`include\` cannot go in a circle`);
    });
  }

  // ---------------------------------------------------------------- gates

  /** Decides which items exist under the active features and reports references to ones that do not. */
  private computeActivity(): void {
    const on = (s: Stability) => isEnabled(s, this.options);
    // In a patch, objects of other files keep their flags: only the patched file's are set.
    const { worlds, interfaces, typedefs, funcs } = this.scoped();
    for (const w of worlds) w.active = on(w.stability);
    for (const i of interfaces) i.active = (i.world ? i.world.active : true) && on(i.stability);
    for (const td of typedefs) td.active = td.owner.active && on(td.stability);
    for (const f of funcs) {
      const container = f.resource ? f.resource.active : f.owner.active;
      f.active = container && on(f.stability);
    }
    for (const td of typedefs) {
      if (td.owner.active || !on(td.stability)) continue;
      // wit-parser keeps ungated types of a gated-out interface and then fails on their owner.
      // An inline interface is excluded by its own gate only, not by its world's.
      if (td.owner.kind === 'interface' && td.owner.world && on(td.owner.stability)) continue;
      const what = td.owner.kind;
      this.report(td.loc.file, 'gated-reference', td.loc.nameRange,
        `found a reference to a ${what} which is excluded due to its feature not being activated; this type is not gated by a feature but its ${what} is (gate \`${td.name}\` too)`);
    }
    for (const f of funcs) {
      if (!f.resource || f.resource.active || !on(f.stability) || !f.owner.active) continue;
      this.report(f.loc.file, 'gated-reference', f.loc.nameRange,
        `found a reference to a type which is excluded due to its feature not being activated: resource \`${f.resource.name}\` is gated, so gate this function too`);
    }
    // Only a type can be excluded and referred to; when none is (in any file: a patch sets its
    // own file's flags but refers to the others), no reference needs to be looked at.
    if (this.typedefs.some((td) => !td.active)) this.checkGatedReferences(typedefs, funcs);
    const hint = (loc: Location, what: string, s: Stability) => {
      if (s.kind !== 'unstable') return;
      this.report(loc.file, 'inactive-feature', loc.range,
        `${what} is excluded: feature \`${s.feature}\` is not active (enable it in the \`wit.features\` setting or with \`--features ${s.feature}\`)`,
        { tags: ['unnecessary'], data: { feature: s.feature } });
    };
    for (const i of interfaces) if (!on(i.stability) && (!i.world || i.world.active)) hint(i.loc, `interface \`${i.name ?? i.loc.nameRange}\``, i.stability);
    for (const w of worlds) if (!on(w.stability)) hint(w.loc, `world \`${w.name}\``, w.stability);
    for (const td of typedefs) if (td.owner.active && !on(td.stability)) hint(td.loc, `type \`${td.name}\``, td.stability);
    for (const f of funcs) {
      const container = f.resource ? f.resource.active : f.owner.active;
      if (container && !on(f.stability)) hint(f.loc, `function \`${f.name}\``, f.stability);
    }
  }

  /** Reports the active definitions and functions that refer to an excluded type. */
  private checkGatedReferences(typedefs: TypeDef[], funcs: Func[]): void {
    for (const td of typedefs) {
      if (!td.active) continue;
      const body = td.body;
      if (body.kind === 'use') {
        if (body.target && !body.target.active) this.reportGated(td.loc.file, td.loc.nameRange, body.target);
      } else if (body.kind === 'record') {
        for (const f of body.fields) this.checkGatedTy(f.ty, td.loc.file, f.nameRange);
      } else if (body.kind === 'alias') this.checkGatedTy(body.target, td.loc.file, td.loc.nameRange);
      else if (body.kind === 'variant') for (const c of body.cases) if (c.ty) this.checkGatedTy(c.ty, td.loc.file, td.loc.nameRange);
    }
    for (const f of funcs) {
      if (!f.active) continue;
      for (const p of f.params) this.checkGatedTy(p.ty, f.loc.file, f.loc.nameRange);
      if (f.result) this.checkGatedTy(f.result, f.loc.file, f.loc.nameRange);
    }
  }

  reportGated(file: string, range: Range, target: TypeDef | Interface | World, why = ''): void {
    const what = target.kind === 'typedef' ? 'type' : target.kind;
    const feature = target.stability.kind === 'unstable' ? ` (feature \`${target.stability.feature}\`)` : '';
    this.report(file, 'gated-reference', range,
      `found a reference to a ${what} which is excluded due to its feature not being activated${feature}${why}`,
      { data: target.stability.kind === 'unstable' ? { feature: target.stability.feature } : undefined });
  }

  /** Reports the first gated-out type that `t` refers to; true when there was one. */
  private checkGatedTy(t: Ty | undefined, file: string, range: Range): boolean {
    if (!t) return false;
    switch (t.kind) {
      case 'def':
        if (t.def.active) return false;
        this.reportGated(file, range, t.def);
        return true;
      case 'handle':
        if (t.resource.active) return false;
        this.reportGated(file, range, t.resource);
        return true;
      case 'list': return this.checkGatedTy(t.elem, file, range);
      case 'map': return this.checkGatedTy(t.key, file, range) || this.checkGatedTy(t.value, file, range);
      case 'option': return this.checkGatedTy(t.inner, file, range);
      case 'result': return this.checkGatedTy(t.ok, file, range) || this.checkGatedTy(t.err, file, range);
      case 'tuple':
        for (const item of t.items) if (this.checkGatedTy(item, file, range)) return true;
        return false;
      case 'future':
      case 'stream': return this.checkGatedTy(t.inner, file, range);
      default: return false;
    }
  }
}

/** The names a type definition's body refers to, in the order resolveType meets them. */
export function bodyEdges(def: TypeDefBody): Edge[] {
  const edges: Edge[] = [];
  const walk = (e: TypeExpr | undefined): void => {
    if (!e) return;
    switch (e.kind) {
      case 'named': edges.push({ to: e.name, range: e.range }); break;
      case 'handle': edges.push({ to: e.resource, range: e.resourceRange }); break;
      case 'list': walk(e.elem); break;
      case 'map': walk(e.key); walk(e.value); break;
      case 'option': case 'future': case 'stream': walk(e.inner); break;
      case 'result': walk(e.ok); walk(e.err); break;
      case 'tuple': for (const item of e.items) walk(item); break;
      default: break;
    }
  };
  switch (def.kind) {
    case 'alias': walk(def.type); break;
    case 'record': for (const f of def.fields) walk(f.type); break;
    case 'variant': for (const c of def.cases) walk(c.type); break;
    default: break;
  }
  return edges;
}

/**
 * A resolution's references, kept per file; the flat list is made the first time someone asks
 * for it (IDE features do, the checker does not), so a patch never copies every reference. A
 * class, not an object with its own getter: V8 would keep the last getter, and with it the last
 * resolution, alive in the shared hidden class.
 */
class LazyResolution implements Resolution {
  packages: Package[];
  rootPackages: Package[];
  diagnostics: Map<string, Diagnostic[]>;
  symbols: Symbol[];
  fileScopes: Map<string, Map<string, Interface | World>>;
  #flat: Reference[] | undefined;

  constructor(base: Omit<Resolution, 'references' | 'referencesByFile'>, readonly referencesByFile: Map<string, Reference[]>) {
    this.packages = base.packages;
    this.rootPackages = base.rootPackages;
    this.diagnostics = base.diagnostics;
    this.symbols = base.symbols;
    this.fileScopes = base.fileScopes;
  }

  get references(): Reference[] {
    return (this.#flat ??= [...this.referencesByFile.values()].flat());
  }
}

/** Inline interfaces created for world members, so world resolution can find them. */
export const inlineInterfaces = new WeakMap<object, Interface>();

function firstSignificant(file: SourceFile): Range {
  const m = /\S/.exec(file.text);
  const at = m ? m.index : 0;
  return { start: at, end: Math.min(file.text.length, at + 1) };
}

function comparePackageNames(a: Package, b: Package): number {
  const x = a.name;
  const y = b.name;
  if (x.namespace !== y.namespace) return x.namespace < y.namespace ? -1 : 1;
  if (x.name !== y.name) return x.name < y.name ? -1 : 1;
  if (!x.version || !y.version) return (x.version ? 1 : 0) - (y.version ? 1 : 0);
  return compareVersions(x.version, y.version);
}

type ForeignPath = Extract<UsePathHir, { kind: 'foreign' }>;

/** The data of a diagnostic that a quick fix reads to write a package's own item by name alone. */
type OwnItemFix = { ownItem: string; pathStart: number; pathEnd: number };

/** How a package names its own interfaces and worlds: without the package (`x`, not `ns:pkg/x`). */
const OWN_ITEMS_HINT = (pkg: string, item: string): string => `interfaces and worlds by name alone (\`${item}\`, not \`${pkg}/${item}\`)`;

/**
 * Calls `f` for every foreign path written in these items, in wit-parser's order (worlds: uses
 * and includes, then imports, then exports), with the attributes of the statement that writes it,
 * whether it names a world (an `include`), and whether it brings in types (a `use` with names).
 */
export function collectForeignPaths(
  items: TopItemHir[],
  f: (p: ForeignPath, attrs: Attrs, world: boolean, typed: boolean) => void,
): void {
  const visit = (p: UsePathHir | undefined, attrs: Attrs, world = false, typed = false) => {
    if (p && p.kind === 'foreign') f(p, attrs, world, typed);
  };
  const members = (ms: InterfaceMemberHir[]) => {
    for (const m of ms) if (m.kind === 'use') visit(m.path, m.attrs, false, m.names.length > 0);
  };
  for (const item of items) {
    if (item.kind === 'top-use') visit(item.path, NO_ATTRS); // attributes are an error there
    else if (item.kind === 'interface') members(item.members);
    else {
      for (const m of item.members) {
        if (m.kind === 'use') visit(m.path, m.attrs, false, m.names.length > 0);
        else if (m.kind === 'include') visit(m.path, m.attrs, true);
      }
      for (const dir of ['import', 'export'] as const) {
        for (const m of item.members) {
          if (m.kind !== 'import' && m.kind !== 'export') continue;
          if (m.kind !== dir) continue;
          if (m.ext.kind === 'path' || m.ext.kind === 'labeled') visit(m.ext.path, m.attrs);
          else if (m.ext.kind === 'interface') members(m.ext.members);
        }
      }
    }
  }
}

keepShape(new Resolver({ features: new Set(), allFeatures: false }));
keepShape(new LazyResolution({ packages: [], rootPackages: [], diagnostics: new Map(), symbols: [], fileScopes: new Map() }, new Map()));
