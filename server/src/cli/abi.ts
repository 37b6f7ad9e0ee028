// `wit-ls abi [--json] [--deps] [--features a,b] [--all-features] PATH...`: the Canonical ABI of
// every named type and function of each PATH (a .wit file, or a package folder with its deps/),
// as a readable table or, with --json, as `{types, functions}` in the reference table's format
// (../shared/abi/README.md). Problems are printed to stderr the way `check` prints them.
// Exit status: 0 without errors, 1 with errors, 2 on usage or I/O errors.

import { resolve as resolvePath, relative, sep } from 'node:path';
import type { Diagnostic, Severity } from '../base/diagnostic';
import { defaultSeverity } from '../base/diagnosticCodes';
import { nodeFileSystem } from '../node/fileSystem';
import {
  type AbiReport, abiReport, defLayout, entryKind, funcSignatures, ownTypes, worldFuncs,
} from '../semantics/abi';
import { funcText, layoutText } from '../semantics/abiText';
import { checkUnit } from '../semantics/check';
import { loadUnit } from '../semantics/load';
import type { Func, Package, TypeDef } from '../semantics/model';
import { SourceCache } from '../semantics/sources';
import type { CliIo } from './check';

const USAGE = `usage: wit-ls abi [--json] [--deps] [--wasm64] [--features a,b] [--all-features] PATH...
  Prints the Canonical ABI layout of every named type and function: size, alignment, field
  offsets, discriminants, flattened core types, and the lift/lower (and async) core signatures.
  PATH is a .wit file, or a package folder (its .wit files, with dependencies in deps/).
  --json            print {types, functions} keyed <package>/<interface-or-world>/<name>, in the
                    format of the spec-derived reference table (see docs/canonical-abi.md)
  --deps            include the packages in deps/ too (default: only the PATH's own packages)
  --wasm64          in the table, show layouts with 64-bit pointers (memory64) instead of wasm32
  --features a,b    turn on @unstable features (may be repeated)
  --all-features    turn on every @unstable feature
Exit status: 0 no errors, 1 errors found, 2 usage or I/O errors.
`;

export interface AbiArgs {
  json: boolean;
  deps: boolean;
  wasm64: boolean;
  features: Set<string>;
  allFeatures: boolean;
  paths: string[];
}

/** Parses the arguments, or returns a usage error message. */
export function parseAbiArgs(args: string[]): AbiArgs | string {
  const parsed: AbiArgs = { json: false, deps: false, wasm64: false, features: new Set(), allFeatures: false, paths: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      parsed.paths.push(...args.slice(i + 1));
      break;
    } else if (a === '--json') parsed.json = true;
    else if (a === '--deps') parsed.deps = true;
    else if (a === '--wasm64') parsed.wasm64 = true;
    else if (a === '--all-features') parsed.allFeatures = true;
    else if (a === '--features' || a.startsWith('--features=')) {
      const value = a === '--features' ? args[++i] : a.slice('--features='.length);
      if (value === undefined) return '--features needs a value (a comma-separated list)';
      for (const f of value.split(',').map((x) => x.trim()).filter(Boolean)) parsed.features.add(f);
    } else if (a.startsWith('-') && a !== '-') return `unknown option '${a}'`;
    else parsed.paths.push(a);
  }
  if (parsed.paths.length === 0) return 'no PATH given';
  return parsed;
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel : path;
}

/** 1-based line and column (UTF-16) of an offset, as `check` prints them. */
function lineCol(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return `${line}:${Math.min(offset, text.length) - start + 1}`;
}

export async function runAbi(args: string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  const parsed = parseAbiArgs(args);
  if (typeof parsed === 'string') {
    io.err(`wit-ls abi: ${parsed}\n${USAGE}`);
    return 2;
  }
  const cache = new SourceCache();
  const options = { features: parsed.features, allFeatures: parsed.allFeatures };
  const merged: AbiReport = { types: {}, functions: {} };
  const tables: string[] = [];
  let ioFailed = false;
  let errors = 0;
  for (const arg of parsed.paths) {
    const path = resolvePath(arg).split(sep).join('/');
    const { input, problems } = await loadUnit(path, { fs: nodeFileSystem, cache });
    for (const p of problems) {
      ioFailed = true;
      io.err(`${displayPath(p.path)}:1:1: error [io-error]: ${p.message}\n`);
    }
    const { resolution, diagnostics } = checkUnit(input, options);
    const texts = new Map([...input.main, ...input.deps.flatMap((d) => ('files' in d ? d.files : []))].map((f) => [f.path, f.text]));
    for (const [file, ds] of diagnostics) {
      for (const d of ds) {
        const severity: Severity = d.severity ?? defaultSeverity(d.code);
        if (severity !== 'error' && severity !== 'warning') continue;
        if (severity === 'error') errors++;
        io.err(problemLine(displayPath(file), texts.get(file) ?? '', d, severity));
      }
    }
    const packages = parsed.deps ? resolution.packages : resolution.rootPackages;
    if (parsed.json) {
      const report = abiReport(packages);
      Object.assign(merged.types, report.types);
      Object.assign(merged.functions, report.functions);
    } else tables.push(table(packages, parsed.wasm64 ? 8 : 4));
  }
  if (parsed.json) io.out(JSON.stringify(merged, null, 2) + '\n');
  else io.out(tables.filter(Boolean).join('\n'));
  if (ioFailed) return 2;
  return errors > 0 ? 1 : 0;
}

function problemLine(file: string, text: string, d: Diagnostic, severity: Severity): string {
  return `${file}:${lineCol(text, d.start)}: ${severity} [${d.code}]: ${d.message}\n`;
}

/** The readable form: one block per interface or world, one line per type and function. */
function table(packages: readonly Package[], ptr: 4 | 8): string {
  const blocks: string[] = [];
  for (const pkg of packages) {
    const owners = [...[...pkg.interfaces.values()].filter((i) => i.name !== undefined && i.active), ...[...pkg.worlds.values()].filter((w) => w.active)];
    for (const owner of owners) {
      const rows: [string, string, string][] = [];
      for (const def of ownTypes(owner)) rows.push(typeRow(def, ptr));
      const funcs: Func[] = owner.kind === 'interface' ? [...owner.funcs.values()].filter((f) => f.active) : worldFuncs(owner).map((w) => w.func);
      for (const f of funcs) rows.push(funcRow(f, ptr));
      if (rows.length === 0) continue;
      const w0 = Math.min(32, Math.max(...rows.map((r) => r[0].length)));
      const w1 = Math.max(...rows.map((r) => r[1].length));
      const lines = rows.map(([name, kind, text]) => `  ${name.padEnd(w0)}  ${kind.padEnd(w1)}  ${text}`);
      blocks.push(`${pkg.id}/${owner.name}${ptr === 8 ? ' (memory64)' : ''}\n${lines.join('\n')}\n`);
    }
  }
  return blocks.join('\n');
}

function typeRow(def: TypeDef, ptr: 4 | 8): [string, string, string] {
  return [def.name, entryKind(def), layoutText(defLayout(def, ptr))];
}

function funcRow(f: Func, ptr: 4 | 8): [string, string, string] {
  return [f.qualifiedName, f.async ? 'async func' : 'func', funcText(funcSignatures(f, ptr))];
}

