// `wit-ls check [--json] [--features a,b] [--all-features] PATH...`: checks each PATH (a .wit
// file, or a package folder with its deps/) and prints one line per problem,
// `file:line:col: error|warning [code]: message`, or a JSON array with LSP ranges.
// Exit status: 0 without errors, 1 with errors, 2 on usage or I/O errors.

import type { Severity } from '../base/diagnostic';
import type { Position } from '../lsp/lineIndex';
import { type CliIo, checkPaths, displayPath, parseArgs } from './common';

export type { CliIo } from './common';

const USAGE = `usage: wit-ls check [--json] [--features a,b] [--all-features] PATH...
  Checks WIT the way wit-parser does, and reports every problem it finds.
  PATH is a .wit file, or a package folder (its .wit files, with dependencies in deps/).
  --json            print a JSON array of {file, range, severity, code, message} (0-based LSP ranges)
  --features a,b    turn on @unstable features (may be repeated)
  --all-features    turn on every @unstable feature
Exit status: 0 no errors, 1 errors found, 2 usage or I/O errors.
`;

interface Reported {
  file: string;
  range: { start: Position; end: Position };
  severity: Severity;
  code: string;
  message: string;
}

export async function runCheck(args: string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  const parsed = parseArgs(args, ['--json']);
  if (typeof parsed === 'string') {
    io.err(`wit-ls check: ${parsed}\n${USAGE}`);
    return 2;
  }
  const reported: Reported[] = [];
  let ioFailed = false;
  for await (const { loadProblems, problems } of checkPaths(parsed.paths, parsed)) {
    for (const p of loadProblems) {
      ioFailed = true;
      reported.push({
        file: displayPath(p.path), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 'error', code: 'io-error', message: p.message,
      });
    }
    for (const { file, diagnostic: d, severity, lines } of problems) {
      reported.push({ file: displayPath(file), range: { start: lines.positionAt(d.start), end: lines.positionAt(d.end) }, severity, code: d.code, message: d.message });
    }
  }
  if (parsed.switches.has('--json')) io.out(JSON.stringify(reported, null, 2) + '\n');
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
