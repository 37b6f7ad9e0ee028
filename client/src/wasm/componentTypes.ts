// Decodes what a component imports and exports, with full types, from its binary: the type,
// import, export, alias, canon, instance and nested-component sections, evaluated the way the
// component model's validator does it (index spaces per scope, instantiation binds imports to
// arguments). Core sections are skipped: only the component-level surface matters here.
// jco's `componentWit` names the interfaces a component uses but prints no definitions; this
// decoder yields the definitions too, which the composition check and the viewer need.

import { Reader, readPreamble } from './reader';

export type PrimName =
  | 'bool' | 's8' | 'u8' | 's16' | 'u16' | 's32' | 'u32' | 's64' | 'u64' | 'f32' | 'f64'
  | 'char' | 'string' | 'error-context';

export interface FuncType {
  kind: 'func';
  params: { name: string; type: Entity }[];
  result?: Entity;
  async: boolean;
}

export interface InstanceType {
  kind: 'instance';
  exports: Map<string, Item>;
}

/** Everything an index space can hold, as plain objects compared by identity where it matters. */
export type Entity =
  | { kind: 'prim'; name: PrimName }
  | { kind: 'record'; fields: { name: string; type: Entity }[] }
  | { kind: 'variant'; cases: { name: string; type?: Entity }[] }
  | { kind: 'enum'; names: string[] }
  | { kind: 'flags'; names: string[] }
  | { kind: 'list'; elem: Entity; length?: number }
  | { kind: 'map'; key: Entity; value: Entity }
  | { kind: 'tuple'; items: Entity[] }
  | { kind: 'option'; inner: Entity }
  | { kind: 'result'; ok?: Entity; err?: Entity }
  | { kind: 'own' | 'borrow'; resource: Entity }
  | { kind: 'future' | 'stream'; inner?: Entity }
  /** A resource type; two resources are the same only when they are the same object. */
  | { kind: 'resource' }
  /** A type given a name by an export (`export "pair" (type (eq …))`); `owner` is the interface key. */
  | NamedType
  | FuncType
  | InstanceType
  | { kind: 'component-type'; imports: Map<string, Item>; exports: Map<string, Item> }
  | { kind: 'opaque'; what: string };

export interface NamedType {
  kind: 'named';
  name: string;
  target: Entity;
  owner?: string;
}

export type Sort = 'func' | 'value' | 'type' | 'component' | 'instance' | 'module' | 'core';

export interface Item {
  sort: Sort;
  entity: Entity;
}

export interface DecodedComponent {
  imports: { name: string; item: Item }[];
  exports: { name: string; item: Item }[];
}

/** A nested component as written (evaluated when instantiated) or a component-typed import. */
type ComponentDef = { kind: 'def'; bytes: Uint8Array; parent: Scope } | { kind: 'typed'; type: Entity };

class Scope {
  types: Entity[] = [];
  funcs: Entity[] = [];
  instances: Entity[] = [];
  components: ComponentDef[] = [];
  constructor(readonly parent?: Scope) {}

  outer(count: number, r: Reader): Scope {
    let s: Scope | undefined = this;
    for (let i = 0; i < count; i++) s = s?.parent;
    if (!s) r.fail(`outer alias ${count} levels up has no enclosing scope`);
    return s;
  }

  type(index: number, r: Reader): Entity {
    const t = this.types[index];
    if (!t) r.fail(`type index ${index} out of range (${this.types.length} types)`);
    return t;
  }

  push(item: Item): void {
    switch (item.sort) {
      case 'func': this.funcs.push(item.entity); break;
      case 'type': this.types.push(item.entity); break;
      case 'instance': this.instances.push(item.entity); break;
      case 'component': this.components.push({ kind: 'typed', type: item.entity }); break;
      default: break; // values and core items are not tracked
    }
  }

