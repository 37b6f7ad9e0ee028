// Renders resolved types, functions and definitions back as WIT text, for hovers, completion
// details and signature help.

import type { Func, Ty, TypeDef } from '../semantics/model';

export function renderTy(t: Ty | undefined): string {
  if (!t) return '_';
  switch (t.kind) {
    case 'prim': return t.name;
    case 'def': return t.def.name;
    case 'list': return t.length === undefined ? `list<${renderTy(t.elem)}>` : `list<${renderTy(t.elem)}, ${t.length}>`;
    case 'map': return `map<${renderTy(t.key)}, ${renderTy(t.value)}>`;
    case 'option': return `option<${renderTy(t.inner)}>`;
    case 'result':
      if (!t.ok && !t.err) return 'result';
      if (!t.err) return `result<${renderTy(t.ok)}>`;
      return `result<${t.ok ? renderTy(t.ok) : '_'}, ${renderTy(t.err)}>`;
    case 'tuple': return `tuple<${t.items.map(renderTy).join(', ')}>`;
    case 'future': return t.inner ? `future<${renderTy(t.inner)}>` : 'future';
    case 'stream': return t.inner ? `stream<${renderTy(t.inner)}>` : 'stream';
    case 'handle': return `${t.own ? 'own' : 'borrow'}<${t.resource.name}>`;
    case 'error': return '{unknown}';
  }
}

export function renderParams(f: Func): string {
  return f.params.map((p) => `${p.name}: ${renderTy(p.ty)}`).join(', ');
}

/** `name: async func(a: u32) -> string` (constructors: `constructor(a: u32)`). */
export function renderFunc(f: Func): string {
  const result = f.result && !(f.funcKind === 'constructor' && !f.hir.result) ? ` -> ${renderTy(f.result)}` : '';
  if (f.funcKind === 'constructor') return `constructor(${renderParams(f)})${result}`;
  const stat = f.funcKind === 'static' ? 'static ' : '';
  return `${f.name}: ${stat}${f.async ? 'async ' : ''}func(${renderParams(f)})${result}`;
}

/** A type definition as WIT, bodies one member per line (long bodies cut after `maxMembers`). */
export function renderTypeDef(t: TypeDef, maxMembers = 40): string {
  const b = t.body;
  const cut = <T>(items: T[], f: (x: T) => string) => {
    const lines = items.slice(0, maxMembers).map((x) => `  ${f(x)},`);
    if (items.length > maxMembers) lines.push(`  // … ${items.length - maxMembers} more`);
    return lines.join('\n');
  };
  switch (b.kind) {
    case 'alias': return `type ${t.name} = ${renderTy(b.target)};`;
    case 'use': return b.target ? renderTypeDef(b.target, maxMembers) : `use ${t.name}`;
    case 'record': return b.fields.length ? `record ${t.name} {\n${cut(b.fields, (f) => `${f.name}: ${renderTy(f.ty)}`)}\n}` : `record ${t.name} {}`;
    case 'variant': return `variant ${t.name} {\n${cut(b.cases, (c) => (c.ty ? `${c.name}(${renderTy(c.ty)})` : c.name))}\n}`;
    case 'enum': return `enum ${t.name} {\n${cut(b.cases, (c) => c.name)}\n}`;
    case 'flags': return `flags ${t.name} {\n${cut(b.flags, (c) => c.name)}\n}`;
    case 'resource':
      if (b.funcs.length === 0) return `resource ${t.name};`;
      return `resource ${t.name} {\n${b.funcs.slice(0, maxMembers).map((f) => `  ${renderFunc(f)};`).join('\n')}${b.funcs.length > maxMembers ? `\n  // … ${b.funcs.length - maxMembers} more` : ''}\n}`;
  }
}
