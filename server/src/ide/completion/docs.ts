// Documentation of completion items, computed only when the client asks for it
// (`completionItem/resolve`): each item carries a small id naming what it offers by package,
// owner and name, which still finds the thing after the unit has been checked again.

import type { Interface, Resolution, Symbol, TypeDef, World } from '../../semantics/model';
import { definitionTarget, symbolName } from '../analysis';
import { cleanDocs, signature } from '../hover';
import { ATTRIBUTES, BUILTIN_TYPES, KEYWORD_DOCS } from './catalog';

type OwnerRef =
  | { interface: string }
  | { world: string }
  | { world: string; inline: string; direction: 'import' | 'export' };

export type DocRef =
  | { k: 'type'; pkg: string; owner: OwnerRef; name: string }
  | { k: 'interface' | 'world'; pkg: string; name: string }
  | { k: 'builtin' | 'keyword' | 'attribute'; name: string };

export function docId(ref: DocRef): string {
  return JSON.stringify(ref);
}

export function ownerRef(o: Interface | World): OwnerRef | undefined {
  if (o.kind === 'world') return { world: o.name };
  if (o.name !== undefined) return { interface: o.name };
  if (!o.world || o.hir.kind !== 'inline') return undefined;
  const label = o.hir.label;
  const direction = o.world.exports.get(label)?.kind === 'interface' ? 'export' : 'import';
  return { world: o.world.name, inline: label, direction };
}

export function typeDocId(def: TypeDef): string | undefined {
  const owner = ownerRef(def.owner);
  return owner ? docId({ k: 'type', pkg: def.owner.package.id, owner, name: def.name }) : undefined;
}

const fence = (wit: string) => '```wit\n' + wit + '\n```';

/** Markdown documentation for a completion item's id, or undefined when there is none (any more). */
export function completionDocs(res: Resolution, id: string): string | undefined {
  let ref: DocRef;
  try {
    ref = JSON.parse(id) as DocRef;
  } catch {
    return undefined;
  }
  switch (ref.k) {
    case 'keyword': return KEYWORD_DOCS[ref.name];
    case 'builtin': {
      const b = BUILTIN_TYPES.find((t) => t.label === ref.name);
      return b && `${fence(b.label)}\n\n${b.doc}`;
    }
    case 'attribute': {
      const a = ATTRIBUTES.find((x) => x.name === ref.name);
      return a?.doc;
    }
    case 'interface':
    case 'world': {
      const pkg = res.packages.find((p) => p.id === ref.pkg);
      const item = ref.k === 'interface' ? pkg?.interfaces.get(ref.name) : pkg?.worlds.get(ref.name);
      return item && symbolDocs(item);
    }
    case 'type': {
      const def = findType(res, ref);
      return def && symbolDocs(def);
    }
  }
}

function findType(res: Resolution, ref: Extract<DocRef, { k: 'type' }>): TypeDef | undefined {
  const pkg = res.packages.find((p) => p.id === ref.pkg);
  if (!pkg) return undefined;
  const o = ref.owner;
  let owner: Interface | World | undefined;
  if ('interface' in o) owner = pkg.interfaces.get(o.interface);
  else {
    const world = pkg.worlds.get(o.world);
    if ('inline' in o) {
      const item = (o.direction === 'import' ? world?.imports : world?.exports)?.get(o.inline);
      owner = item?.kind === 'interface' ? item.iface : undefined;
    } else owner = world;
  }
  return owner?.types.get(ref.name);
}

function symbolDocs(s: Symbol): string {
  const target = definitionTarget(s);
  const parts = [fence(signature(target))];
  const docs = target.kind === 'package' ? target.docs : target.docs;
  if (docs) parts.push(cleanDocs(docs));
  parts.push(whereabouts(s, target));
  return parts.join('\n\n');
}

/** Where the item lives, and for a name brought in by `use`, where from. */
function whereabouts(s: Symbol, target: Symbol): string {
  if (s.kind === 'interface' || s.kind === 'world') return `${s.kind} of package \`${s.package.id}\``;
  if (s.kind !== 'typedef' || target.kind !== 'typedef') return '';
  const from = target.owner;
  const place = `${from.kind} \`${symbolName(from) || '(inline)'}\` of package \`${from.package.id}\``;
  return s === target ? `*defined in* ${place}` : `*brought in with* \`use\` *from* ${place}`;
}
