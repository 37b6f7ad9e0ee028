// Looks up, in the resolution of the unit's last check, the package, interface and world that
// the syntax around the cursor names, and lists what is in scope there: the types of an
// interface or world, the interfaces and worlds a path may name. The resolution may be a
// keystroke older than the text, so everything is found by name (never by offset), names
// declared only in the current text are added from the syntax, and a miss is never an error.

import { GreenNode, SyntaxKind as K, isGreenNode, isTrivia } from '../../syntax';
import type { Interface, Package, TypeDef, World } from '../../semantics/model';
import type { Analysis } from '../analysis';
import { nameText } from '../cursor';
import type { Site } from './context';

export interface Place {
  pkg?: Package;
  /** The interface (named or inline) or world around the cursor. */
  owner?: Interface | World;
  /** The world around the cursor, also when inside one of its inline interfaces. */
  world?: World;
}

/** The package the file (or the nested `package … { }` block around the cursor) declares. */
export function packageOfFile(a: Analysis, nested: string | undefined): Package | undefined {
  const path = a.file.path;
  const res = a.resolution;
  if (nested !== undefined) return res.packages.find((p) => p.origin === 'nested' && p.source === path && p.id === nested);
  if (a.input.main.some((f) => f.path === path)) return res.rootPackages.find((p) => p.origin === 'root');
  const dep = a.input.deps.find((d) => 'files' in d && d.files.some((f) => f.path === path));
  return dep ? res.packages.find((p) => p.origin === 'dependency' && p.source === dep.path) : undefined;
}

export function locate(a: Analysis, site: Site): Place {
  const pkg = packageOfFile(a, site.nestedPackage);
  if (!pkg || !site.owner) return { pkg };
  if (site.owner.kind === 'interface') return { pkg, owner: pkg.interfaces.get(site.owner.name) };
  const world = pkg.worlds.get(site.owner.name);
  if (!world || !site.inline) return { pkg, owner: world, world };
  const item = (site.inline.direction === 'import' ? world.imports : world.exports).get(site.inline.label);
  return { pkg, owner: item?.kind === 'interface' ? item.iface : undefined, world };
}

/** A type name in scope: its definition when the last check knows it, else the syntax kind it is declared with. */
export interface ScopeType {
  name: string;
  def?: TypeDef;
  declaredAs?: K;
}

const TYPEDEF_NODES = new Set<K>([K.TYPE_ALIAS, K.RECORD, K.VARIANT, K.ENUM, K.FLAGS, K.RESOURCE]);

/**
 * Types defined and `use`d in the interface or world around the cursor: those of the last
 * check, and those only the current text declares (typed since). Costs a scan of this one body,
 * done on the green tree so that it allocates nothing per item.
 */
export function typesInScope(place: Place, site: Site): ScopeType[] {
  const out = new Map<string, ScopeType>();
  for (const [name, def] of place.owner?.types ?? []) out.set(name, { name, def });
  if (site.body) {
    for (const n of site.body.green.children) {
      if (!isGreenNode(n)) continue;
      if (TYPEDEF_NODES.has(n.kind)) {
        const name = greenName(n, K.NAME);
        if (name && !out.has(name)) out.set(name, { name, declaredAs: n.kind });
      } else if (n.kind === K.USE) {
        const list = greenChild(n, K.USE_NAME_LIST);
        for (const entry of list?.children ?? []) {
          if (!isGreenNode(entry) || entry.kind !== K.USE_NAME) continue;
          const name = greenName(entry, K.NAME) ?? greenName(entry, K.NAME_REF);
          if (name && !out.has(name)) out.set(name, { name, declaredAs: K.USE });
        }
      }
    }
  }
  return [...out.values()];
}

function greenChild(n: GreenNode, kind: K): GreenNode | undefined {
  for (const c of n.children) if (isGreenNode(c) && c.kind === kind) return c;
  return undefined;
}

/** The identifier inside a NAME / NAME_REF child of a green node, without `%`. */
function greenName(n: GreenNode, kind: K): string | undefined {
  const nameNode = greenChild(n, kind);
  for (const t of nameNode?.children ?? []) {
    if (isGreenNode(t) || isTrivia(t.kind)) continue;
    return t.text.startsWith('%') ? t.text.slice(1) : t.text;
  }
  return undefined;
}

/** An interface or world a path in this package may name without a package prefix. */
export interface LocalItem {
  name: string;
  kind: 'interface' | 'world';
  target?: Interface | World;
  /** Brought in with a top-level `use` (possibly from another package). */
  viaUse?: boolean;
}

/** The package's interfaces and worlds, the file's top-level `use` names, and items only the current text declares. */
export function localItems(a: Analysis, place: Place, site: Site): LocalItem[] {
  const out = new Map<string, LocalItem>();
  const pkg = place.pkg;
  if (site.nestedPackage === undefined) {
    for (const [name, target] of a.resolution.fileScopes.get(a.file.path) ?? []) {
      out.set(name, { name, kind: target.kind, target, viaUse: target.package !== pkg });
    }
  }
  for (const [name, target] of pkg?.interfaces ?? []) if (!out.has(name)) out.set(name, { name, kind: 'interface', target });
  for (const [name, target] of pkg?.worlds ?? []) if (!out.has(name)) out.set(name, { name, kind: 'world', target });
  for (const n of site.packageBody.childNodes()) {
    if (n.kind !== K.INTERFACE && n.kind !== K.WORLD) continue;
    const name = nameText(n);
    if (name && !out.has(name)) out.set(name, { name, kind: n.kind === K.INTERFACE ? 'interface' : 'world' });
  }
  return [...out.values()];
}

/**
 * Other packages of the unit a path may name as `ns:pkg/item`: dependencies and nested
 * packages (a dependency is not offered the root package, which it cannot depend on).
 */
export function otherPackages(a: Analysis, pkg: Package | undefined): Package[] {
  const seen = new Set<string>();
  const out: Package[] = [];
  for (const p of a.resolution.packages) {
    if (p === pkg || p.name.namespace === '<unnamed>' || seen.has(p.id)) continue;
    if (pkg?.origin === 'dependency' && p.origin === 'root') continue;
    if (pkg && p.id === pkg.id) continue;
    seen.add(p.id);
    out.push(p);
  }
  return out;
}

/** The interface or world a `use`/`include` path names, as written in the current text. */
export function resolvePathText(a: Analysis, place: Place, site: Site, path: string): Interface | World | undefined {
  const m = /^%?([^:/@]+)(?::%?([^:/@]+)\/%?([^:/@]+)(?:@(.+))?)?$/.exec(path);
  if (!m) return undefined;
  if (m[2] === undefined) {
    const local = localItems(a, place, site).find((i) => i.name === m[1]);
    return local?.target;
  }
  const [, ns, name, item, version] = m;
  const candidates = a.resolution.packages.filter((p) => p.name.namespace === ns && p.name.name === name && (version === undefined || p.name.version === version));
  for (const p of candidates) {
    const hit = p.interfaces.get(item) ?? p.worlds.get(item);
    if (hit) return hit;
  }
  return undefined;
}

export function ownerName(o: Interface | World): string {
  if (o.kind === 'world') return o.name;
  return o.name ?? (o.hir.kind === 'inline' ? o.hir.label : '');
}
