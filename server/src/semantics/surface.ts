// A file's "surface": everything in its item summary that other files can observe (names,
// kinds, type definitions, gates, paths, world items), without positions, docs and the
// signatures of functions. Two summaries with the same surface key differ only in what the
// file keeps to itself, so an edit that leaves it unchanged can be re-resolved for this file
// alone (incremental.ts).

import type {
  Attrs, FileHir, FuncHir, InterfaceMemberHir, TopItemHir, TypeDefHir, TypeExpr, UsePathHir,
  WorldMemberHir,
} from './hir';

export function surfaceKey(hir: FileHir): string {
  const out: string[] = [];
  const decl = hir.packageDecl;
  out.push(decl ? `pkg ${decl.name.namespace}:${decl.name.name}@${decl.name.version ?? ''} ${decl.docs ? 'docs' : ''}` : 'nopkg');
  items(hir.items, out);
  for (const n of hir.nested) {
    out.push(`nested ${n.decl.name.namespace}:${n.decl.name.name}@${n.decl.name.version ?? ''} ${n.decl.docs ? 'docs' : ''}`);
    items(n.items, out);
    out.push('end');
  }
  return out.join('\n');
}

function attrs(a: Attrs): string {
  return `[${a.since?.value ?? ''}|${a.unstable?.value ?? ''}|${a.deprecated?.value ?? ''}|${a.externalId?.value ?? ''}|${a.repeated.length}]`;
}

function path(p: UsePathHir): string {
  return p.kind === 'local' ? p.name : `${p.package.namespace}:${p.package.name}/${p.name}@${p.package.version ?? ''}`;
}

function ty(t: TypeExpr | undefined): string {
  if (!t) return '-';
  switch (t.kind) {
    case 'prim': return t.name;
    case 'named': return `#${t.name}`;
    case 'list': return `list<${ty(t.elem)},${t.length ?? ''}>`;
    case 'map': return `map<${ty(t.key)},${ty(t.value)}>`;
    case 'option': return `option<${ty(t.inner)}>`;
    case 'result': return `result<${ty(t.ok)},${ty(t.err)}>`;
    case 'tuple': return `tuple<${t.items.map(ty).join(',')}>`;
    case 'future': return `future<${ty(t.inner)}>`;
    case 'stream': return `stream<${ty(t.inner)}>`;
    case 'handle': return `${t.own ? 'own' : 'borrow'}<${t.resource}>`;
    case 'missing': return '?';
  }
}

/** A function's name, kind and gate: its signature is its own business. */
function func(f: FuncHir): string {
  return `func ${f.funcKind} ${f.name} ${attrs(f.attrs)}`;
}

function typedef(t: TypeDefHir): string {
  const d = t.def;
  let body: string;
  switch (d.kind) {
    case 'alias': body = ty(d.type); break;
    case 'record': body = d.fields.map((f) => `${f.name}:${ty(f.type)}`).join(','); break;
    case 'variant': body = d.cases.map((c) => `${c.name}(${ty(c.type)})`).join(','); break;
    case 'enum': body = d.cases.map((c) => c.name).join(','); break;
    case 'flags': body = d.flags.map((c) => c.name).join(','); break;
    case 'resource': body = d.funcs.map(func).join(';'); break;
  }
  return `type ${d.kind} ${t.name} ${attrs(t.attrs)} {${body}}`;
}

function members(ms: InterfaceMemberHir[] | WorldMemberHir[], out: string[]): void {
  for (const m of ms) {
    switch (m.kind) {
      case 'typedef': out.push(typedef(m)); break;
      case 'func': out.push(func(m)); break;
      case 'use': out.push(`use ${path(m.path)} ${attrs(m.attrs)} {${m.names.map((n) => `${n.name} as ${n.alias ?? ''}`).join(',')}}`); break;
      case 'include': out.push(`include ${path(m.path)} ${attrs(m.attrs)} {${m.names.map((n) => `${n.name} as ${n.as}`).join(',')}}`); break;
      case 'import':
      case 'export': {
        const e = m.ext;
        const head = `${m.kind} ${attrs(m.attrs)}`;
        if (e.kind === 'path') out.push(`${head} path ${path(e.path)}`);
        else if (e.kind === 'labeled') out.push(`${head} labeled ${e.name} ${path(e.path)}`);
        else if (e.kind === 'func') out.push(`${head} ${func(e.func)}`);
        else {
          out.push(`${head} interface ${e.name} {`);
          members(e.members, out);
          out.push('}');
        }
        break;
      }
    }
  }
}

function items(list: TopItemHir[], out: string[]): void {
  for (const item of list) {
    if (item.kind === 'top-use') out.push(`top-use ${path(item.path)} as ${item.alias ?? ''} ${item.hasAttrs}`);
    else {
      out.push(`${item.kind} ${item.name} ${attrs(item.attrs)} {`);
      members(item.members, out);
      out.push('}');
    }
  }
}