  item(sort: Sort, index: number, r: Reader): Item {
    const space = sort === 'func' ? this.funcs : sort === 'type' ? this.types : sort === 'instance' ? this.instances : undefined;
    if (sort === 'component') {
      const c = this.components[index];
      if (!c) r.fail(`component index ${index} out of range`);
      return { sort, entity: c.kind === 'typed' ? c.type : { kind: 'opaque', what: 'component' } };
    }
    if (!space) return { sort, entity: { kind: 'opaque', what: sort } };
    const e = space[index];
    if (!e) r.fail(`${sort} index ${index} out of range (${space.length} defined)`);
    return { sort, entity: e };
  }
}

const PRIMS: Record<number, PrimName> = {
  0x7f: 'bool', 0x7e: 's8', 0x7d: 'u8', 0x7c: 's16', 0x7b: 'u16', 0x7a: 's32', 0x79: 'u32',
  0x78: 's64', 0x77: 'u64', 0x76: 'f32', 0x75: 'f64', 0x74: 'char', 0x73: 'string', 0x64: 'error-context',
};

export function decodeComponent(bytes: Uint8Array): DecodedComponent {
  const r = new Reader(bytes);
  if (readPreamble(r) !== 'component') r.fail('a core module, not a component');
  const result = evaluate(r, new Scope(), undefined);
  assignOwners(result);
  return result;
}

/** Interfaces own the types they export: that is what a reference to such a type prints as. */
function assignOwners(c: DecodedComponent): void {
  for (const { name, item } of [...c.imports, ...c.exports]) {
    if (item.entity.kind !== 'instance') continue;
    for (const member of item.entity.exports.values()) {
      if (member.sort === 'type' && member.entity.kind === 'named' && member.entity.owner === undefined) member.entity.owner = name;
    }
  }
}

/** Runs a component's sections in `scope`; with `args`, imports are bound to them (instantiation). */
function evaluate(r: Reader, scope: Scope, args: Map<string, Item> | undefined): DecodedComponent {
  const imports: DecodedComponent['imports'] = [];
  const exports: DecodedComponent['exports'] = [];
  while (!r.done) {
    const id = r.u8();
    const s = r.sub(r.u32());
    switch (id) {
      case 4:
        scope.components.push({ kind: 'def', bytes: s.bytes.subarray(s.pos, s.end), parent: scope });
        break;
      case 5:
        for (let n = s.u32(); n > 0; n--) scope.instances.push(readInstance(s, scope));
        break;
      case 6:
        for (let n = s.u32(); n > 0; n--) readAlias(s, scope);
        break;
      case 7:
        for (let n = s.u32(); n > 0; n--) scope.types.push(readDefType(s, scope));
        break;
      case 8:
        for (let n = s.u32(); n > 0; n--) readCanon(s, scope);
        break;
      case 10:
        for (let n = s.u32(); n > 0; n--) {
          const name = readExternName(s);
          const declared = readExternDesc(s, scope, name);
          const item = args?.get(name) ?? declared;
          scope.push(item);
          imports.push({ name, item });
        }
        break;
      case 11:
        for (let n = s.u32(); n > 0; n--) {
          const name = readExternName(s);
          const sort = readSort(s);
          let item = scope.item(sort, s.u32(), s);
          if (s.u8() === 1) {
            const ascribed = readExternDesc(s, scope, name);
            // An ascribed function type names the exported types the signature uses.
            if (sort === 'func') item = ascribed;
          }
          if (sort === 'type') item = { sort, entity: { kind: 'named', name, target: item.entity } };
          scope.push(item);
          exports.push({ name, item });
        }
        break;
      default:
        // 0 custom, 1-3 core module/instance/type, 9 start, 12 values: nothing at component level.
        break;
    }
  }
  return { imports, exports };
}

