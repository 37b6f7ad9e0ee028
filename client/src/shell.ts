// Command lines for the shells a task may run in (bash, zsh, sh, fish, PowerShell, cmd): how
// each argument is quoted so that paths with spaces, quotes, `$` and non-ASCII characters reach
// the program unchanged. Pure: the task layer turns the plan into vscode.ShellQuotedString
// values, and the unit tests check the exact lines.
//
// VS Code's own strong quoting only wraps a value in the shell's strong quote and does not
// escape that quote inside it (see `_buildShellCommandLine` in its terminal task system), so an
// argument that contains the strong quote character is pre-quoted here and handed over as a
// plain string, which VS Code passes through untouched because it has no unquoted space.

export type ShellKind = 'bash' | 'zsh' | 'sh' | 'fish' | 'pwsh' | 'cmd';

/** The shell kind from an executable path (`/usr/bin/zsh`, `C:\…\pwsh.exe`); bash when unknown. */
export function shellKindOf(executable: string | undefined, platform: string = process.platform): ShellKind {
  if (!executable) return platform === 'win32' ? 'pwsh' : 'bash';
  const base = executable.replace(/\\/g, '/').split('/').pop()!.toLowerCase().replace(/\.exe$/, '');
  if (base === 'zsh') return 'zsh';
  if (base === 'fish') return 'fish';
  if (base === 'sh' || base === 'dash' || base === 'ash') return 'sh';
  if (base === 'pwsh' || base === 'powershell') return 'pwsh';
  if (base === 'cmd') return 'cmd';
  return 'bash';
}

/** The arguments that make the shell run one command line (what VS Code passes for tasks too). */
export function shellArgsFor(kind: ShellKind): string[] {
  switch (kind) {
    case 'pwsh': return ['-NoProfile', '-Command'];
    case 'cmd': return ['/d', '/c'];
    default: return ['-c'];
  }
}

/** Characters that never need quoting in any supported shell. */
const SAFE = /^[A-Za-z0-9_\-.,/:=@+%]+$/;

/**
 * How one argument is written: `plain` (as is), `strong` (wrapped in the shell's strong quotes,
 * which VS Code does itself for ShellQuoting.Strong), or `literal` (already quoted here).
 */
export interface QuotePlan {
  mode: 'plain' | 'strong' | 'literal';
  /** The text as it appears on the command line. */
  text: string;
}

export function planArg(kind: ShellKind, value: string): QuotePlan {
  // cmd expands %VAR% even inside quotes, so `%` is not safe there.
  if (value !== '' && SAFE.test(value) && !(kind === 'cmd' && value.includes('%'))) return { mode: 'plain', text: value };
  switch (kind) {
    case 'bash':
    case 'zsh':
    case 'sh':
      // Single quotes keep everything literal ($, `, \, !, spaces); a ' ends the quote, is
      // escaped outside it and the quote reopens.
      return value.includes("'") ? { mode: 'literal', text: `'${value.replace(/'/g, `'\\''`)}'` } : { mode: 'strong', text: `'${value}'` };
    case 'fish':
      // In fish single quotes, only \' and \\ are escapes.
      return /['\\]/.test(value) ? { mode: 'literal', text: `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'` } : { mode: 'strong', text: `'${value}'` };
    case 'pwsh':
      // Single-quoted strings are verbatim; a ' is written twice. (Typographic quotes ‘’ also
      // delimit strings in PowerShell and are doubled the same way.)
      return /['\u2018\u2019\u201a\u201b]/.test(value)
        ? { mode: 'literal', text: `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (c) => c + c)}'` }
        : { mode: 'strong', text: `'${value}'` };
    case 'cmd': {
      // Double quotes, with the escaping programs' argv parsing (CommandLineToArgvW) expects:
      // backslashes before a quote are doubled and the quote becomes \". `%` is broken up with
      // ^ outside the quotes so cmd cannot expand a variable from it.
      const needsLiteral = /["%]/.test(value) || /\\$/.test(value);
      if (!needsLiteral) return { mode: 'strong', text: `"${value}"` };
      const escaped = value.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, '$1$1');
      return { mode: 'literal', text: `"${escaped.replace(/%/g, '"^%"')}"` };
    }
  }
}

/**
 * The full command line, joined the way VS Code joins a ShellExecution's command and arguments:
 * PowerShell needs the call operator `&` before a quoted command, and cmd wraps a line whose
 * command and arguments are quoted in one more pair of quotes (cmd /c strips the outer pair).
 */
export function renderCommandLine(kind: ShellKind, argv: string[]): string {
  const plans = argv.map((a) => planArg(kind, a));
  const line = plans.map((p) => p.text).join(' ');
  const commandQuoted = plans[0]?.mode !== 'plain';
  const argsQuoted = plans.slice(1).some((p) => p.mode !== 'plain');
  if (kind === 'pwsh' && commandQuoted) return `& ${line}`;
  if (kind === 'cmd' && commandQuoted && argsQuoted) return `"${line}"`;
  return line;
}

/** One token of a ShellExecution: strong-quoted by VS Code, or passed through as written. */
export interface ShellToken {
  value: string;
  quoting: 'strong' | 'none';
}

/**
 * What to hand to vscode.ShellExecution: command and arguments as ShellQuotedStrings (VS Code
 * joins them into exactly `renderCommandLine`'s line), or, where VS Code's join would not add the
 * `&` / outer quotes that a pre-quoted command needs in PowerShell or cmd, the finished line.
 */
export type ExecutionPlan = { form: 'tokens'; command: ShellToken; args: ShellToken[] } | { form: 'line'; line: string };

export function executionPlan(kind: ShellKind, argv: string[]): ExecutionPlan {
  const plans = argv.map((a) => planArg(kind, a));
  const literalCommand = plans[0]?.mode === 'literal';
  const literalArg = plans.slice(1).some((p) => p.mode === 'literal');
  // VS Code counts only its own (strong) quoting when it decides on `&` and the outer quotes.
  if ((kind === 'pwsh' || kind === 'cmd') && literalCommand) return { form: 'line', line: renderCommandLine(kind, argv) };
  if (kind === 'cmd' && plans[0]?.mode === 'strong' && literalArg && !plans.slice(1).some((p) => p.mode === 'strong')) {
    return { form: 'line', line: renderCommandLine(kind, argv) };
  }
  const token = (p: QuotePlan, value: string): ShellToken => (p.mode === 'strong' ? { value, quoting: 'strong' } : { value: p.text, quoting: 'none' });
  return { form: 'tokens', command: token(plans[0], argv[0]), args: plans.slice(1).map((p, i) => token(p, argv[i + 1])) };
}

/** A command line for display in messages and logs (POSIX quoting, whatever the shell). */
export function displayCommandLine(argv: string[]): string {
  return argv.map((a) => planArg('bash', a).text).join(' ');
}

/**
 * Splits what a user typed as program arguments into words: whitespace separates, "double" and
 * 'single' quotes group (the quotes are removed), a backslash escapes the next character.
 */
export function splitArgs(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < text.length) cur += text[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) out.push(cur);
  return out;
}
