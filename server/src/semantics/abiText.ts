// Plain-text and Markdown renderings of Canonical ABI layouts and signatures, for hovers, inlay
// hints and the `abi` command's table; pure functions over the results of ./abi.

import {
  type CoreSignature, type CoreType, type FuncAbi, type Invalid, type InvalidFunc, type Layout,
  MAX_FLAT_PARAMS, MAX_FLAT_RESULTS, defLayout, funcSignatures, typeLayout,
} from './abi';
import type { Func, Ty, TypeDef } from './model';

/** How many core types a rendering lists before it shortens to a count. */
const SHOWN_TYPES = 24;

/** `(i32, i32, i64)`, shortened to `(i32, i32, … 40 values)` when long. */
export function coreTypesText(types: readonly CoreType[], count = types.length): string {
  if (count <= SHOWN_TYPES && types.length === count) return `(${types.join(', ')})`;
  return `(${types.slice(0, 8).join(', ')}, … ${count} values)`;
}

/** `(i32, i32) -> i32`, `(i32) -> ()`. */
export function signatureText(sig: CoreSignature): string {
  const results = sig.results.length === 1 ? sig.results[0] : `(${sig.results.join(', ')})`;
  return `${coreTypesText(sig.params)} -> ${results}`;
}

/**
 * Whether a value of the type, passed alone, goes through memory instead of core values: never
 * up to 1 flat value, only as a result up to 16, always above.
 */
export function spillText(flatCount: number): string {
  if (flatCount <= MAX_FLAT_RESULTS) return 'no';
  if (flatCount <= MAX_FLAT_PARAMS) return `when returned (${flatCount} flat values > ${MAX_FLAT_RESULTS})`;
  return `yes (${flatCount} flat values > ${MAX_FLAT_PARAMS})`;
}

/** `size 32, align 8`. */
export function sizeText(l: Layout): string {
  return `size ${l.size}, align ${l.align}`;
}

/** The parts of a layout beyond size and flattening: offsets, discriminant, flags, element. */
export function detailTexts(l: Layout): string[] {
  const out: string[] = [];
  if (l.fields?.length) out.push(`offsets ${l.fields.map((f) => `${f.name}@${f.offset}`).join(' ')}`);
  if (l.discriminant) out.push(`discriminant ${l.discriminant}${l.shape === 'enum' ? '' : `, payload @${l.payloadOffset}`}`);
  if (l.flagsRepr) out.push(`${l.flagCount} flags in a ${l.flagsRepr}`);
  if (l.element) out.push(`${l.length !== undefined ? `${l.length} × ` : 'element '}${l.element.size} B, align ${l.element.align}`);
  if (l.entryFields) out.push(`entry ${l.entryFields.map((f) => `${f.name === '0' ? 'key' : 'value'}@${f.offset}`).join(' ')}`);
  if (l.shape === 'own' || l.shape === 'borrow' || l.shape === 'resource' || l.shape === 'future' || l.shape === 'stream' || l.shape === 'error-context') out.push('an i32 handle');
  return out;
}

/** One line: `size 32, align 8; offsets a@0 b@4; flat (i32, i32, i64); spills to memory: no`. */
export function layoutText(l: Layout | Invalid): string {
  if (!l.valid) return `invalid: ${l.problem.message}`;
  return [sizeText(l), ...detailTexts(l), `flat ${coreTypesText(l.flat, l.flatCount)}`, `spills to memory: ${spillText(l.flatCount)}`].join('; ');
}

function sameLayout(a: Layout, b: Layout): boolean {
  return a.size === b.size && a.align === b.align && a.flat.join() === b.flat.join();
}

function layoutMarkdown(l32: Layout | Invalid, l64: Layout | Invalid): string {
  if (!l32.valid) return `**Canonical ABI**: invalid: ${l32.problem.message}`;
  const lines = [`**Canonical ABI**: ${sizeText(l32)} · flat \`${coreTypesText(l32.flat, l32.flatCount)}\``];
  const details = detailTexts(l32);
  if (details.length) lines.push(details.join(' · '));
  lines.push(`spills to memory: ${spillText(l32.flatCount)}`);
  if (l64.valid && !sameLayout(l32, l64)) lines.push(`memory64: ${sizeText(l64)} · flat \`${coreTypesText(l64.flat, l64.flatCount)}\``);
  return lines.join('  \n');
}

