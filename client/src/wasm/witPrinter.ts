// Prints a decoded component as WIT the way `wasm-tools component wit` does: the component's own
// world in `package root:component`, then one nested `package ns:name@version { … }` block per
// package whose interfaces it imports or exports, with every definition, so that the text
// resolves on its own with our parser.

import type { DecodedComponent, Entity, FuncType, InstanceType, Item, NamedType } from './componentTypes';

/** `ns:pkg/iface@version` split up; undefined for a plain (inline-interface or function) name. */
export interface InterfaceKey {
  namespace: string;
  package: string;
  name: string;
  version?: string;
}

export function parseInterfaceKey(key: string): InterfaceKey | undefined {
  const m = /^([^:/@]+):([^/@]+)\/([^@]+)(?:@(.+))?$/.exec(key);
  return m ? { namespace: m[1], package: m[2], name: m[3], version: m[4] } : undefined;
}

function packageIdOf(k: InterfaceKey): string {
  return `${k.namespace}:${k.package}${k.version ? '@' + k.version : ''}`;
}

const KEYWORDS = new Set([
  'use', 'type', 'resource', 'func', 'record', 'enum', 'flags', 'variant', 'static', 'interface', 'world',
  'import', 'export', 'package', 'constructor', 'include', 'with', 'as', 'from', 'async', 'own', 'borrow',
  'bool', 's8', 'u8', 's16', 'u16', 's32', 'u32', 's64', 'u64', 'f32', 'f64', 'char', 'string', 'list',
  'map', 'option', 'result', 'tuple', 'future', 'stream', 'error-context', '_',
]);

/** An identifier as WIT source: keywords get the `%` escape. */
export function ident(name: string): string {
  return KEYWORDS.has(name) ? `%${name}` : name;
}

/** A resource member's name split out of its component-model function name. */
function memberOf(name: string): { kind: 'method' | 'static' | 'constructor'; resource: string; name: string; async: boolean } | undefined {
  const m = /^\[(async )?(method|static)\]([^.]+)\.(.+)$/.exec(name);
  if (m) return { kind: m[2] as 'method' | 'static', resource: m[3], name: m[4], async: !!m[1] };
  const c = /^\[constructor\](.+)$/.exec(name);
  return c ? { kind: 'constructor', resource: c[1], name: 'constructor', async: false } : undefined;
}

function plainFuncName(name: string): { name: string; async: boolean } {
  const m = /^\[async\](.+)$/.exec(name);
  return m ? { name: m[1], async: true } : { name, async: false };
}

/**
 * Type references are printed relative to one interface: a type named by another interface
 * becomes a `use` of it, collected while printing and emitted at the top of the body.
 */
class Printer {
  private readonly uses = new Map<string, Map<string, string>>();
  private readonly localNames = new Set<string>();

  constructor(
    private readonly owner: string | undefined,
    private readonly byStructure: Map<Entity, NamedType>,
  ) {}

  declareLocal(name: string): void {
    this.localNames.add(name);
  }

  private useOf(named: NamedType): string {
    const from = named.owner!;
    let names = this.uses.get(from);
    if (!names) this.uses.set(from, (names = new Map()));
    let local = names.get(named.name);
    if (local === undefined) {
      const taken = this.localNames.has(named.name) || [...this.uses.entries()].some(([o, m]) => o !== from && [...m.values()].includes(named.name));
      local = taken ? `${parseInterfaceKey(from)?.name ?? 'other'}-${named.name}` : named.name;
      names.set(named.name, local);
    }
    return local;
  }

  /** A `use` that brings `named` in under `as` (a type export that re-exports another interface's type). */
  useAs(named: NamedType, as: string): void {
    let names = this.uses.get(named.owner!);
    if (!names) this.uses.set(named.owner!, (names = new Map()));
    names.set(named.name, as);
  }

  useLines(ownPackage: string | undefined): string[] {
    const lines: string[] = [];
    for (const [from, names] of this.uses) {
      const key = parseInterfaceKey(from);
      const path = key && ownPackage === packageIdOf(key) ? key.name : from;
      const list = [...names.entries()].map(([n, local]) => (n === local ? ident(n) : `${ident(n)} as ${ident(local)}`));
      lines.push(`use ${path}.{${list.join(', ')}};`);
    }
    return lines;
  }

