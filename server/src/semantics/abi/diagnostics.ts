// The size bound of component validation as a diagnostic: every type a component defines must
// take less than 2^28 bytes with 64-bit pointers. Named types are reported at their name,
// anonymous types in signatures (and inside definitions) where they are written.

import type { Range } from '../hir';
import type { Func, Ty, TypeDef } from '../model';
import { MAX_TYPE_SIZE, defDeps, defSized, sized } from './core';

export type ReportSize = (file: string, code: 'type-too-large', range: Range, message: string) => void;

const human = (bytes: number): string => {
  const exp = Math.log2(bytes);
  return Number.isInteger(exp) ? `${bytes} bytes (2^${exp})` : `${bytes} bytes`;
};

const tooLarge = (what: string, bytes: number) =>
  `${what} takes ${human(bytes)} in memory with 64-bit pointers; component validation requires less than 2^28 (${MAX_TYPE_SIZE})`;

/** The first anonymous part of a type (not crossing into named types) that is too large, with its size. */
function anonymousTooLarge(ty: Ty | undefined, includeSelf: boolean): number | undefined {
  if (!ty || ty.kind === 'def') return undefined;
  if (includeSelf) {
    const s = sized(ty, 8);
    if (s.problem?.kind === 'cyclic' || s.problem?.kind === 'unresolved') return undefined;
    if (s.size >= MAX_TYPE_SIZE) return s.size;
  }
  switch (ty.kind) {
    case 'list': return anonymousTooLarge(ty.elem, true);
    case 'map': return anonymousTooLarge(ty.key, true) ?? anonymousTooLarge(ty.value, true);
    case 'option': return anonymousTooLarge(ty.inner, true);
    case 'result': return anonymousTooLarge(ty.ok, true) ?? anonymousTooLarge(ty.err, true);
    case 'tuple': for (const t of ty.items) { const n = anonymousTooLarge(t, true); if (n !== undefined) return n; } return undefined;
    case 'future':
    case 'stream': return anonymousTooLarge(ty.inner, true);
    default: return undefined;
  }
}

/**
 * Reports `type-too-large` for each active definition whose 64-bit size is 2^28 or more (or
 * that contains such an anonymous type), and for each anonymous parameter or result type of an
 * active function that is or contains one. Types that are too large only because they contain
 * another named type that is are reported at that type, not again here.
 */
export function checkTypeSizes(typedefs: Iterable<TypeDef>, funcs: Iterable<Func>, report: ReportSize): void {
  for (const td of typedefs) {
    const hir = td.hir;
    if (!td.active || !('def' in hir)) continue;
    const own = sized({ kind: 'def', def: td }, 8);
    if (own.problem?.kind === 'cyclic' || own.problem?.kind === 'unresolved') continue;
    const body = td.body;
    let inner: number | undefined;
    if (body.kind === 'alias') inner = anonymousTooLarge(body.target, false);
    else if (body.kind === 'record') inner = firstDefined(body.fields.map((f) => () => anonymousTooLarge(f.ty, true)));
    else if (body.kind === 'variant') inner = firstDefined(body.cases.map((c) => () => anonymousTooLarge(c.ty, true)));
    // A definition that is too large because a named type in it is: that one is reported.
    const cascade = defDeps(td).some((d) => defSized(d, 8).size >= MAX_TYPE_SIZE);
    if (own.size >= MAX_TYPE_SIZE && !cascade) report(td.loc.file, 'type-too-large', td.loc.nameRange, tooLarge(`type \`${td.name}\``, own.size));
    else if (inner !== undefined) report(td.loc.file, 'type-too-large', td.loc.nameRange, tooLarge(`a type inside \`${td.name}\``, inner));
  }
  for (const f of funcs) {
    if (!f.active) continue;
    f.params.forEach((p, i) => {
      const n = anonymousTooLarge(p.ty, true);
      const range = f.hir.params[i]?.type.range ?? p.nameRange;
      if (n !== undefined) report(f.loc.file, 'type-too-large', range, tooLarge(`the type of parameter \`${p.name}\``, n));
    });
    const n = anonymousTooLarge(f.result, true);
    if (n !== undefined) report(f.loc.file, 'type-too-large', f.hir.result?.range ?? f.loc.nameRange, tooLarge(`the result type of \`${f.name}\``, n));
  }
}

function firstDefined(fns: (() => number | undefined)[]): number | undefined {
  for (const fn of fns) {
    const n = fn();
    if (n !== undefined) return n;
  }
  return undefined;
}
