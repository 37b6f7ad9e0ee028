// Inlay hints: after `type x = y;` where `y` is itself an alias or a `use`d name, the type the
// chain ends at (`= list<u8>`, or `→ record point from types`); and, when asked for, after a name
// in `use iface.{a}` the interface that really defines it when that is not the one named (a
// re-export, or a foreign interface behind a top-level `use … as` name). Other hint sources
// (the Canonical ABI's offsets and sizes) plug in as extra providers.

import type { Range } from '../semantics/hir';
import type { Interface, Ty, TypeDef, World } from '../semantics/model';
import { interfaceId, underlyingDefMemo } from '../semantics/model';
import { Analysis, declarationsInFile, definitionTarget, typeKeyword } from './analysis';
import { renderTy } from './render';

export interface InlayHint {
  /** Where the hint is shown (before the character at this offset). */
  offset: number;
  label: string;
  kind: 'type' | 'parameter';
  tooltip?: string;
  paddingLeft?: boolean;
  paddingRight?: boolean;
}

/** Another source of hints for the same file and range (the Canonical ABI layouts, say). */
export type InlayHintProvider = (a: Analysis, range: Range) => InlayHint[];

export interface InlayHintOptions {
  typeAliases: boolean;
  useOrigins: boolean;
  providers?: InlayHintProvider[];
}

export function inlayHints(a: Analysis, range: Range, options: InlayHintOptions): InlayHint[] {
  const out: InlayHint[] = [];
  const inRange = (o: number) => range.start <= o && o <= range.end;
  // Aliases of aliases share their chains: each is walked once, not once per alias on it.
  const underlying = underlyingDefMemo();
  for (const { symbol } of declarationsInFile(a.resolution, a.file.path)) {
    if (symbol.kind !== 'typedef') continue;
    if (options.typeAliases && symbol.body.kind === 'alias' && inRange(symbol.loc.range.end)) {
      const h = aliasHint(symbol, symbol.body.target, underlying);
      if (h) out.push(h);
    }
    if (options.useOrigins && symbol.body.kind === 'use' && inRange(symbol.loc.nameRange.end)) {
      const h = useOriginHint(symbol);
      if (h) out.push(h);
    }
  }
  for (const p of options.providers ?? []) for (const h of p(a, range)) if (inRange(h.offset)) out.push(h);
  return out.sort((x, y) => x.offset - y.offset);
}

/** `type x = y;` with `y` an alias or a `use`d name: where the chain ends. */
function aliasHint(def: TypeDef, target: Ty, underlying: (d: TypeDef) => TypeDef): InlayHint | undefined {
  if (target.kind !== 'def' || (target.def.body.kind !== 'alias' && target.def.body.kind !== 'use')) return undefined;
  const cur = underlying(target.def);
  const b = cur.body;
  // Where the chain stops at a link that leads on, it goes in a cycle (reported elsewhere); at a
  // `use`, the `use` did not resolve.
  if (b.kind === 'use' || (b.kind === 'alias' && b.target.kind === 'def')) return undefined;
  const end = def.loc.range.end;
  if (cur.body.kind === 'alias') {
    const label = `= ${renderTy(cur.body.target)}`;
    return { offset: end, label, kind: 'type', paddingLeft: true, tooltip: `${def.name} is ${renderTy(cur.body.target)} (through ${cur.name})` };
  }
  const where = cur.owner === def.owner ? '' : ` from ${ownerLabel(cur.owner, def.owner)}`;
  return { offset: end, label: `→ ${typeKeyword(cur)} ${cur.name}${where}`, kind: 'type', paddingLeft: true };
}

/** A `use`d name defined elsewhere than the path says (re-exported, or behind a local name for a foreign interface). */
function useOriginHint(def: TypeDef): InlayHint | undefined {
  if (def.body.kind !== 'use' || !def.body.from) return undefined;
  const target = definitionTarget(def);
  if (target.kind !== 'typedef') return undefined;
  const named = def.body.from;
  const reexported = target.owner !== named;
  const hiddenForeign = named.package !== def.owner.package && pathIsLocal(def);
  if (!reexported && !hiddenForeign) return undefined;
  return { offset: def.loc.nameRange.end, label: `from ${ownerLabel(target.owner, def.owner)}`, kind: 'type', paddingLeft: true };
}

/** Whether the `use` that brought `def` in names its interface without a package (`use streams.{…}`). */
function pathIsLocal(def: TypeDef): boolean {
  const hir = def.owner.hir;
  if (!('members' in hir)) return false;
  for (const m of hir.members) {
    if (m.kind === 'use' && m.names.some((n) => n === def.hir)) return m.path.kind === 'local';
  }
  return false;
}

/** An interface or world as the reader at `here` would write it: its name in the same package, its id otherwise. */
function ownerLabel(o: Interface | World, here: Interface | World): string {
  if (o.package === here.package) return o.kind === 'interface' ? o.name ?? (o.hir.kind === 'inline' ? o.hir.label : '') : o.name;
  if (o.kind === 'interface') return interfaceId(o);
  const p = o.package.name;
  return `${p.namespace}:${p.name}/${o.name}${p.version ? '@' + p.version : ''}`;
}
