// The resolved model of a WIT workspace unit: packages, interfaces, worlds, type definitions and
// functions, linked to each other and to where they are written. IDE features and the Canonical
// ABI read this; only resolve*.ts builds it.

import type { Diagnostic } from '../base/diagnostic';
import type { SyntaxTree } from '../syntax';
import type {
  FileHir, FuncHir, FuncKind, InterfaceHir, PackageName, PrimName, Range, TypeDefHir, UseNameHir,
  WorldHir,
} from './hir';

export interface SourceFile {
  /** Absolute path (or URI path for untitled buffers), the file's identity. */
  path: string;
  text: string;
  tree: SyntaxTree;
  /** Every syntax error of the file (syntaxErrors of its whole tree), once per version. */
  syntaxErrors: Diagnostic[];
  hir: FileHir;
}

export type Stability =
  | { kind: 'unknown'; deprecated?: undefined }
  | { kind: 'stable'; since: string; deprecated?: string }
  | { kind: 'unstable'; feature: string; deprecated?: string };

/** Where a symbol is written. */
export interface Location {
  file: string;
  /** The name being declared. */
  nameRange: Range;
  /** The whole declaration. */
  range: Range;
}

export interface Package {
  kind: 'package';
  name: PackageName;
  /** `ns:name@version`: the identity used to match references. */
  id: string;
  /** Where the package is declared (its header, or its nested block). */
  decls: Location[];
  /** The folder or file the package was read from. */
  source: string;
  origin: 'root' | 'dependency' | 'nested';
  docs?: string;
  interfaces: Map<string, Interface>;
  worlds: Map<string, World>;
  /** Packages this one refers to, by id, with where. */
  foreignRefs: Map<string, Location[]>;
}

export interface Interface {
  kind: 'interface';
  /** Undefined for an inline `import x: interface { }`. */
  name?: string;
  package: Package;
  loc: Location;
  hir: InterfaceHir | { kind: 'inline'; label: string };
  docs?: string;
  stability: Stability;
  /** False when gated out by an inactive `@unstable` feature (its own or a container's). */
  active: boolean;
  /** Named types (definitions and `use`s), in declaration order. */
  types: Map<string, TypeDef>;
  /** Functions by their component-model name (`f`, `[method]r.m`, `[static]r.s`, `[constructor]r`). */
  funcs: Map<string, Func>;
  /** Interfaces this one `use`s types from (directly). */
  deps: Interface[];
  /** For an inline interface, the world it is declared in. */
  world?: World;
}

export type WorldItem =
  | { kind: 'interface'; iface: Interface; label?: string; loc?: Location; stability: Stability }
  | { kind: 'func'; func: Func; loc?: Location }
  | { kind: 'type'; def: TypeDef; loc?: Location };

export interface World {
  kind: 'world';
  name: string;
  package: Package;
  loc: Location;
  hir: WorldHir;
  docs?: string;
  stability: Stability;
  active: boolean;
  types: Map<string, TypeDef>;
  /** Keyed like wit-parser: a plain name, or an interface's id (`ns:pkg/iface@v`) for unnamed imports. */
  imports: Map<string, WorldItem>;
  exports: Map<string, WorldItem>;
  /** Worlds this one includes (directly). */
  includes: World[];
}

export interface Field {
  name: string;
  ty: Ty;
  nameRange: Range;
  docs?: string;
}

export interface Case {
  name: string;
  ty?: Ty;
  nameRange: Range;
  docs?: string;
}

export type TypeBody =
  | { kind: 'alias'; target: Ty }
  /** Brought in with `use iface.{name}`: `target` is the definition it names. */
  | { kind: 'use'; target?: TypeDef; from?: Interface }
  | { kind: 'record'; fields: Field[] }
  | { kind: 'variant'; cases: Case[] }
  | { kind: 'enum'; cases: Case[] }
  | { kind: 'flags'; flags: Case[] }
  | { kind: 'resource'; funcs: Func[] };

export interface TypeDef {
  kind: 'typedef';
  name: string;
  owner: Interface | World;
  loc: Location;
  hir: TypeDefHir | UseNameHir;
  docs?: string;
  stability: Stability;
  active: boolean;
  body: TypeBody;
}

export type Ty =
  | { kind: 'prim'; name: PrimName }
  /** A named type; naming a resource this way means `own<resource>`. */
  | { kind: 'def'; def: TypeDef }
  | { kind: 'list'; elem: Ty; length?: number }
  | { kind: 'map'; key: Ty; value: Ty }
  | { kind: 'option'; inner: Ty }
  | { kind: 'result'; ok?: Ty; err?: Ty }
  | { kind: 'tuple'; items: Ty[] }
  | { kind: 'future'; inner?: Ty }
  | { kind: 'stream'; inner?: Ty }
  | { kind: 'handle'; own: boolean; resource: TypeDef }
  /** Unresolved (an error was reported where it was written). */
  | { kind: 'error' };