/** A hover section for a type expression (wasm32, with the memory64 figures when they differ). */
export function typeAbiMarkdown(ty: Ty): string {
  return layoutMarkdown(typeLayout(ty, 4), typeLayout(ty, 8));
}

/** A hover section for a named type; a resource is described by its handle. */
export function defAbiMarkdown(def: TypeDef): string {
  return layoutMarkdown(defLayout(def, 4), defLayout(def, 8));
}

/** A hover section for a function: lift and lower signatures, spilling, and the async variants. */
export function funcAbiMarkdown(func: Func): string {
  const a = funcSignatures(func, 4);
  if (!a.valid) return `**Canonical ABI**: invalid: \`${a.where}\`: ${a.problem.message}`;
  const lines = [
    `**Canonical ABI**: lift \`${signatureText(a.lift)}\` · lower \`${signatureText(a.lower)}\``,
    `${a.flatParamCount} flat param${a.flatParamCount === 1 ? '' : 's'}${a.paramsSpill ? ` > ${MAX_FLAT_PARAMS}: passed in memory (${a.paramsTuple!.size} bytes)` : ''}, ` +
      `${a.flatResultCount} flat result${a.flatResultCount === 1 ? '' : 's'}${a.resultsSpill ? ` > ${MAX_FLAT_RESULTS}: returned in memory (${a.resultsTuple!.size} bytes)` : ''}`,
  ];
  if (a.async) {
    lines.push(`async lower \`${signatureText(a.async.lower)}\` · async lift (callback) \`${signatureText(a.async.liftCallback)}\` · ` +
      `task.return \`${signatureText(a.async.taskReturn)}\``);
  }
  const a64 = funcSignatures(func, 8);
  if (a64.valid && (signatureText(a64.lift) !== signatureText(a.lift) || signatureText(a64.lower) !== signatureText(a.lower))) {
    lines.push(`memory64: lift \`${signatureText(a64.lift)}\` · lower \`${signatureText(a64.lower)}\``);
  }
  return lines.join('  \n');
}

/** Inlay hint after a type definition's name: `32 B, align 8`; undefined when it has no layout. */
export function defInlayText(def: TypeDef): string | undefined {
  const l = defLayout(def, 4);
  return l.valid ? `${l.size} B, align ${l.align}` : undefined;
}

/** Inlay hints for a record's fields (or a tuple alias's items), in order: `@8`. */
export function fieldInlayTexts(def: TypeDef): { name: string; text: string }[] {
  const l = defLayout(def, 4);
  return l.valid && l.fields ? l.fields.map((f) => ({ name: f.name, text: `@${f.offset}` })) : [];
}

/** Inlay hint after a function's signature: its lift signature, `(i32, i32) -> i32`. */
export function funcInlayText(func: Func): string | undefined {
  const a = funcSignatures(func, 4);
  return a.valid ? signatureText(a.lift) : undefined;
}

/** One line for a function: `lift (i32) -> i32; lower (i32, i32) -> (); params spill: no; results spill: yes`. */
export function funcText(a: FuncAbi | InvalidFunc): string {
  if (!a.valid) return `invalid: ${a.where}: ${a.problem.message}`;
  const parts = [`lift ${signatureText(a.lift)}`, `lower ${signatureText(a.lower)}`];
  if (a.paramsSpill) parts.push(`params in memory (${a.paramsTuple!.size} bytes)`);
  if (a.resultsSpill) parts.push(`result in memory (${a.resultsTuple!.size} bytes)`);
  if (a.async) parts.push(`async lower ${signatureText(a.async.lower)}`, `task.return ${signatureText(a.async.taskReturn)}`);
  return parts.join('; ');
}
