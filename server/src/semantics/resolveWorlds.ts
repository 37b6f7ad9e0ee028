// Resolves worlds: their imports and exports (interfaces by path or label, inline interfaces,
// functions, types), `include ... with { }`, the name-conflict rules, and elaboration — adding
// the interfaces that imports and exports depend on, and rejecting exports that would need an
// interface both imported and exported.

import { isEnabled } from './gates';
import type { ImportExportHir, IncludeHir, Range } from './hir';
import { Func, Interface, Location, Stability, World, WorldItem, interfaceId } from './model';
import { OwnerInfo, Resolver, inlineInterfaces } from './resolve';

/** World-level `import f: func()` items and their Func objects (made in declareWorldFuncs). */
const worldFuncs = new WeakMap<ImportExportHir, Func>();

/** Creates Funcs for a world's function imports and exports, so their signatures get resolved. */
export function declareWorldFuncs(r: Resolver, info: OwnerInfo): void {
  if (info.owner.kind !== 'world') return;
  const file = info.scope.part.file.path;
  for (const m of info.members) {
    if ((m.kind !== 'import' && m.kind !== 'export') || m.ext.kind !== 'func') continue;
    const st = r.gates(file, m.attrs, info.scope.pkg, r.sinceSite(info.owner, m.ext.func.nameRange));
    const f = r.newFunc(m.ext.func, info.owner, file, st, m.ext.func.name);
    info.ownFuncs.push(f);
    worldFuncs.set(m, f);
  }
}

/** wit-parser's rename rule: `a` renames `a`, `[method]a.m`, `[static]a.s` and `[constructor]a`. */
function rename(original: string, from: string, to: string): string | undefined {
  if (original === from) return to;
  const close = original.indexOf(']');
  if (!original.startsWith('[') || close < 0) return undefined;
  const kind = original.slice(0, close + 1);
  const rest = original.slice(close + 1);
  const dot = rest.indexOf('.');
  if (dot >= 0 && rest.slice(0, dot) === from) return `${kind}${to}.${rest.slice(dot + 1)}`;
  if (rest === from) return `${kind}${to}`;
  return undefined;
}

/** Resolves every world, or (in a patch) only those `only` selects, the others being current. */
export function resolveWorlds(r: Resolver, only?: (w: World) => boolean): void {
  const done = new Set<World>(only ? r.worlds.filter((w) => !only(w)) : []);
  const visiting = new Set<World>();
  const includeTargets = new Map<IncludeHir, World | undefined>();
  const includeStability = new Map<IncludeHir, Stability>();

  // Paths of includes are resolved for every world first (errors are reported even in worlds
  // that are gated out, as wit-parser does).
  for (const w of r.worlds) {
    if (done.has(w)) continue;
    const info = r.owners.get(w)!;
    for (const m of info.members) {
      if (m.kind !== 'include') continue;
      const st = r.gates(info.scope.part.file.path, m.attrs, info.scope.pkg, r.sinceSite(w, m.path.kind === 'local' ? m.path.range : m.path.nameRange));
      includeStability.set(m, st);
      includeTargets.set(m, r.resolvePath(info.scope, m.path, 'world', false, st) as World | undefined);
    }
  }

  const visit = (w: World) => {
    if (done.has(w) || visiting.has(w)) return; // cycles are reported by the item-cycle check
    visiting.add(w);
    const info = r.owners.get(w)!;
    for (const m of info.members) {
      if (m.kind === 'include') {
        const target = includeTargets.get(m);
        if (target) visit(target);
      }
    }
    resolveWorld(r, w, info, includeTargets, includeStability);
    visiting.delete(w);
    done.add(w);
  };
  for (const w of r.worlds) visit(w);
}