export interface Param {
  name: string;
  ty: Ty;
  nameRange: Range;
}

export interface Func {
  kind: 'func';
  /** The name as written (`read`; `constructor` for constructors). */
  name: string;
  /** The component-model name: `read`, `[method]file.read`, `[static]file.open`, `[constructor]file`. */
  qualifiedName: string;
  funcKind: FuncKind;
  async: boolean;
  /** Parameters as written (methods' implicit `self` is not included). */
  params: Param[];
  result?: Ty;
  owner: Interface | World;
  /** For methods, statics and constructors. */
  resource?: TypeDef;
  loc: Location;
  hir: FuncHir;
  docs?: string;
  stability: Stability;
  active: boolean;
}

export type Symbol = Package | Interface | World | TypeDef | Func;

/** A name in the source that refers to a symbol. */
export interface Reference {
  file: string;
  range: Range;
  target: Symbol;
  /** For `use x.{a as b}`, the reference to `a`; for `include w with { a as b }`, to `a`;
   * `alias-path` for a path written with a top-level `use ... as` alias instead of the name. */
  role?: 'use' | 'include-rename' | 'type' | 'path' | 'handle' | 'alias-path';
}

export interface Resolution {
  packages: Package[];
  /** The package(s) of the unit's root folder (usually one). */
  rootPackages: Package[];
  diagnostics: Map<string, Diagnostic[]>;
  /** Every reference (made on first use from referencesByFile). */
  readonly references: Reference[];
  /** References by the file they are written in. */
  referencesByFile: Map<string, Reference[]>;
  /** Every declared symbol with its location, for navigation. */
  symbols: Symbol[];
  /** Per file: names visible at the top level (items and top-level `use`s). */
  fileScopes: Map<string, Map<string, Interface | World>>;
}

export function packageId(name: PackageName): string {
  return `${name.namespace}:${name.name}${name.version ? '@' + name.version : ''}`;
}

/** `ns:pkg/iface@version`, the way wit-parser names an interface in world keys. */
export function interfaceId(iface: Interface): string {
  const p = iface.package.name;
  return `${p.namespace}:${p.name}/${iface.name ?? '<inline>'}${p.version ? '@' + p.version : ''}`;
}

/** Follows `use` and `type x = y` chains to the definition that gives a type its shape. */
export function underlyingDef(def: TypeDef): TypeDef {
  return chainEnd(def, nextUnderlying, new Map());
}

/** What chainEnd remembers its walks in: a Map for one pass, a WeakMap for as long as the model lives. */
export interface ChainMemo<T> {
  get(link: T): T | undefined;
  set(link: T, end: T): unknown;
}

/**
 * Where a chain (`next` until undefined) ends, as underlyingDef finds it: at its last link, or on
 * a cycle at the first link seen twice. `memo` carries what earlier walks found, so that a pass
 * over every name of a file walks each chain once: otherwise a file of 20k interfaces each
 * `use`-ing a type of the next took minutes to color (every name walked the rest of the chain).
 */
export function chainEnd<T>(start: T, next: (t: T) => T | undefined, memo: ChainMemo<T>): T {
  const path: T[] = [];
  const index = new Map<T, number>();
  let cur = start;
  let end: T;
  for (;;) {
    const known = memo.get(cur);
    if (known !== undefined) {
      end = known;
      break;
    }
    const at = index.get(cur);
    if (at !== undefined) {
      // Each link on the cycle ends at itself; the links before it, where the cycle begins.
      for (let k = at; k < path.length; k++) memo.set(path[k], path[k]);
      path.length = at;
      end = cur;
      break;
    }
    index.set(cur, path.length);
    path.push(cur);
    const n = next(cur);
    if (n === undefined) {
      end = cur;
      break;
    }
    cur = n;
  }
  for (const p of path) memo.set(p, end);
  return memo.get(start)!;
}

/** The next link of the chain that underlyingDef follows. */
export function nextUnderlying(d: TypeDef): TypeDef | undefined {
  return d.body.kind === 'use' ? d.body.target : d.body.kind === 'alias' && d.body.target.kind === 'def' ? d.body.target.def : undefined;
}

/** underlyingDef for many calls over a model that does not change meanwhile (see chainEnd). */
export function underlyingDefMemo(): (def: TypeDef) => TypeDef {
  const memo = new Map<TypeDef, TypeDef>();
  return (def) => chainEnd(def, nextUnderlying, memo);
}
