// Lists a core WebAssembly module's imports and exports with their types (what a .wasm that is
// not a component offers), read from the type, import, function and export sections.

import { Reader, readPreamble } from './reader';

export interface CoreFuncType {
  params: string[];
  results: string[];
}

export type CoreExtern =
  | { kind: 'func'; type?: CoreFuncType }
  | { kind: 'table' | 'memory' | 'global' | 'tag'; detail: string };

export interface CoreModuleSummary {
  imports: { module: string; name: string; desc: CoreExtern }[];
  exports: { name: string; desc: CoreExtern }[];
}

const VALTYPES: Record<number, string> = { 0x7f: 'i32', 0x7e: 'i64', 0x7d: 'f32', 0x7c: 'f64', 0x7b: 'v128', 0x70: 'funcref', 0x6f: 'externref' };

function valType(r: Reader): string {
  const b = r.u8();
  if (VALTYPES[b]) return VALTYPES[b];
  if (b === 0x64 || b === 0x63) {
    // (ref null? heaptype): the heap type is a signed index or an abstract type byte.
    const heap = r.s33();
    return `(ref ${b === 0x63 ? 'null ' : ''}${heap >= 0 ? heap : 'abstract'})`;
  }
  return r.fail(`unsupported value type 0x${b.toString(16)}`);
}

function limits(r: Reader): string {
  const flags = r.u8();
  const min = r.u32();
  const max = flags & 1 ? r.u32() : undefined;
  return max === undefined ? `${min}` : `${min} ${max}`;
}

export function decodeCoreModule(bytes: Uint8Array): CoreModuleSummary {
  const r = new Reader(bytes);
  if (readPreamble(r) !== 'module') r.fail('a component, not a core module');
  const types: (CoreFuncType | undefined)[] = [];
  // Function index space: imported functions first, then the function section's.
  const funcTypes: (CoreFuncType | undefined)[] = [];
  const out: CoreModuleSummary = { imports: [], exports: [] };
  while (!r.done) {
    const id = r.u8();
    const s = r.sub(r.u32());
    if (id === 1) {
      for (let n = s.u32(); n > 0; n--) {
        if (s.u8() !== 0x60) {
          // GC proposal types (rec groups, structs, arrays): no function signatures to show.
          break;
        }
        types.push({ params: s.vec(() => valType(s)), results: s.vec(() => valType(s)) });
      }
    } else if (id === 2) {
      for (let n = s.u32(); n > 0; n--) {
        const module = s.name();
        const name = s.name();
        const desc = importDesc(s, types);
        if (desc.kind === 'func') funcTypes.push(desc.type);
        out.imports.push({ module, name, desc });
      }
    } else if (id === 3) {
      for (let n = s.u32(); n > 0; n--) funcTypes.push(types[s.u32()]);
    } else if (id === 7) {
      for (let n = s.u32(); n > 0; n--) {
        const name = s.name();
        const kind = s.u8();
        const index = s.u32();
        const other = (['func', 'table', 'memory', 'global', 'tag'] as const)[kind] ?? 'tag';
        out.exports.push({ name, desc: kind === 0x00 ? { kind: 'func', type: funcTypes[index] } : { kind: other as 'table', detail: `${index}` } });
      }
    }
  }
  return out;
}

function importDesc(r: Reader, types: (CoreFuncType | undefined)[]): CoreExtern {
  const kind = r.u8();
  switch (kind) {
    case 0x00:
      return { kind: 'func', type: types[r.u32()] };
    case 0x01: {
      const elem = valType(r);
      return { kind: 'table', detail: `${limits(r)} ${elem}` };
    }
    case 0x02:
      return { kind: 'memory', detail: limits(r) };
    case 0x03: {
      const t = valType(r);
      return { kind: 'global', detail: r.u8() ? `(mut ${t})` : t };
    }
    case 0x04:
      r.u8();
      return { kind: 'tag', detail: `type ${r.u32()}` };
    default:
      return r.fail(`unknown import kind 0x${kind.toString(16)}`);
  }
}

export function formatCoreFuncType(t: CoreFuncType | undefined): string {
  if (!t) return '(func)';
  const params = t.params.length ? ` (param ${t.params.join(' ')})` : '';
  const results = t.results.length ? ` (result ${t.results.join(' ')})` : '';
  return `(func${params}${results})`;
}

/** A WAT-like listing, one import or export per line. */
export function printCoreModule(m: CoreModuleSummary): string {
  const desc = (d: CoreExtern) => (d.kind === 'func' ? formatCoreFuncType(d.type) : `(${d.kind} ${d.detail})`);
  return [
    ';; A core WebAssembly module, not a component: it has no WIT world.',
    `;; ${m.imports.length} import(s), ${m.exports.length} export(s).`,
    '',
    ';; imports',
    ...m.imports.map((i) => `(import ${JSON.stringify(i.module)} ${JSON.stringify(i.name)} ${desc(i.desc)})`),
    '',
    ';; exports',
    ...m.exports.map((e) => `(export ${JSON.stringify(e.name)} ${desc(e.desc)})`),
    '',
  ].join('\n');
}
