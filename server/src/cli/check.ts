// `wit-ls check [--json] [--features a,b] [--all-features] PATH...`: checks each PATH (a .wit
// file, or a package folder with its deps/) and prints one line per problem,
// `file:line:col: error|warning [code]: message`, or a JSON array with LSP ranges.
// Exit status: 0 without errors, 1 with errors, 2 on usage or I/O errors.

import { resolve as resolvePath, relative, sep } from 'node:path';
import type { Diagnostic, Severity } from '../base/diagnostic';
import { defaultSeverity } from '../base/diagnosticCodes';
import { nodeFileSystem } from '../node/fileSystem';
import { checkUnit } from '../semantics/check';
import { loadUnit } from '../semantics/load';
import { SourceCache } from '../semantics/sources';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = `usage: wit-ls check [--json] [--features a,b] [--all-features] PATH...
  Checks WIT the way wit-parser does, and reports every problem it finds.
  PATH is a .wit file, or a package folder (its .wit files, with dependencies in deps/).
  --json            print a JSON array of {file, range, severity, code, message} (0-based LSP ranges)
  --features a,b    turn on @unstable features (may be repeated)
  --all-features    turn on every @unstable feature
Exit status: 0 no errors, 1 errors found, 2 usage or I/O errors.
`;

export interface CheckArgs {
  json: boolean;
  features: Set<string>;
  allFeatures: boolean;
  paths: string[];
}

/** Parses the arguments, or returns a usage error message. */
export function parseCheckArgs(args: string[]): CheckArgs | string {
  const parsed: CheckArgs = { json: false, features: new Set(), allFeatures: false, paths: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      parsed.paths.push(...args.slice(i + 1));
      break;
    } else if (a === '--json') parsed.json = true;
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

/** 0-based line and UTF-16 column of an offset. */
function lineCol(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, character: Math.min(offset, text.length) - start };
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel : path;
}

interface Reported {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: Severity;
  code: string;
  message: string;
}

export async function runCheck(args: string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  const parsed = parseCheckArgs(args);
  if (typeof parsed === 'string') {
    io.err(`wit-ls check: ${parsed}\n${USAGE}`);
    return 2;
  }
  const cache = new SourceCache({ retainTrees: false });
  const reported: Reported[] = [];
  let ioFailed = false;
  const options = { features: parsed.features, allFeatures: parsed.allFeatures };
  for (const arg of parsed.paths) {
    const path = resolvePath(arg).split(sep).join('/');
    const { input, problems } = await loadUnit(path, { fs: nodeFileSystem, cache });
    for (const p of problems) {
      ioFailed = true;
      reported.push({
        file: displayPath(p.path), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 'error', code: 'io-error', message: p.message,
      });
    }
    const { diagnostics } = checkUnit(input, options);
    const texts = new Map([...input.main, ...input.deps.flatMap((d) => ('files' in d ? d.files : []))].map((f) => [f.path, f.text]));
    for (const [file, ds] of diagnostics) {
      const text = texts.get(file) ?? '';
      for (const d of ds) {
        const severity = d.severity ?? defaultSeverity(d.code);
        if (severity !== 'error' && severity !== 'warning') continue;
        reported.push(toReported(displayPath(file), text, d, severity));
      }
    }
  }
  if (parsed.json) io.out(JSON.stringify(reported, null, 2) + '\n');
  else {
    for (const r of reported) {
      io.out(`${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1}: ${r.severity} [${r.code}]: ${r.message}\n`);
    }
    const errors = reported.filter((r) => r.severity === 'error').length;
    const warnings = reported.length - errors;
    if (reported.length) io.err(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
  }
  if (ioFailed) return 2;
  return reported.some((r) => r.severity === 'error') ? 1 : 0;
}

function toReported(file: string, text: string, d: Diagnostic, severity: Severity): Reported {
  return {
    file,
    range: { start: lineCol(text, d.start), end: lineCol(text, d.end) },
    severity,
    code: d.code,
    message: d.message,
  };
}