  ref(e: Entity): string {
    switch (e.kind) {
      case 'prim':
        return e.name;
      case 'named':
        if (e.owner !== undefined && e.owner !== this.owner) return ident(this.useOf(e));
        return ident(e.name);
      case 'list':
        return e.length !== undefined ? `list<${this.ref(e.elem)}, ${e.length}>` : `list<${this.ref(e.elem)}>`;
      case 'map':
        return `map<${this.ref(e.key)}, ${this.ref(e.value)}>`;
      case 'tuple':
        return `tuple<${e.items.map((t) => this.ref(t)).join(', ')}>`;
      case 'option':
        return `option<${this.ref(e.inner)}>`;
      case 'result':
        if (!e.ok && !e.err) return 'result';
        if (!e.err) return `result<${this.ref(e.ok!)}>`;
        return `result<${e.ok ? this.ref(e.ok) : '_'}, ${this.ref(e.err)}>`;
      case 'own':
        return this.ref(e.resource);
      case 'borrow':
        return `borrow<${this.ref(e.resource)}>`;
      case 'future':
      case 'stream':
        return e.inner ? `${e.kind}<${this.ref(e.inner)}>` : e.kind;
      default: {
        // Structural types must be referred to by a name: find the export that names this one.
        const named = this.byStructure.get(e);
        if (named) return this.ref(named);
        throw new Error(`an anonymous ${e.kind} type is used where WIT needs a name`);
      }
    }
  }

  func(f: FuncType, skipSelf = false): string {
    const params = (skipSelf ? f.params.slice(1) : f.params).map((p) => `${ident(p.name)}: ${this.ref(p.type)}`).join(', ');
    return `func(${params})${f.result ? ` -> ${this.ref(f.result)}` : ''}`;
  }
}

/** Every named type that has an owner, keyed by the structure it names (for anonymous references). */
function indexNames(decoded: DecodedComponent): Map<Entity, NamedType> {
  const byStructure = new Map<Entity, NamedType>();
  for (const { item } of [...decoded.imports, ...decoded.exports]) {
    if (item.entity.kind !== 'instance') continue;
    for (const member of item.entity.exports.values()) {
      let e = member.entity;
      while (e.kind === 'named') {
        if (!byStructure.has(e.target) && e.target.kind !== 'named') byStructure.set(e.target, e);
        e = e.target;
      }
    }
  }
  return byStructure;
}

function indent(lines: string[], by: string): string[] {
  return lines.map((l) => (l ? by + l : l));
}

/** The body lines of an interface (types, resources with their members, functions). */
function interfaceBody(instance: InstanceType, owner: string | undefined, ownPackage: string | undefined, byStructure: Map<Entity, NamedType>): string[] {
  const p = new Printer(owner, byStructure);
  const types: [string, NamedType][] = [];
  const funcs: [string, FuncType][] = [];
  for (const [name, item] of instance.exports) {
    if (item.sort === 'type' && item.entity.kind === 'named') {
      types.push([name, item.entity]);
      p.declareLocal(name);
    } else if (item.sort === 'func' && item.entity.kind === 'func') funcs.push([name, item.entity]);
  }
  const members = new Map<string, string[]>();
  const free: string[] = [];
  for (const [name, f] of funcs) {
    const m = memberOf(name);
    if (!m) {
      const plain = plainFuncName(name);
      free.push(`${ident(plain.name)}: ${plain.async ? 'async ' : ''}${p.func(f)};`);
      continue;
    }
    const list = members.get(m.resource) ?? [];
    members.set(m.resource, list);
    if (m.kind === 'constructor') {
      const params = f.params.map((x) => `${ident(x.name)}: ${p.ref(x.type)}`).join(', ');
      // A constructor returns its resource; only a fallible one spells out its result.
      const returnsSelf = !f.result || f.result.kind === 'own';
      list.push(`constructor(${params})${returnsSelf ? '' : ` -> ${p.ref(f.result!)}`};`);
    } else {
      list.push(`${ident(m.name)}: ${m.kind === 'static' ? 'static ' : ''}${m.async ? 'async ' : ''}${p.func(f, m.kind === 'method')};`);
    }
  }
  // One entry per definition; multi-line ones are set apart by blank lines when joined.
  const defs: string[][] = [];
  for (const [name, named] of types) {
    const t = named.target;
    if (t.kind === 'named') {
      if (t.owner !== undefined && t.owner !== owner) p.useAs(t, name);
      else defs.push([`type ${ident(name)} = ${ident(t.name)};`]);
      continue;
    }
    switch (t.kind) {
      case 'record':
        defs.push([`record ${ident(name)} {`, ...t.fields.map((f) => `  ${ident(f.name)}: ${p.ref(f.type)},`), '}']);
        break;
      case 'variant':
        defs.push([`variant ${ident(name)} {`, ...t.cases.map((c) => `  ${ident(c.name)}${c.type ? `(${p.ref(c.type)})` : ''},`), '}']);
        break;
      case 'enum':
        defs.push([`enum ${ident(name)} {`, ...t.names.map((n) => `  ${ident(n)},`), '}']);
        break;
      case 'flags':
        defs.push([`flags ${ident(name)} {`, ...t.names.map((n) => `  ${ident(n)},`), '}']);
        break;
      case 'resource': {
        const body = members.get(name) ?? [];
        members.delete(name);
        defs.push(body.length ? [`resource ${ident(name)} {`, ...indent(body, '  '), '}'] : [`resource ${ident(name)};`]);
        break;
      }
      default:
        defs.push([`type ${ident(name)} = ${p.ref(t)};`]);
    }
  }
  // Members of a resource this interface does not define (should not happen) stay visible.
  for (const [resource, body] of members) free.push(...body.map((b) => `// member of ${resource}: ${b}`));
  const uses = p.useLines(ownPackage);
  const sections: string[][] = [];
  if (uses.length) sections.push(uses);
  let run: string[] = [];
  for (const def of defs) {
    // Single-line definitions stay together; a block gets blank lines around it.
    if (def.length === 1) run.push(...def);
    else {
      if (run.length) sections.push(run);
      run = [];
      sections.push(def);
    }
  }
  if (run.length) sections.push(run);
  if (free.length) sections.push(free);
  return sections.flatMap((s, i) => (i ? ['', ...s] : s));
}

