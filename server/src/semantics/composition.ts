// Checks a composition before `wac plug` runs it: each component's WIT (as extracted from its
// binary) is parsed and resolved with our own parser and resolver, and every interface or
// function a plug exports under a name the socket imports must have the shape the socket
// expects — the same functions with the same parameters and results, the same types. A mismatch
// is reported with the interface and the item. Works on texts only: no file system, no Node.

import { defaultSeverity } from '../base/diagnosticCodes';
import { NO_FEATURES } from './gates';
import { checkUnit } from './check';
import { interfaceId, underlyingDef, type Func, type Interface, type Ty, type TypeDef, type World } from './model';
import { SourceCache } from './sources';

export interface ComponentWit {
  /** How messages name the component (its file name, usually). */
  name: string;
  /** The component's WIT: world `root` plus the packages it uses, as `wasm-tools component wit` prints it. */
  wit: string;
}

export interface CompositionInput {
  socket: ComponentWit;
  plugs: ComponentWit[];
}

export interface CompositionIssue {
  severity: 'error' | 'warning' | 'info';
  /** The component the issue is about. */
  component: string;
  /** The interface (`ns:pkg/iface@version`) or world-level name concerned. */
  interface?: string;
  /** The function or type inside it. */
  item?: string;
  message: string;
}

export interface PlugMatch {
  plug: string;
  /** The import of the socket this plug's export fills. */
  name: string;
  kind: 'interface' | 'func';
  fits: boolean;
}

export interface CompositionReport {
  /** No error: `wac plug` can be expected to accept the composition. */
  ok: boolean;
  matches: PlugMatch[];
  /** Socket imports no plug provides: they stay imports of the composed component. */
  unsatisfied: string[];
  issues: CompositionIssue[];
}

interface ReadComponent {
  name: string;
  world?: World;
}

/** Parses and resolves one component's WIT and finds its world (`root`, or the only one). */
function readComponent(c: ComponentWit, index: number, issues: CompositionIssue[]): ReadComponent {
  const path = `/composition/${index}.wit`;
  const file = new SourceCache({ retainTrees: false }).get(path, c.wit);
  const { resolution, diagnostics } = checkUnit({ root: path, main: [file], deps: [] }, NO_FEATURES);
  const errors = [...diagnostics.values()].flat().filter((d) => (d.severity ?? defaultSeverity(d.code)) === 'error');
  if (errors.length) {
    const first = errors[0];
    const line = c.wit.slice(0, first.start).split('\n').length;
    issues.push({
      severity: 'warning',
      component: c.name,
      message: `the WIT extracted from ${c.name} has ${errors.length} error(s), the first on line ${line}: ${first.message}; the check below may be incomplete`,
    });
  }
  const worlds = resolution.rootPackages.flatMap((p) => [...p.worlds.values()]);
  const world = worlds.find((w) => w.name === 'root') ?? (worlds.length === 1 ? worlds[0] : undefined);
  if (!world) issues.push({ severity: 'error', component: c.name, message: `no world found in the WIT of ${c.name}` });
  return { name: c.name, world };
}

/** `[method]r.m` → `r.m`, `[constructor]r` → `r.constructor`, for messages. */
function displayFunc(name: string): string {
  const m = /^\[(?:async )?(?:method|static)\](.+)$/.exec(name);
  if (m) return m[1];
  const c = /^\[constructor\](.+)$/.exec(name);
  return c ? `${c[1]}.constructor` : name.replace(/^\[async\]/, '');
}

