// The checker against the reference parser's own suite and real WASI packages: it must accept
// and reject exactly what wit-parser does, put its first error on wit-parser's line, check every
// WASI layout without errors or warnings, and resolve worlds and interfaces to the same contents
// as the `.wit.json` dumps. Prints the figures.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { interfaceId } from '../../../server/src/semantics/model';
import { checkPath, isError, isWarning, lineOf } from '../../support/check';
import { loadCases, referenceError } from '../../support/conformance';
import { SHARED_MISSING, WASI_LAYOUTS, sharedAvailable, wasiLayouts } from '../../support/shared';

const skip = !sharedAvailable() && SHARED_MISSING;

test('accepts and rejects exactly what wit-parser does; first error on the reference line', { skip }, async () => {
  const cases = loadCases();
  const binary = cases.filter((c) => c.inputType === 'wat');
  let agree = 0;
  let lineCases = 0;
  let lineHits = 0;
  const disagreements: string[] = [];
  const lineMisses: string[] = [];
  for (const c of cases) {
    if (c.inputType === 'wat') continue;
    const r = await checkPath(c.input, ['active']);
    const errors = [...r.diagnostics].flatMap(([file, ds]) => ds.filter(isError).map((d) => ({ file, d })));
    const rejected = errors.length > 0 || r.problems.length > 0;
    if (rejected === (c.kind === 'fail')) agree++;
    else disagreements.push(`${c.name}: wit-parser ${c.kind === 'fail' ? 'rejects' : 'accepts'}, we ${rejected ? `reject (${errors[0]?.d.message})` : 'accept'}`);
    if (c.kind !== 'fail') continue;
    const ref = referenceError(c);
    if (ref.line === undefined || ref.file === undefined) continue;
    lineCases++;
    const target = c.inputType === 'dir' ? join(c.input, ref.file) : c.input;
    const first = errors.filter((e) => e.file === target).sort((a, b) => a.d.start - b.d.start)[0];
    if (first && lineOf(target, first.d.start) === ref.line) lineHits++;
    else lineMisses.push(`${c.name}: wit-parser at ${ref.file}:${ref.line}, ours ${first ? `${relative(c.input, first.file) || ref.file}:${lineOf(first.file, first.d.start)}` : 'none in that file'}`);
  }
  const total = cases.length - binary.length;
  console.log(`# semantics: accept/reject agreement with wit-parser: ${agree}/${total} cases (${binary.length} binary .wat case skipped: ${binary.map((c) => c.name).join(', ')})`);
  console.log(`# semantics: first error on wit-parser's line: ${lineHits}/${lineCases} rejected cases (${((100 * lineHits) / lineCases).toFixed(1)}%)`);
  for (const m of lineMisses) console.log(`#   line differs: ${m}`);
  assert.deepEqual(disagreements, []);
  assert.ok(lineHits / lineCases >= 0.95, `only ${lineHits}/${lineCases} on the reference line`);
});

test('every WASI layout checks with zero errors and zero warnings', { skip }, async () => {
  const dir = WASI_LAYOUTS;
  const layouts = wasiLayouts();
  const problems: string[] = [];
  let files = 0;
  for (const l of layouts) {
    const r = await checkPath(l.wit);
    files += r.diagnostics.size;
    for (const [file, ds] of r.diagnostics) {
      for (const d of ds) if (isError(d) || isWarning(d)) problems.push(`${relative(dir, file)}:${lineOf(file, d.start)}: ${d.message}`);
    }
    for (const p of r.problems) problems.push(`${p.path}: ${p.message}`);
  }
  console.log(`# semantics: ${layouts.length} WASI layouts (${files} files): ${problems.length} errors or warnings`);
  assert.deepEqual(problems, []);
});

interface Dump {
  worlds: { name: string; package: number; imports: Record<string, unknown>; exports: Record<string, unknown> }[];
  interfaces: { name: string | null; package: number; types: Record<string, number>; functions: Record<string, unknown> }[];
  packages: { name: string; interfaces: Record<string, number>; worlds: Record<string, number> }[];
}

/** World items keyed as wit-parser keys them, with interface ids spelled out. */
function dumpKeys(dump: Dump, items: Record<string, unknown>): string[] {
  return Object.keys(items).map((k) => {
    const m = /^interface-(\d+)$/.exec(k);
    if (!m) return k;
    const iface = dump.interfaces[Number(m[1])];
    const pkg = dump.packages[iface.package].name;
    const [base, version] = pkg.split('@');
    return `${base}/${iface.name}${version ? '@' + version : ''}`;
  }).sort();
}

/**
 * Packages that come from binary `.wat`/`.wasm` files under deps/: this tool does not decode
 * binary packages (it says so in a warning), so their interfaces are left out of the comparison.
 */
const BINARY_PACKAGES: Record<string, string[]> = { 'kinds-of-deps': ['d:d', 'e:e'] };

test('worlds and interfaces resolve to the contents of the .wit.json dumps', { skip }, async () => {
  const cases = loadCases().filter((c) => c.kind === 'pass' && c.inputType !== 'wat');
  let worlds = 0;
  let worldHits = 0;
  let ifaces = 0;
  let ifaceHits = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const dump: Dump = JSON.parse(readFileSync(c.expected, 'utf8'));
    const binary = BINARY_PACKAGES[c.name] ?? [];
    const fromBinary = (key: string) => binary.some((p) => key.startsWith(p + '/'));
    const r = await checkPath(c.input, ['active']);
    const packages = new Map(r.resolution.packages.map((p) => [p.id, p]));
    for (const w of dump.worlds) {
      worlds++;
      const ours = packages.get(dump.packages[w.package].name)?.worlds.get(w.name);
      const want = { imports: dumpKeys(dump, w.imports).filter((k) => !fromBinary(k)), exports: dumpKeys(dump, w.exports).filter((k) => !fromBinary(k)) };
      const got = ours && {
        imports: [...ours.imports.keys()].sort(),
        exports: [...ours.exports.keys()].sort(),
      };
      if (got && JSON.stringify(got) === JSON.stringify(want)) worldHits++;
      else misses.push(`${c.name}: world ${w.name}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
    }
    for (const i of dump.interfaces) {
      if (i.name === null || binary.includes(dump.packages[i.package].name)) continue;
      ifaces++;
      const ours = packages.get(dump.packages[i.package].name)?.interfaces.get(i.name);
      const want = { types: Object.keys(i.types).sort(), functions: Object.keys(i.functions).sort() };
      const got = ours && {
        types: [...ours.types.values()].filter((t) => t.active).map((t) => t.name).sort(),
        functions: [...ours.funcs.values()].filter((f) => f.active).map((f) => f.qualifiedName).sort(),
      };
      if (got && JSON.stringify(got) === JSON.stringify(want)) ifaceHits++;
      else misses.push(`${c.name}: interface ${ours ? interfaceId(ours) : i.name}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
    }
  }
  console.log(`# semantics: binary packages not compared: ${Object.entries(BINARY_PACKAGES).map(([k, v]) => `${v.join(', ')} in ${k}`).join('; ')}`);
  console.log(`# semantics: .wit.json contents: ${worldHits}/${worlds} worlds (imports and exports after include and elaboration), ${ifaceHits}/${ifaces} interfaces (types and functions) match`);
  for (const m of misses.slice(0, 20)) console.log(`#   ${m}`);
  assert.deepEqual(misses, []);
});
