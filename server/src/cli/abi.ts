// `wit-ls abi [--json] [--deps] [--features a,b] [--all-features] PATH...`: the Canonical ABI of
// every named type and function of each PATH (a .wit file, or a package folder with its deps/),
// as a readable table or, with --json, as `{types, functions}` in the reference table's format
// (../shared/abi/README.md). Problems are printed to stderr the way `check` prints them.
// Exit status: 0 without errors, 1 with errors, 2 on usage or I/O errors.

import {
  abiEntries, defLayout, entryKind, funcSignatures, ownTypes, worldFuncs,
} from '../semantics/abi';
import { funcText, layoutText } from '../semantics/abiText';
import type { Func, Package, TypeDef } from '../semantics/model';
import { type CliIo, checkPaths, displayPath, parseArgs } from './common';
import { JsonReport } from './jsonReport';

/** Past this, --json prints an error instead (see JsonReport). */
const MAX_JSON_MB = 256;

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
Exit status: 0 no errors, 1 errors found, 2 usage or I/O errors (or a JSON report too large to print).

`;

export async function runAbi(args: string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  const parsed = parseArgs(args, ['--json', '--deps', '--wasm64']);
  if (typeof parsed === 'string') {
    io.err(`wit-ls abi: ${parsed}\n${USAGE}`);
    return 2;
  }
  const json = parsed.switches.has('--json');
  const merged = new JsonReport(MAX_JSON_MB * 2 ** 20);
  const tables: string[] = [];
  let ioFailed = false;
  let errors = 0;
  for await (const { resolution, loadProblems, problems } of checkPaths(parsed.paths, parsed)) {
    for (const p of loadProblems) {
      ioFailed = true;
      io.err(`${displayPath(p.path)}:1:1: error [io-error]: ${p.message}\n`);
    }
    for (const { file, diagnostic: d, severity, lines } of problems) {
      if (severity === 'error') errors++;
      const at = lines.positionAt(d.start);
      io.err(`${displayPath(file)}:${at.line + 1}:${at.character + 1}: ${severity} [${d.code}]: ${d.message}\n`);
    }
    const packages = parsed.switches.has('--deps') ? resolution.packages : resolution.rootPackages;
    if (json && !merged.tooLarge) abiEntries(packages, (section, key, entry) => merged.add(section, key, entry));
    else tables.push(table(packages, parsed.switches.has('--wasm64') ? 8 : 4));
  }
  if (json && merged.tooLarge) {
    io.err(`wit-ls abi: the JSON report would be larger than ${MAX_JSON_MB} MB, so it is not printed; the table (without --json) `
      + 'shows every layout in short, or check fewer packages at a time\n');
    return 2;
  }
  if (json) io.out(merged.text());
  else io.out(tables.filter(Boolean).join('\n'));
  if (ioFailed) return 2;
  return errors > 0 ? 1 : 0;
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