/** A type as WIT would write it, for messages. */
function showTy(t: Ty | undefined): string {
  if (!t) return 'nothing';
  switch (t.kind) {
    case 'prim': return t.name;
    case 'def': return t.def.name;
    case 'list': return t.length !== undefined ? `list<${showTy(t.elem)}, ${t.length}>` : `list<${showTy(t.elem)}>`;
    case 'map': return `map<${showTy(t.key)}, ${showTy(t.value)}>`;
    case 'option': return `option<${showTy(t.inner)}>`;
    case 'result': return !t.ok && !t.err ? 'result' : `result<${t.ok ? showTy(t.ok) : '_'}${t.err ? `, ${showTy(t.err)}` : ''}>`;
    case 'tuple': return `tuple<${t.items.map(showTy).join(', ')}>`;
    case 'future': case 'stream': return t.inner ? `${t.kind}<${showTy(t.inner)}>` : t.kind;
    case 'handle': return t.own ? t.resource.name : `borrow<${t.resource.name}>`;
    case 'error': return '<unresolved>';
  }
}

/** Where a resource is defined, which is what makes two resources the same one. */
function resourceIdentity(def: TypeDef): string {
  const d = underlyingDef(def);
  const owner = d.owner.kind === 'interface' ? interfaceId(d.owner) : `world ${d.owner.name}`;
  return `${owner}#${d.name}`;
}

/**
 * Compares the shapes of two types (socket's `a`, plug's `b`); returns what differs, or
 * undefined when they are the same. Value types compare structurally, resources by identity.
 */
function diffTy(a: Ty | undefined, b: Ty | undefined, plug: string): string | undefined {
  if (!a || !b) return a === b ? undefined : `${showTy(a)} in the socket's import, ${showTy(b)} in ${plug}'s export`;
  const unwrap = (t: Ty): Ty | TypeDef => {
    if (t.kind !== 'def') return t;
    const d = underlyingDef(t.def);
    return d.body.kind === 'alias' ? unwrap(d.body.target) : d;
  };
  const x = unwrap(a);
  const y = unwrap(b);
  if (x.kind === 'typedef' || y.kind === 'typedef') {
    if (x.kind !== 'typedef' || y.kind !== 'typedef') return `${showTy(a)} in the socket's import, ${showTy(b)} in ${plug}'s export`;
    return diffDefs(x, y, plug);
  }
  if (x.kind !== y.kind) return `${showTy(a)} in the socket's import, ${showTy(b)} in ${plug}'s export`;
  switch (x.kind) {
    case 'prim':
      return x.name === (y as typeof x).name ? undefined : `${x.name} in the socket's import, ${(y as typeof x).name} in ${plug}'s export`;
    case 'list': {
      const o = y as typeof x;
      if (x.length !== o.length) return `${showTy(a)} in the socket's import, ${showTy(b)} in ${plug}'s export`;
      return diffTy(x.elem, o.elem, plug);
    }
    case 'map': {
      const o = y as typeof x;
      return diffTy(x.key, o.key, plug) ?? diffTy(x.value, o.value, plug);
    }
    case 'option':
      return diffTy(x.inner, (y as typeof x).inner, plug);
    case 'future': case 'stream':
      return diffTy(x.inner, (y as typeof x).inner, plug);
    case 'result': {
      const o = y as typeof x;
      if (!!x.ok !== !!o.ok || !!x.err !== !!o.err) return `${showTy(a)} in the socket's import, ${showTy(b)} in ${plug}'s export`;
      return diffTy(x.ok, o.ok, plug) ?? diffTy(x.err, o.err, plug);
    }
    case 'tuple': {
      const o = y as typeof x;
      if (x.items.length !== o.items.length) return `${showTy(a)} in the socket's import, ${showTy(b)} in ${plug}'s export`;
      for (let i = 0; i < x.items.length; i++) {
        const d = diffTy(x.items[i], o.items[i], plug);
        if (d) return `tuple element ${i}: ${d}`;
      }
      return undefined;
    }
    case 'handle': {
      const o = y as typeof x;
      if (x.own !== o.own) return `${showTy(a)} in the socket's import, ${showTy(b)} in ${plug}'s export`;
      return resourceIdentity(x.resource) === resourceIdentity(o.resource) ? undefined : `resource ${showTy(a)} in the socket's import is not ${showTy(b)} in ${plug}'s export`;
    }
    default:
      return undefined;
  }
}

