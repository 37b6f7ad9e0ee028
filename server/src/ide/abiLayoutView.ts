// The data behind the "Show Canonical ABI Layout" view: for the type or function at the cursor,
// its layout as plain data (size, alignment, fields or cases with offsets, padding, flattened
// and core signatures) that the client draws as a byte map.

import { defLayout, funcSignatures } from '../semantics/abi';
import { coreTypesText, signatureText, spillText } from '../semantics/abiText';
import { Func, TypeDef, underlyingDef } from '../semantics/model';
import { Analysis, definitionTarget, symbolAt } from './analysis';
import { memberAt } from './memberAt';
import { renderFunc, renderTy, renderTypeDef } from './render';

export interface ByteSpan {
  /** What occupies the bytes: a field, the discriminant, a payload, or padding. */
  label: string;
  kind: 'field' | 'discriminant' | 'payload' | 'padding' | 'element' | 'value';
  offset: number;
  size: number;
  type?: string;
}

export type LayoutView =
  | {
      kind: 'type';
      name: string;
      wit: string;
      size: number;
      align: number;
      flat: string;
      spills: string;
      spans: ByteSpan[];
      memory64?: { size: number; align: number; flat: string };
      notes: string[];
    }
  | { kind: 'function'; name: string; wit: string; lift: string; lower: string; details: string[]; async?: { lower: string; liftCallback: string; taskReturn: string } }
  | { kind: 'invalid'; name: string; wit: string; problem: string };

/** The layout view for the type or function named at the offset (or whose field or case is). */
export function layoutViewAt(a: Analysis, offset: number): LayoutView | undefined {
  const at = symbolAt(a, offset);
  if (at) {
    const s = definitionTarget(at.symbol);
    if (s.kind === 'typedef') return typeView(s);
    if (s.kind === 'func') return funcView(s);
    return undefined;
  }
  const m = memberAt(a, offset);
  if (m) return m.kind === 'param' ? funcView(m.owner) : typeView(m.owner);
  return undefined;
}

function typeView(def: TypeDef): LayoutView {
  const shape = underlyingDef(def);
  const l = defLayout(shape, 4);
  const wit = renderTypeDef(shape, 60);
  if (!l.valid) return { kind: 'invalid', name: def.name, wit, problem: l.problem.message };
  const spans: ByteSpan[] = [];
  const padTo = (from: number, to: number) => {
    if (to > from) spans.push({ label: 'padding', kind: 'padding', offset: from, size: to - from });
  };
  const notes: string[] = [];
  if (l.fields) {
    let at = 0;
    for (const f of l.fields) {
      padTo(at, f.offset);
      spans.push({ label: f.name, kind: 'field', offset: f.offset, size: f.size, type: renderTy(f.ty) });
      at = f.offset + f.size;
    }
    padTo(at, l.size);
  } else if (l.discriminant) {
    const dsize = l.discriminant === 'u8' ? 1 : l.discriminant === 'u16' ? 2 : 4;
    spans.push({ label: `discriminant (${l.discriminant})`, kind: 'discriminant', offset: 0, size: dsize });
    const payloadOffset = l.payloadOffset ?? dsize;
    const payload = Math.max(0, ...(l.cases ?? []).map((c) => c.size ?? 0));
    padTo(dsize, payloadOffset);
    if (payload > 0) spans.push({ label: 'payload (largest case)', kind: 'payload', offset: payloadOffset, size: payload });
    padTo(payloadOffset + payload, l.size);
    for (const c of l.cases ?? []) notes.push(`case ${c.index} \`${c.name}\`${c.ty ? `: ${renderTy(c.ty)}, ${c.size} bytes at ${payloadOffset}` : ': no payload'}`);
  } else if (l.flagsRepr) {
    spans.push({ label: `${l.flagCount} flags as ${l.flagsRepr}`, kind: 'value', offset: 0, size: l.size });
  } else if (l.element && l.length !== undefined) {
    for (let i = 0; i < Math.min(l.length, 64); i++) spans.push({ label: `[${i}]`, kind: 'element', offset: i * l.element.size, size: l.element.size, type: renderTy(l.element.ty) });
    if (l.length > 64) notes.push(`… ${l.length - 64} more elements of ${l.element.size} bytes`);
  } else {
    spans.push({ label: l.shape, kind: 'value', offset: 0, size: l.size });
    if (l.element) notes.push(`elements: ${renderTy(l.element.ty)}, ${l.element.size} bytes, align ${l.element.align}, stored elsewhere`);
  }
  const l64 = defLayout(shape, 8);
  return {
    kind: 'type', name: def.name, wit, size: l.size, align: l.align, flat: coreTypesText(l.flat, l.flatCount),
    spills: spillText(l.flatCount), spans, notes,
    memory64: l64.valid && (l64.size !== l.size || l64.align !== l.align) ? { size: l64.size, align: l64.align, flat: coreTypesText(l64.flat, l64.flatCount) } : undefined,
  };
}

function funcView(f: Func): LayoutView {
  const s = funcSignatures(f, 4);
  const wit = renderFunc(f);
  if (!s.valid) return { kind: 'invalid', name: f.qualifiedName, wit, problem: s.problem.message };
  const details = [
    `${s.flatParamCount} flat parameter value(s)${s.paramsSpill ? `: more than 16, passed in memory (${s.paramsTuple!.size} bytes)` : ''}`,
    `${s.flatResultCount} flat result value(s)${s.resultsSpill ? `: more than 1, returned in memory (${s.resultsTuple!.size} bytes)` : ''}`,
  ];
  return {
    kind: 'function', name: f.qualifiedName, wit, lift: signatureText(s.lift), lower: signatureText(s.lower), details,
    async: s.async ? { lower: signatureText(s.async.lower), liftCallback: signatureText(s.async.liftCallback), taskReturn: signatureText(s.async.taskReturn) } : undefined,
  };
}
