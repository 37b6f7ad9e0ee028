// What the `check` and `abi` commands share: their arguments, loading and checking each PATH,
// the problems worth printing, and how files and positions are printed.

import { resolve as resolvePath, relative, sep } from 'node:path';
import type { Diagnostic, Severity } from '../base/diagnostic';
import { defaultSeverity } from '../base/diagnosticCodes';
import { LineIndex } from '../lsp/lineIndex';
import { nodeBlockingFileSystem } from '../node/fileSystem';
import type { FeatureOptions } from '../semantics/gates';
import { checkUnit } from '../semantics/check';
import { type LoadProblem, loadUnit } from '../semantics/load';
import type { Resolution } from '../semantics/model';
import { unitFiles } from '../semantics/resolve';
import { SourceCache } from '../semantics/sources';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CommonArgs {
  /** The switches given, out of those the command accepts (`--json`, ...). */
  switches: Set<string>;
  features: Set<string>;
  allFeatures: boolean;
  paths: string[];
}

/** Parses `--features`, `--all-features`, the command's `switches` and the PATHs; a string is a usage error. */
export function parseArgs(args: string[], switches: readonly string[]): CommonArgs | string {
  const parsed: CommonArgs = { switches: new Set(), features: new Set(), allFeatures: false, paths: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      parsed.paths.push(...args.slice(i + 1));
      break;
    } else if (switches.includes(a)) parsed.switches.add(a);
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

/** A path relative to the working directory when it lies below it, else as it is. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel : path;
}

/** A problem worth printing: an error or a warning (hints are for editors), with its place. */
export interface Problem {
  file: string;
  diagnostic: Diagnostic;
  severity: Severity;
  /** Positions in the problem's file (shared by the problems of one file). */
  lines: LineIndex;
}

export interface CheckedPath {
  resolution: Resolution;
  /** Files or folders that could not be read. */
  loadProblems: LoadProblem[];
  problems: Problem[];
}

/** Loads and checks each PATH in turn (a .wit file or a package folder with its deps/). */
export async function* checkPaths(paths: string[], options: FeatureOptions): AsyncGenerator<CheckedPath> {
  const cache = new SourceCache({ retainTrees: false });
  for (const arg of paths) {
    const path = resolvePath(arg).split(sep).join('/');
    const { input, problems: loadProblems } = await loadUnit(path, { fs: nodeBlockingFileSystem, cache });
    // Hints are for editors (see below): the references they come from are not made at all.
    const { resolution, diagnostics } = checkUnit(input, options, false);
    const texts = new Map(unitFiles(input).map((f) => [f.path, f.text]));
    const problems: Problem[] = [];
    // A folder given on the command line with no .wit files: wit-parser finds no `package` header
    // in it. (The semantic check leaves an empty root alone, since the editor re-checks a folder
    // whose files were all deleted; here the folder was named on purpose.)
    if (input.main.length === 0 && loadProblems.length === 0) {
      problems.push({
        file: path, severity: 'error', lines: new LineIndex(''),
        diagnostic: { code: 'missing-package-header', start: 0, end: 0, message: `no \`package\` header was found: the folder ${path} has no .wit files` },
      });
    }
    for (const [file, ds] of diagnostics) {
      let lines: LineIndex | undefined;
      for (const d of ds) {
        const severity = d.severity ?? defaultSeverity(d.code);
        if (severity !== 'error' && severity !== 'warning') continue;
        lines ??= new LineIndex(texts.get(file) ?? '');
        problems.push({ file, diagnostic: d, severity, lines });
      }
    }
    yield { resolution, loadProblems, problems };
  }
}