function diffDefs(a: TypeDef, b: TypeDef, plug: string): string | undefined {
  const x = a.body;
  const y = b.body;
  if (x.kind !== y.kind) return `\`${a.name}\` is a ${x.kind} in the socket's import, a ${y.kind} in ${plug}'s export`;
  const names = (list: { name: string }[]) => list.map((c) => c.name).join(', ');
  switch (x.kind) {
    case 'record': {
      const o = y as typeof x;
      if (names(x.fields) !== names(o.fields)) return `record \`${a.name}\` has fields (${names(x.fields)}) in the socket's import, (${names(o.fields)}) in ${plug}'s export`;
      for (let i = 0; i < x.fields.length; i++) {
        const d = diffTy(x.fields[i].ty, o.fields[i].ty, plug);
        if (d) return `field \`${a.name}.${x.fields[i].name}\`: ${d}`;
      }
      return undefined;
    }
    case 'variant': {
      const o = y as typeof x;
      if (names(x.cases) !== names(o.cases)) return `variant \`${a.name}\` has cases (${names(x.cases)}) in the socket's import, (${names(o.cases)}) in ${plug}'s export`;
      for (let i = 0; i < x.cases.length; i++) {
        const d = diffTy(x.cases[i].ty, o.cases[i].ty, plug);
        if (d) return `case \`${a.name}.${x.cases[i].name}\`: ${d}`;
      }
      return undefined;
    }
    case 'enum': {
      const o = y as typeof x;
      return names(x.cases) === names(o.cases) ? undefined : `enum \`${a.name}\` has cases (${names(x.cases)}) in the socket's import, (${names(o.cases)}) in ${plug}'s export`;
    }
    case 'flags': {
      const o = y as typeof x;
      return names(x.flags) === names(o.flags) ? undefined : `flags \`${a.name}\` has (${names(x.flags)}) in the socket's import, (${names(o.flags)}) in ${plug}'s export`;
    }
    case 'resource':
      return resourceIdentity(a) === resourceIdentity(b) ? undefined : `resource \`${a.name}\` is a different resource`;
    case 'alias': {
      const d = diffTy(x.target, (y as typeof x).target, plug);
      return d && `type \`${a.name}\`: ${d}`;
    }
    default:
      return undefined;
  }
}

/** What differs between the socket's idea of a function and the plug's export; undefined when equal. */
function diffFunc(s: Func, p: Func, plugName: string): string | undefined {
  const list = (f: Func) => f.params.map((x) => x.name).join(', ');
  if (s.params.length !== p.params.length) {
    return `the socket expects ${s.params.length} parameter(s) (${list(s)}), ${plugName} exports it with ${p.params.length} (${list(p)})`;
  }
  for (let i = 0; i < s.params.length; i++) {
    if (s.params[i].name !== p.params[i].name) return `parameter ${i + 1} is \`${s.params[i].name}\` in the socket's import, \`${p.params[i].name}\` in ${plugName}'s export`;
    const d = diffTy(s.params[i].ty, p.params[i].ty, plugName);
    if (d) return `parameter \`${s.params[i].name}\`: the socket expects ${showTy(s.params[i].ty)}, ${plugName} has ${showTy(p.params[i].ty)} (${d})`;
  }
  const d = diffTy(s.result, p.result, plugName);
  if (d) return `result: the socket expects ${showTy(s.result)}, ${plugName} returns ${showTy(p.result)} (${d})`;
  if (s.async !== p.async) return `the socket expects ${s.async ? 'an async' : 'a sync'} function, ${plugName} exports ${p.async ? 'an async' : 'a sync'} one`;
  return undefined;
}

