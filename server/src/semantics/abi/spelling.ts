// How types and signatures are spelled in ABI reports: as written (names kept, `list<point>`), or
// structurally with named types expanded (`list<record { x: s32, y: s32 }>`), the way the
// reference table shows element, field and case types.

import type { Func, Ty, TypeDef } from '../model';
import { abiUnderlying } from './core';
import { abiParams, abiResult } from './funcs';

/** Structural spellings longer than this end with `…`: nested definitions can grow exponentially. */
export const MAX_SPELLING = 8000;
/** Deeper nesting (through chains of named types) is shown as `…`, which also bounds the recursion. */
const MAX_DEPTH = 200;

/** A type as written: named types by their local name, `own<blob>`, `list<u8, 4>`. */
export function writtenType(ty: Ty): string {
  switch (ty.kind) {
    case 'prim': return ty.name;
    case 'def': return ty.def.name;
    case 'handle': return `${ty.own ? 'own' : 'borrow'}<${ty.resource.name}>`;
    case 'list': return ty.length === undefined ? `list<${writtenType(ty.elem)}>` : `list<${writtenType(ty.elem)}, ${ty.length}>`;
    case 'map': return `map<${writtenType(ty.key)}, ${writtenType(ty.value)}>`;
    case 'option': return `option<${writtenType(ty.inner)}>`;
    case 'result': return resultSpelling(ty.ok && writtenType(ty.ok), ty.err && writtenType(ty.err));
    case 'tuple': return `tuple<${ty.items.map(writtenType).join(', ')}>`;
    case 'future':
    case 'stream': return ty.inner ? `${ty.kind}<${writtenType(ty.inner)}>` : ty.kind;
    case 'error': return '<error>';
  }
}

function resultSpelling(ok: string | undefined, err: string | undefined): string {
  if (ok === undefined && err === undefined) return 'result';
  if (err === undefined) return `result<${ok}>`;
  return `result<${ok ?? '_'}, ${err}>`;
}

function ownerName(def: TypeDef): string {
  return def.owner.name ?? (def.owner.kind === 'interface' && def.owner.hir.kind === 'inline' ? def.owner.hir.label : '<inline>');
}

/**
 * A type with named types expanded: records as `record { a: u8 }`, variants with their cases,
 * enums and flags by their size (`enum { 3 cases }`), resources as `own<iface.name>`.
 */
export function structuralType(ty: Ty): string {
  const out: string[] = [];
  let length = 0;
  const visiting = new Set<TypeDef>();
  const emit = (s: string) => {
    out.push(s);
    length += s.length;
  };
  const full = () => length > MAX_SPELLING;

  let depth = 0;
  const def = (named: TypeDef): void => {
    const d = abiUnderlying(named);
    if (visiting.has(d)) return emit(named.name); // a cycle, reported by the resolver
    visiting.add(d);
    const b = d.body;
    switch (b.kind) {
      case 'alias': walk(b.target); break;
      case 'use': emit(named.name); break; // did not resolve
      case 'record':
        emit('record { ');
        b.fields.forEach((f, i) => {
          if (full()) return;
          emit(i ? `, ${f.name}: ` : `${f.name}: `);
          walk(f.ty);
        });
        emit(' }');
        break;
      case 'variant':
        emit('variant { ');
        b.cases.forEach((c, i) => {
          if (full()) return;
          emit(i ? `, ${c.name}` : c.name);
          if (c.ty) {
            emit('(');
            walk(c.ty);
            emit(')');
          }
        });
        emit(' }');
        break;
      case 'enum': emit(`enum { ${b.cases.length} cases }`); break;
      case 'flags': emit(`flags { ${b.flags.length} flags }`); break;
      case 'resource': emit(`own<${ownerName(d)}.${d.name}>`); break;
    }
    visiting.delete(d);
  };
  const args = (name: string, items: readonly Ty[], suffix = '') => {
    emit(`${name}<`);
    items.forEach((t, i) => {
      if (i) emit(', ');
      walk(t);
    });
    emit(`${suffix}>`);
  };
  const walk = (t: Ty): void => {
    if (full() || depth >= MAX_DEPTH) return emit('…');
    depth++;
    walkIn(t);
    depth--;
  };
  const walkIn = (t: Ty): void => {
    switch (t.kind) {
      case 'def': return def(t.def);
      case 'handle': {
        const r = abiUnderlying(t.resource);
        return emit(`${t.own ? 'own' : 'borrow'}<${ownerName(r)}.${r.name}>`);
      }
      case 'list': return args('list', [t.elem], t.length === undefined ? '' : `, ${t.length}`);
      case 'map': return args('map', [t.key, t.value]);
      case 'option': return args('option', [t.inner]);
      case 'tuple': return args('tuple', t.items);
      case 'result':
        if (!t.ok && !t.err) return emit('result');
        emit('result<');
        if (t.ok) walk(t.ok);
        else emit('_');
        if (t.err) {
          emit(', ');
          walk(t.err);
        }
        return emit('>');
      case 'future':
      case 'stream':
        return t.inner ? args(t.kind, [t.inner]) : emit(t.kind);
      default:
        return emit(writtenType(t));
    }
  };
  walk(ty);
  const s = out.join('');
  return s.length > MAX_SPELLING + 1 ? s.slice(0, MAX_SPELLING) + '…' : s;
}

/** `[async ]func(a: u32, ...) -> T` with the implicit `self` of methods and `own<R>` of constructors. */
export function funcSpelling(func: Func): string {
  const params = abiParams(func).map((p) => `${p.name}: ${writtenType(p.ty)}`).join(', ');
  const result = abiResult(func);
  return `${func.async ? 'async ' : ''}func(${params})${result ? ` -> ${writtenType(result)}` : ''}`;
}

/** The summary of a definition: the right-hand side of an alias, or the structure of the rest. */
export function defSpelling(def: TypeDef): string | undefined {
  const b = def.body;
  if (b.kind === 'resource') return undefined;
  if (b.kind === 'alias') return writtenType(b.target);
  if (b.kind === 'use') return b.target ? defSpelling(b.target) : def.name;
  return structuralType({ kind: 'def', def });
}