function resolveWorld(
  r: Resolver, world: World, info: OwnerInfo, includeTargets: Map<IncludeHir, World | undefined>,
  includeStability: Map<IncludeHir, Stability>,
): void {
  const file = info.scope.part.file.path;
  const on = (s: Parameters<typeof isEnabled>[0]) => isEnabled(s, r.options);
  const imports = world.imports;
  const exports = world.exports;
  /** Where each name-keyed item came from, to point conflicts at it. */
  const origin = new Map<string, Range>();

  // Types defined or `use`d in the world are imports named after them; a world resource's
  // functions are imports too.
  // wit-parser checks the world's own names before it applies gates, so an item that is gated
  // out still collides with the others: `written` holds every one, the maps only active ones.
  const written = { import: new Map<string, WorldItem>(), export: new Map<string, WorldItem>() };
  for (const [name, def] of world.types) {
    const item: WorldItem = { kind: 'type', def, loc: def.loc };
    written.import.set(name, item);
    if (!def.active) {
      // wit-parser maps each of a world's types before it looks at their gates, and fails on one
      // that a feature excludes: the toolchain rejects the world, so the editor must too.
      if (world.active) r.reportGated(file, def.loc.nameRange, def, ': wit-parser rejects a type or `use` in a world when its feature is off; enable the feature, or define the type in an interface');
      continue;
    }
    imports.set(name, item);
    origin.set('i:' + name, def.loc.nameRange);
  }
  for (const { td } of info.defs) {
    if (td.body.kind !== 'resource' || !td.active) continue;
    for (const f of td.body.funcs) if (f.active) imports.set(f.qualifiedName, { kind: 'func', func: f, loc: f.loc });
  }

  for (const m of info.members) {
    if (m.kind !== 'import' && m.kind !== 'export') continue;
    const dst = m.kind === 'import' ? imports : exports;
    const loc: Location = { file, nameRange: extRange(m), range: m.range };
    let key: string;
    let item: WorldItem;
    let active = world.active;
    switch (m.ext.kind) {
      case 'func': {
        const f = worldFuncs.get(m)!;
        active = active && f.active;
        key = f.name;
        item = { kind: 'func', func: f, loc };
        break;
      }
      case 'interface': {
        const iface = inlineInterfaces.get(m)!;
        active = active && iface.active;
        key = m.ext.name;
        item = { kind: 'interface', iface, label: m.ext.name, loc, stability: iface.stability };
        break;
      }
      case 'path':
      case 'labeled': {
        const st = r.gates(file, m.attrs, info.scope.pkg, r.sinceSite(world, pathRange(m)));
        active = active && on(st);
        const target = r.resolvePath(info.scope, m.ext.path, 'interface', false, st) as Interface | undefined;
        if (!target) continue;
        if (active && !target.active) {
          r.reportGated(file, pathRange(m), target);
          continue;
        }
        if (m.ext.kind === 'path') {
          key = interfaceId(target);
          // Keyed by its id (never a plain name), an interface is in `written` once it is listed.
          if (written[m.kind].has(key)) {
            r.report(file, 'duplicate-interface-import', pathRange(m), `interface cannot be ${m.kind}ed more than once: \`${key}\` is already ${m.kind}ed by this world`);
            continue;
          }
          item = { kind: 'interface', iface: target, loc, stability: st };
        } else {
          key = m.ext.name;
          item = { kind: 'interface', iface: target, label: m.ext.name, loc, stability: st };
        }
        break;
      }
    }
    const prev = written[m.kind].get(key);
    if (prev) {
      r.report(file, 'world-name-conflict', extRange(m),
        `${m.kind} \`${key}\` conflicts with prior ${prev.kind} of same name${prev.loc ? '' : ' (from an include)'}`,
        prev.loc ? { related: [{ file: prev.loc.file, start: prev.loc.nameRange.start, end: prev.loc.nameRange.end, message: 'the other one' }] } : undefined);
      continue;
    }
    written[m.kind].set(key, item);
    if (!active) continue;
    dst.set(key, item);
    origin.set((m.kind === 'import' ? 'i:' : 'e:') + key, extRange(m));
  }

  for (const m of info.members) {
    if (m.kind !== 'include') continue;
    const target = includeTargets.get(m);
    const st = includeStability.get(m)!;
    if (!world.active || !on(st) || !target) continue;
    if (!target.active) {
      r.reportGated(file, m.path.kind === 'local' ? m.path.range : m.path.nameRange, target);
      continue;
    }
    world.includes.push(target);
    include(r, world, target, m, file, origin);
  }

  checkCaseInsensitive(r, world, imports, 'import', origin, file);
  checkCaseInsensitive(r, world, exports, 'export', origin, file);
  // An included world whose exports are already wrong makes this one wrong for the same reason.
  const inherited = world.includes.some((w) => brokenWorlds.has(w));
  if (!elaborate(r, world, file, !inherited)) brokenWorlds.add(world);
}

const brokenWorlds = new WeakSet<World>();

function extRange(m: ImportExportHir): Range {
  switch (m.ext.kind) {
    case 'func': return m.ext.func.nameRange;
    case 'interface':
    case 'labeled': return m.ext.nameRange;
    case 'path': return pathRange(m);
  }
}

function pathRange(m: ImportExportHir): Range {
  const p = m.ext.kind === 'path' || m.ext.kind === 'labeled' ? m.ext.path : undefined;
  if (!p) return m.range;
  return p.kind === 'local' ? p.range : p.nameRange;
}