function compareInterfaces(key: string, s: Interface, p: Interface, plugName: string, issues: CompositionIssue[]): boolean {
  const before = issues.length;
  const error = (item: string, message: string) => issues.push({ severity: 'error', component: plugName, interface: key, item, message: `${key}: ${message}` });
  for (const [name, st] of s.types) {
    const pt = p.types.get(name);
    if (!pt) {
      error(name, `type \`${name}\` is imported by the socket but ${plugName}'s export has no such type`);
      continue;
    }
    // A `use`d or aliased type is compared by what it stands for.
    const d = diffDefs(underlyingDef(st), underlyingDef(pt), plugName);
    if (d) error(name, `type \`${name}\`: ${d}`);
  }
  for (const [name, sf] of s.funcs) {
    const pf = p.funcs.get(name);
    if (!pf) {
      error(displayFunc(name), `function \`${displayFunc(name)}\` is imported by the socket but ${plugName}'s export has no such function`);
      continue;
    }
    const d = diffFunc(sf, pf, plugName);
    if (d) error(displayFunc(name), `function \`${displayFunc(name)}\`: ${d}`);
  }
  return issues.length === before;
}

/** `ns:pkg/iface` without the version, to spot a plug built against another version. */
function unversioned(key: string): string {
  return key.replace(/@[^@/]*$/, '');
}

export function checkComposition(input: CompositionInput): CompositionReport {
  const issues: CompositionIssue[] = [];
  const socket = readComponent(input.socket, 0, issues);
  const plugs = input.plugs.map((p, i) => readComponent(p, i + 1, issues));
  const matches: PlugMatch[] = [];
  const providers = new Map<string, string[]>();
  if (socket.world) {
    const imports = socket.world.imports;
    for (const plug of plugs) {
      if (!plug.world) continue;
      let plugged = 0;
      for (const [key, exported] of plug.world.exports) {
        const imported = imports.get(key);
        if (!imported) continue;
        plugged++;
        providers.set(key, [...(providers.get(key) ?? []), plug.name]);
        let fits = true;
        if (imported.kind === 'interface' && exported.kind === 'interface') {
          fits = compareInterfaces(key, imported.iface, exported.iface, plug.name, issues);
        } else if (imported.kind === 'func' && exported.kind === 'func') {
          const d = diffFunc(imported.func, exported.func, plug.name);
          if (d) issues.push({ severity: 'error', component: plug.name, interface: key, item: key, message: `function \`${key}\`: ${d}` });
          fits = !d;
        } else {
          fits = false;
          issues.push({ severity: 'error', component: plug.name, interface: key, message: `\`${key}\` is imported as ${imported.kind === 'interface' ? 'an interface' : `a ${imported.kind}`} but ${plug.name} exports ${exported.kind === 'interface' ? 'an interface' : `a ${exported.kind}`} under that name` });
        }
        matches.push({ plug: plug.name, name: key, kind: imported.kind === 'func' ? 'func' : 'interface', fits });
      }
      if (plugged === 0) {
        const near = [...plug.world.exports.keys()].flatMap((k) =>
          [...imports.keys()].filter((i) => i !== k && unversioned(i) === unversioned(k) && i.includes('/')).map((i) => `${plug.name} exports ${k}, the socket imports ${i}`),
        );
        issues.push({
          severity: 'error',
          component: plug.name,
          message: `${plug.name} exports nothing the socket imports${near.length ? ` (${near.join('; ')}: the versions differ)` : ''}; its exports: ${[...plug.world.exports.keys()].join(', ') || 'none'}`,
        });
      }
    }
  }
  for (const [key, names] of providers) {
    if (names.length > 1) issues.push({ severity: 'error', component: names[1], interface: key, message: `${key} is exported by ${names.join(' and ')}: only one plug can fill an import` });
  }
  const unsatisfied = socket.world ? [...socket.world.imports.keys()].filter((k) => !providers.has(k)) : [];
  return { ok: !issues.some((i) => i.severity === 'error'), matches, unsatisfied, issues };
}
