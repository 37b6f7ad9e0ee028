// `wit-ls fmt [--check] PATH...`: formats .wit files in place (a folder means every .wit file
// under it), or with --check lists the files that would change; files with syntax errors are
// reported and left alone. Exit status: 0 fine, 1 files need formatting or have errors, 2 usage
// errors or unreadable paths.

import { readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CANONICAL_OPTIONS, formatText } from '../ide/formatting';
import { parse, syntaxErrors } from '../syntax';
import { LineIndex } from '../lsp/lineIndex';
import { errnoReason, readTextFileSync } from '../node/fileSystem';

export interface FmtIo {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = `usage: wit-ls fmt [--check] PATH...
  Formats WIT files in the canonical style (2-space indentation, as wasm-tools prints WIT).
  PATH is a .wit file or a folder (every .wit file under it, deps/ included).
  --check  change nothing; list the files that would change and exit 1 if there are any
`;

export async function runFmt(args: string[], io: FmtIo): Promise<number> {
  let check = false;
  const paths: string[] = [];
  let optionsDone = false;
  for (const arg of args) {
    if (!optionsDone && arg === '--') optionsDone = true;
    else if (!optionsDone && arg === '--check') check = true;
    else if (!optionsDone && (arg === '--help' || arg === '-h')) {
      io.out(USAGE);
      return 0;
    } else if (!optionsDone && arg.startsWith('-') && arg !== '-') {
      io.err(`wit-ls fmt: unknown option '${arg}'\n${USAGE}`);
      return 2;
    } else paths.push(arg);
  }
  if (paths.length === 0) {
    io.err(`wit-ls fmt: no PATH given\n${USAGE}`);
    return 2;
  }

  let status = 0;
  const worse = (s: number) => (status = Math.max(status, s));
  let changed = 0;
  let total = 0;
  for (const path of paths) {
    let files: string[];
    try {
      if (statSync(path).isDirectory()) {
        const skipped: string[] = [];
        files = witFilesUnder(path, skipped);
        for (const message of skipped) io.err(`wit-ls fmt: ${message}\n`);
        if (skipped.length) worse(2);
      } else files = [path];
    } catch (e) {
      io.err(`wit-ls fmt: cannot read '${path}': ${errnoReason(e)}\n`);
      worse(2);
      continue;
    }
    for (const file of files) {
      let text: string;
      try {
        // Only regular UTF-8 files: a named pipe would block, and a file decoded with
        // replacement characters would be written back without its original bytes.
        text = readTextFileSync(file);
      } catch (e) {
        io.err(`wit-ls fmt: ${errnoReason(e)}\n`);
        worse(2);
        continue;
      }
      total++;
      const tree = parse(text);
      const errors = syntaxErrors(tree);
      if (errors.length > 0) {
        const lines = new LineIndex(text);
        for (const d of errors) {
          const { line, character } = lines.positionAt(d.start);
          io.err(`${file}:${line + 1}:${character + 1}: error [${d.code}]: ${d.message}\n`);
        }
        worse(1);
        continue;
      }
      const formatted = formatText(tree, CANONICAL_OPTIONS);
      if (formatted === undefined) {
        io.err(`${file}: error: the formatter's own check failed, so the file was left as it is (please report this)\n`);
        worse(1);
        continue;
      }
      if (formatted === text) continue;
      changed++;
      if (check) {
        io.out(`${file}\n${firstDifference(text, formatted)}`);
        worse(1);
        continue;
      }
      try {
        writeFileSync(file, formatted);
        io.out(`${file}\n`);
      } catch (e) {
        io.err(`wit-ls fmt: cannot write '${file}': ${errnoReason(e)}\n`);
        worse(2);
      }
    }
  }
  if (check && changed > 0) {
    io.err(`${changed} of ${total} file${total === 1 ? '' : 's'} would be reformatted\n`);
  }
  return status;
}

/**
 * Every .wit file under a folder, sorted, at any depth (deps/ included). A folder that contains
 * itself through a symlink (a deps/ loop) is walked once, and an entry that cannot be looked at
 * is left out; both are added to `skipped` as messages, so that the rest is still formatted.
 */
function witFilesUnder(dir: string, skipped: string[], open = new Set<string>([realpathSync(dir)])): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (e) {
      if (name.endsWith('.wit')) skipped.push(`cannot read '${path}': ${errnoReason(e)}`);
      continue;
    }
    if (isDirectory) {
      const real = realpathSync(path);
      if (open.has(real)) {
        skipped.push(`skipped '${path}': a symlink to ${real}, which contains it (a symlink loop)`);
        continue;
      }
      open.add(real);
      try {
        out.push(...witFilesUnder(path, skipped, open));
      } catch (e) {
        skipped.push(`cannot read '${path}': ${errnoReason(e)}`);
      }
      open.delete(real);
    } else if (name.endsWith('.wit')) out.push(path);
  }
  return out;
}

/** A two-line hint showing the first line that formatting changes. */
function firstDifference(before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const show = (s: string | undefined) => (s === undefined ? '(end of file)' : visible(s));
  return `  line ${i + 1}:\n  - ${show(a[i])}\n  + ${show(b[i])}\n`;
}

/** Makes tabs, trailing spaces and carriage returns visible, since they are what often differs. */
function visible(line: string): string {
  const body = line.replace(/\r$/, '');
  const trailing = body.length - body.trimEnd().length;
  const shown = body.slice(0, body.length - trailing) + '·'.repeat(trailing);
  return (shown.replace(/\t/g, '→') + (line.endsWith('\r') ? '␍' : '')) || '(empty line)';
}