function include(r: Resolver, world: World, target: World, m: IncludeHir, file: string, origin: Map<string, Range>): void {
  const span = m.path.kind === 'local' ? m.path.range : m.path.nameRange;
  for (const n of m.names) {
    const keys = [...target.imports.entries(), ...target.exports.entries()].filter(([k]) => !k.includes(':') && rename(k, n.name, n.as) !== undefined);
    const found = keys.length > 0;
    // The renamed name refers to what the included world calls that way.
    const named = keys.find(([k]) => k === n.name)?.[1] ?? keys[0]?.[1];
    const symbol = named && (named.kind === 'func' ? named.func : named.kind === 'type' ? named.def : named.iface);
    if (symbol) r.refer(file, n.nameRange, symbol, 'include-rename');
    if (!found) {
      r.report(file, 'include-unknown-name', n.nameRange,
        `no import or export kebab-name \`${n.name}\` in world \`${target.name}\`. Note that an ID does not support renaming`);
    }
  }
  const copy = (from: Map<string, WorldItem>, into: Map<string, WorldItem>, what: 'import' | 'export') => {
    for (const [key, item] of from) {
      if (key.includes(':')) {
        // Interfaces imported by path are merged, not renamed.
        if (!into.has(key)) into.set(key, { ...item, loc: undefined });
        continue;
      }
      let name = key;
      for (const n of m.names) {
        const renamed = rename(key, n.name, n.as);
        if (renamed !== undefined) {
          name = renamed;
          break;
        }
      }
      if (into.has(name)) {
        r.report(file, 'include-shadowing', span,
          `${what} of \`${name}\` shadows previously ${what}ed items: rename it with \`include ${target.name} with { ${name} as new-name }\``);
        continue;
      }
      into.set(name, { ...item, loc: undefined });
      origin.set((what === 'import' ? 'i:' : 'e:') + name, span);
    }
  };
  copy(target.imports, world.imports, 'import');
  copy(target.exports, world.exports, 'export');
}

function checkCaseInsensitive(r: Resolver, world: World, items: Map<string, WorldItem>, what: string, origin: Map<string, Range>, file: string): void {
  const seen = new Map<string, string>();
  for (const key of items.keys()) {
    if (key.includes(':')) continue;
    const lower = key.toLowerCase();
    const prev = seen.get(lower);
    if (prev !== undefined && prev !== key) {
      const at = origin.get((what === 'import' ? 'i:' : 'e:') + key) ?? world.loc.nameRange;
      r.report(file, 'case-insensitive-conflict', at,
        `${what} \`${key}\` in world \`${world.name}\` conflicts with ${what} \`${prev}\` (kebab-case identifiers are case-insensitive)`);
    }
    seen.set(lower, key);
  }
}

/** Adds the interfaces that imports and exports depend on, and checks exports' dependencies. */
function elaborate(r: Resolver, world: World, file: string, reportProblems: boolean): boolean {
  const imports = new Map<string, WorldItem>();
  const addImport = (iface: Interface, seen: Set<Interface>) => {
    const key = interfaceId(iface);
    if (imports.has(key) || seen.has(iface)) return;
    seen.add(iface);
    for (const dep of iface.deps) addImport(dep, seen);
    imports.set(key, world.imports.get(key) ?? { kind: 'interface', iface, stability: iface.stability });
  };
  const order = (item: WorldItem) => (item.kind === 'interface' ? 0 : item.kind === 'type' ? 1 : item.kind === 'func' && !item.func.resource ? 3 : 4);
  const sorted = [...world.imports.entries()].sort((a, b) => order(a[1]) - order(b[1]));
  for (const [key, item] of sorted) {
    if (item.kind === 'interface') {
      if (imports.has(key)) continue;
      for (const dep of item.iface.deps) addImport(dep, new Set());
      imports.set(key, item);
    } else {
      if (item.kind === 'type' && item.def.body.kind === 'use' && item.def.body.from) addImport(item.def.body.from, new Set());
      imports.set(key, item);
    }
  }

  const exports = new Map<string, WorldItem>();
  const exportInterfaces = new Map<string, WorldItem & { kind: 'interface' }>();
  for (const [key, item] of world.exports) {
    if (item.kind === 'interface') exportInterfaces.set(key, item);
    else exports.set(key, item);
  }
  const required = new Set<Interface>();
  const add = (key: string, iface: Interface, item: WorldItem, asExport: boolean, depth: number): boolean => {
    if (depth > 200) return true; // a `use` cycle, reported elsewhere
    if (exports.has(key)) return asExport;
    if (!asExport && required.has(iface)) return true;
    for (const dep of iface.deps) {
      const depKey = interfaceId(dep);
      const depItem = exportInterfaces.get(depKey) ?? { kind: 'interface' as const, iface: dep, stability: dep.stability };
      if (!add(depKey, dep, depItem, asExport && exportInterfaces.has(depKey), depth + 1)) return false;
    }
    if (asExport) {
      if (required.has(iface)) return false;
      exports.set(key, item);
    } else {
      required.add(iface);
      if (!imports.has(key)) imports.set(key, item);
    }
    return true;
  };
  for (const [key, item] of exportInterfaces) {
    if (!add(key, item.iface, item, true, 0)) {
      if (reportProblems) {
        r.report(file, 'incompatible-export', world.loc.nameRange,
          `interface \`${item.label ?? key}\` transitively depends on an interface in incompatible ways: an interface it uses is exported, but another exported interface needs it imported; export every interface in the chain, or none`);
      }
      return false;
    }
  }
  world.imports.clear();
  for (const [k, v] of [...imports.entries()].sort((a, b) => order(a[1]) - order(b[1]))) world.imports.set(k, v);
  world.exports.clear();
  for (const [k, v] of exports) world.exports.set(k, v);
  return true;
}