function readSort(r: Reader): Sort {
  const b = r.u8();
  switch (b) {
    case 0x00: {
      const core = r.u8();
      return core === 0x11 ? 'module' : 'core';
    }
    case 0x01: return 'func';
    case 0x02: return 'value';
    case 0x03: return 'type';
    case 0x04: return 'component';
    case 0x05: return 'instance';
    default: return r.fail(`unknown sort 0x${b.toString(16)}`);
  }
}

/** `importname'`/`exportname'`: 0x00 name, or 0x01 name plus a second string (version suffix or URL). */
function readExternName(r: Reader): string {
  const tag = r.u8();
  const name = r.name();
  if (tag === 0x01) r.name();
  else if (tag !== 0x00) r.fail(`unknown extern name tag 0x${tag.toString(16)}`);
  return name;
}

function readExternDesc(r: Reader, scope: Scope, name: string): Item {
  const b = r.u8();
  switch (b) {
    case 0x00:
      r.u8();
      r.u32();
      return { sort: 'module', entity: { kind: 'opaque', what: 'module' } };
    case 0x01:
      return { sort: 'func', entity: scope.type(r.u32(), r) };
    case 0x02:
      if (r.u8() === 0x00) r.u32();
      else readValType(r, scope);
      return { sort: 'value', entity: { kind: 'opaque', what: 'value' } };
    case 0x03: {
      const bound = r.u8();
      const target: Entity = bound === 0x00 ? scope.type(r.u32(), r) : { kind: 'resource' };
      return { sort: 'type', entity: { kind: 'named', name, target } };
    }
    case 0x04:
      return { sort: 'component', entity: scope.type(r.u32(), r) };
    case 0x05:
      return { sort: 'instance', entity: scope.type(r.u32(), r) };
    default:
      return r.fail(`unknown extern kind 0x${b.toString(16)}`);
  }
}

function readValType(r: Reader, scope: Scope): Entity {
  const v = r.s33();
  if (v < 0) {
    const prim = PRIMS[v + 128];
    if (!prim) r.fail(`unknown primitive type ${v}`);
    return { kind: 'prim', name: prim };
  }
  return scope.type(v, r);
}

function optional<T>(r: Reader, read: () => T): T | undefined {
  const tag = r.u8();
  if (tag === 0x00) return undefined;
  if (tag !== 0x01) r.fail(`bad option tag 0x${tag.toString(16)}`);
  return read();
}

function readDefType(r: Reader, scope: Scope): Entity {
  const b = r.peek();
  if (PRIMS[b]) {
    r.u8();
    return { kind: 'prim', name: PRIMS[b] };
  }
  r.u8();
  const val = () => readValType(r, scope);
  switch (b) {
    case 0x72:
      return { kind: 'record', fields: r.vec(() => ({ name: r.name(), type: val() })) };
    case 0x71:
      return {
        kind: 'variant',
        cases: r.vec(() => {
          const name = r.name();
          const type = optional(r, val);
          optional(r, () => r.u32()); // `refines`, gone from newer encodings as a constant 0x00
          return { name, type };
        }),
      };
    case 0x70:
      return { kind: 'list', elem: val() };
    case 0x67: {
      const elem = val();
      return { kind: 'list', elem, length: r.u32() };
    }
    case 0x63: {
      const key = val();
      return { kind: 'map', key, value: val() };
    }
    case 0x6f:
      return { kind: 'tuple', items: r.vec(val) };
    case 0x6e:
      return { kind: 'flags', names: r.vec(() => r.name()) };
    case 0x6d:
      return { kind: 'enum', names: r.vec(() => r.name()) };
    case 0x6b:
      return { kind: 'option', inner: val() };
    case 0x6a: {
      const ok = optional(r, val);
      return { kind: 'result', ok, err: optional(r, val) };
    }
    case 0x69:
      return { kind: 'own', resource: scope.type(r.u32(), r) };
    case 0x68:
      return { kind: 'borrow', resource: scope.type(r.u32(), r) };
    case 0x66:
      return { kind: 'stream', inner: optional(r, val) };
    case 0x65:
      return { kind: 'future', inner: optional(r, val) };
    case 0x40:
    case 0x43:
      return readFuncType(r, scope, b === 0x43);
    case 0x41:
      return readComponentType(r, scope);
    case 0x42:
      return readInstanceType(r, scope);
    case 0x3f:
      if (r.u8() !== 0x7f) r.fail('resource representation must be i32');
      optional(r, () => r.u32());
      return { kind: 'resource' };
    case 0x3e:
      if (r.u8() !== 0x7f) r.fail('resource representation must be i32');
      optional(r, () => r.u32());
      optional(r, () => r.u32());
      return { kind: 'resource' };
    default:
      return r.fail(`unknown type form 0x${b.toString(16)}`);
  }
}