/** A function's signature as WIT (`func(a: s32) -> s32`), for pickers and prompts. */
export function funcSignature(f: FuncType, owner?: string): string {
  try {
    return new Printer(owner, new Map()).func(f);
  } catch {
    return `func(${f.params.map((p) => p.name).join(', ')})`;
  }
}

interface InterfaceEntry {
  key: string;
  parsed: InterfaceKey;
  instance: InstanceType;
}

/** The WIT text of a decoded component (world `root` in package `root:component`, plus definitions). */
export function printComponentWit(decoded: DecodedComponent): string {
  const byStructure = indexNames(decoded);
  const interfaces = new Map<string, InterfaceEntry>();
  const world: string[] = [];
  const worldPrinter = new Printer(undefined, byStructure);

  const worldItem = (direction: 'import' | 'export', name: string, item: Item) => {
    const e = item.entity;
    if (item.sort === 'instance' && e.kind === 'instance') {
      const parsed = parseInterfaceKey(name);
      if (parsed) {
        if (!interfaces.has(name)) interfaces.set(name, { key: name, parsed, instance: e });
        world.push(`${direction} ${name};`);
      } else {
        const body = interfaceBody(e, name, undefined, byStructure);
        world.push(`${direction} ${ident(name)}: interface {`, ...indent(body, '  '), '}');
      }
    } else if (item.sort === 'func' && e.kind === 'func') {
      const plain = plainFuncName(name);
      world.push(`${direction} ${ident(plain.name)}: ${plain.async ? 'async ' : ''}${worldPrinter.func(e)};`);
    } else if (item.sort === 'type' && e.kind === 'named') {
      world.push(e.target.kind === 'resource' ? `resource ${ident(name)};` : `type ${ident(name)} = ${worldPrinter.ref(e.target)};`);
    } else {
      world.push(`// ${direction} ${name}: a ${item.sort}, which WIT cannot express`);
    }
  };
  for (const { name, item } of decoded.imports) worldItem('import', name, item);
  for (const { name, item } of decoded.exports) worldItem('export', name, item);
  const worldUses = worldPrinter.useLines(undefined);

  const out = ['package root:component;', '', 'world root {', ...indent([...worldUses, ...world], '  '), '}'];
  const packages = new Map<string, InterfaceEntry[]>();
  for (const entry of interfaces.values()) {
    const id = packageIdOf(entry.parsed);
    packages.set(id, [...(packages.get(id) ?? []), entry]);
  }
  for (const id of [...packages.keys()].sort()) {
    out.push('', `package ${id} {`);
    const entries = packages.get(id)!.sort((a, b) => (a.parsed.name < b.parsed.name ? -1 : a.parsed.name > b.parsed.name ? 1 : 0));
    entries.forEach((entry, i) => {
      if (i > 0) out.push('');
      const body = interfaceBody(entry.instance, entry.key, id, byStructure);
      out.push(`  interface ${ident(entry.parsed.name)} {`, ...indent(body, '    '), '  }');
    });
    out.push('}');
  }
  return out.join('\n') + '\n';
}