function readFuncType(r: Reader, scope: Scope, async: boolean): FuncType {
  const params = r.vec(() => ({ name: r.name(), type: readValType(r, scope) }));
  const tag = r.u8();
  let result: Entity | undefined;
  if (tag === 0x00) result = readValType(r, scope);
  else if (tag === 0x01) {
    // The older named-results form; only an empty list is still valid.
    const named = r.vec(() => ({ name: r.name(), type: readValType(r, scope) }));
    if (named.length === 1) result = named[0].type;
    else if (named.length > 1) r.fail('multiple results are not supported');
  } else r.fail(`bad result list tag 0x${tag.toString(16)}`);
  return { kind: 'func', params, result, async };
}

function readInstanceType(r: Reader, parent: Scope): InstanceType {
  const scope = new Scope(parent);
  const exports = new Map<string, Item>();
  for (let n = r.u32(); n > 0; n--) {
    const tag = r.u8();
    if (tag === 0x04) {
      const name = readExternName(r);
      const item = readExternDesc(r, scope, name);
      scope.push(item);
      exports.set(name, item);
    } else readDeclCommon(r, scope, tag);
  }
  return { kind: 'instance', exports };
}

function readComponentType(r: Reader, parent: Scope): Entity {
  const scope = new Scope(parent);
  const imports = new Map<string, Item>();
  const exports = new Map<string, Item>();
  for (let n = r.u32(); n > 0; n--) {
    const tag = r.u8();
    if (tag === 0x03 || tag === 0x04) {
      const name = readExternName(r);
      const item = readExternDesc(r, scope, name);
      scope.push(item);
      (tag === 0x03 ? imports : exports).set(name, item);
    } else readDeclCommon(r, scope, tag);
  }
  return { kind: 'component-type', imports, exports };
}

/** Declarations shared by instance and component types: core types, types and aliases. */
function readDeclCommon(r: Reader, scope: Scope, tag: number): void {
  switch (tag) {
    case 0x00:
      return r.fail('core types inside component types are not supported');
    case 0x01:
      scope.types.push(readDefType(r, scope));
      return;
    case 0x02:
      readAlias(r, scope);
      return;
    default:
      r.fail(`unknown declaration tag 0x${tag.toString(16)}`);
  }
}

function readAlias(r: Reader, scope: Scope): void {
  const sort = readSort(r);
  const target = r.u8();
  switch (target) {
    case 0x00: {
      const instance = r.u32();
      const name = r.name();
      const inst = scope.instances[instance];
      if (!inst) r.fail(`instance index ${instance} out of range`);
      const item = inst.kind === 'instance' ? inst.exports.get(name) : undefined;
      scope.push(item ?? { sort, entity: { kind: 'opaque', what: `${name} of an unknown instance` } });
      return;
    }
    case 0x01:
      r.u32();
      r.name();
      return; // core export: core index spaces are not tracked
    case 0x02: {
      const count = r.u32();
      const index = r.u32();
      const from = scope.outer(count, r);
      if (sort === 'type') scope.types.push(from.type(index, r));
      else if (sort === 'component') {
        const c = from.components[index];
        if (!c) r.fail(`outer component index ${index} out of range`);
        scope.components.push(c);
      }
      return;
    }
    default:
      r.fail(`unknown alias target 0x${target.toString(16)}`);
  }
}

function readCanonOpts(r: Reader): void {
  for (let n = r.u32(); n > 0; n--) {
    const opt = r.u8();
    if (opt === 0x03 || opt === 0x04 || opt === 0x05 || opt === 0x07 || opt === 0x08) r.u32();
    else if (opt > 0x09) r.fail(`unknown canonical option 0x${opt.toString(16)}`);
  }
}

/** Only `canon lift` makes a component function; the other built-ins make core functions. */
function readCanon(r: Reader, scope: Scope): void {
  const op = r.u8();
  switch (op) {
    case 0x00: {
      r.u8();
      r.u32();
      readCanonOpts(r);
      scope.funcs.push(scope.type(r.u32(), r));
      return;
    }
    case 0x01:
      r.u8();
      r.u32();
      readCanonOpts(r);
      return;
    case 0x02: case 0x03: case 0x04: case 0x07:
    case 0x0e: case 0x13: case 0x14: case 0x15: case 0x1a: case 0x1b:
    case 0x40:
      r.u32();
      return;
    case 0x05: case 0x08: case 0x0d: case 0x1e: case 0x1f: case 0x22: case 0x23: case 0x42:
    case 0x24: case 0x25:
      return;
    case 0x06: case 0x0c:
      r.u8();
      return;
    case 0x09: {
      const tag = r.u8();
      if (tag === 0x00) readValType(r, scope);
      else r.vec(() => (r.name(), readValType(r, scope)));
      readCanonOpts(r);
      return;
    }
    case 0x0a: case 0x0b:
      r.u8();
      r.u32();
      return;
    case 0x0f: case 0x10: case 0x16: case 0x17:
      r.u32();
      readCanonOpts(r);
      return;
    case 0x11: case 0x12: case 0x18: case 0x19:
      r.u32();
      r.u8();
      return;
    case 0x1c: case 0x1d:
      readCanonOpts(r);
      return;
    case 0x20: case 0x21:
      r.u8();
      r.u32();
      return;
    case 0x41:
      r.u32();
      r.u32();
      return;
    default:
      r.fail(`unknown canonical function 0x${op.toString(16)}`);
  }
}

function readInstance(r: Reader, scope: Scope): Entity {
  const tag = r.u8();
  if (tag === 0x00) {
    const index = r.u32();
    const args = new Map<string, Item>();
    for (let n = r.u32(); n > 0; n--) {
      const name = r.name();
      const sort = readSort(r);
      args.set(name, scope.item(sort, r.u32(), r));
    }
    const def = scope.components[index];
    if (!def) r.fail(`component index ${index} out of range`);
    return instantiate(def, args, r);
  }
  if (tag === 0x01) {
    const exports = new Map<string, Item>();
    for (let n = r.u32(); n > 0; n--) {
      const name = readExternName(r);
      const sort = readSort(r);
      const item = scope.item(sort, r.u32(), r);
      exports.set(name, sort === 'type' ? { sort, entity: { kind: 'named', name, target: item.entity } } : item);
    }
    return { kind: 'instance', exports };
  }
  return r.fail(`unknown instance form 0x${tag.toString(16)}`);
}

function instantiate(def: ComponentDef, args: Map<string, Item>, r: Reader): InstanceType {
  if (def.kind === 'typed') {
    if (def.type.kind !== 'component-type') r.fail('instantiating something that is not a component');
    return { kind: 'instance', exports: def.type.exports };
  }
  const inner = new Reader(def.bytes);
  if (readPreamble(inner) !== 'component') inner.fail('nested component has a module header');
  const { exports } = evaluate(inner, new Scope(def.parent), args);
  return { kind: 'instance', exports: new Map(exports.map((e) => [e.name, e.item])) };
}
