// Command-line quoting per shell: the exact lines for paths with spaces, quotes, `$` and
// non-ASCII characters; that the ShellQuotedString plan VS Code receives joins into the same
// line (VS Code's join rules re-stated below); and, for the shells installed here (bash, sh,
// zsh, fish), that running the line hands the program exactly the intended arguments.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import {
  displayCommandLine, executionPlan, planArg, renderCommandLine, shellArgsFor, shellKindOf, splitArgs,
  type ExecutionPlan, type ShellKind,
} from '../../../client/src/shell';

/** A path with spaces, both quote kinds, `$`, a backtick and non-ASCII letters. */
const NASTY = `/home/ana/my project/it's "quoted" $HOME \`x\`/ünï cødé/app.js`;
const WITH_SPACES = '/home/ana/my project/app.js';

test('shell kinds from executable paths', () => {
  assert.equal(shellKindOf('/bin/bash', 'linux'), 'bash');
  assert.equal(shellKindOf('/usr/bin/zsh', 'darwin'), 'zsh');
  assert.equal(shellKindOf('/usr/local/bin/fish', 'linux'), 'fish');
  assert.equal(shellKindOf('/bin/sh', 'linux'), 'sh');
  assert.equal(shellKindOf('C:\\Program Files\\PowerShell\\7\\pwsh.exe', 'win32'), 'pwsh');
  assert.equal(shellKindOf('C:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'win32'), 'pwsh');
  assert.equal(shellKindOf('C:\\Windows\\System32\\cmd.exe', 'win32'), 'cmd');
  assert.equal(shellKindOf(undefined, 'win32'), 'pwsh');
  assert.equal(shellKindOf(undefined, 'linux'), 'bash');
  assert.deepEqual(shellArgsFor('cmd'), ['/d', '/c']);
  assert.deepEqual(shellArgsFor('pwsh'), ['-NoProfile', '-Command']);
});

test('safe words stay bare; everything else is quoted', () => {
  for (const kind of ['bash', 'zsh', 'sh', 'fish', 'pwsh', 'cmd'] as ShellKind[]) {
    assert.deepEqual(planArg(kind, '--world-name'), { mode: 'plain', text: '--world-name' });
    assert.deepEqual(planArg(kind, 'wit/deps'), { mode: 'plain', text: 'wit/deps' });
    assert.notEqual(planArg(kind, '').mode, 'plain', 'an empty argument must be quoted to survive');
  }
  // cmd expands %VAR% even inside quotes; elsewhere % is an ordinary character.
  assert.equal(planArg('cmd', '100%').mode, 'literal');
  assert.equal(planArg('bash', '100%').mode, 'plain');
});

const ARGV = ['jco', 'componentize', NASTY, '--wit', '/home/ana/my project/wit', '--world-name', 'greeter-app', '-o', 'out dir/app.wasm'];

test('bash and zsh: single quotes, with \'\\\'\' for an embedded quote', () => {
  const expected = `jco componentize '/home/ana/my project/it'\\''s "quoted" $HOME \`x\`/ünï cødé/app.js' --wit '/home/ana/my project/wit' --world-name greeter-app -o 'out dir/app.wasm'`;
  assert.equal(renderCommandLine('bash', ARGV), expected);
  assert.equal(renderCommandLine('zsh', ARGV), expected);
  assert.equal(renderCommandLine('sh', ARGV), expected);
});

test('fish: single quotes with backslash escapes', () => {
  assert.equal(
    renderCommandLine('fish', ['cargo', 'build', `--manifest-path=/a b/it's\\x`]),
    `cargo build '--manifest-path=/a b/it\\'s\\\\x'`,
  );
});

test('PowerShell: single quotes doubled, & before a quoted command', () => {
  assert.equal(
    renderCommandLine('pwsh', ARGV),
    `jco componentize '/home/ana/my project/it''s "quoted" $HOME \`x\`/ünï cødé/app.js' --wit '/home/ana/my project/wit' --world-name greeter-app -o 'out dir/app.wasm'`,
  );
  assert.equal(
    renderCommandLine('pwsh', ['C:\\Program Files\\wasmtime\\wasmtime.exe', 'run', 'C:\\Users\\Ana\\my app\\app.wasm']),
    `& 'C:\\Program Files\\wasmtime\\wasmtime.exe' run 'C:\\Users\\Ana\\my app\\app.wasm'`,
  );
});

test('cmd: double quotes, \\" for embedded quotes, % kept out of variable expansion, outer quotes when the command is quoted', () => {
  assert.equal(
    renderCommandLine('cmd', ['wac', 'plug', 'C:\\my dir\\socket.wasm', '--plug', 'C:\\my dir\\say "hi".wasm', '-o', 'C:\\100% done\\out.wasm']),
    `wac plug "C:\\my dir\\socket.wasm" --plug "C:\\my dir\\say \\"hi\\".wasm" -o "C:\\100"^%" done\\out.wasm"`,
  );
  assert.equal(
    renderCommandLine('cmd', ['C:\\Program Files\\wac\\wac.exe', 'plug', 'C:\\my dir\\a.wasm']),
    `""C:\\Program Files\\wac\\wac.exe" plug "C:\\my dir\\a.wasm""`,
  );
  // A trailing backslash would escape the closing quote for CommandLineToArgvW: it is doubled.
  assert.equal(renderCommandLine('cmd', ['jco', 'types', 'C:\\my wit\\']), `jco types "C:\\my wit\\\\"`);
});

/**
 * VS Code's join of a ShellExecution's command and ShellQuotedString arguments, as its terminal
 * task system does it: strong quoting wraps in the shell's strong quote without escaping; a
 * plain string is used as is when it has no unquoted space; PowerShell gets `& ` and cmd outer
 * quotes only when VS Code itself quoted the command (and, for cmd, an argument).
 */
function vscodeJoin(kind: ShellKind, plan: ExecutionPlan): string {
  if (plan.form === 'line') return plan.line;
  const strong = kind === 'cmd' ? '"' : "'";
  const one = (t: { value: string; quoting: string }): [string, boolean] => (t.quoting === 'strong' ? [strong + t.value + strong, true] : [t.value, false]);
  const [cmd, cmdQuoted] = one(plan.command);
  const args = plan.args.map(one);
  let line = [cmd, ...args.map((a) => a[0])].join(' ');
  if (kind === 'cmd' && cmdQuoted && args.some((a) => a[1])) line = `"${line}"`;
  if (kind === 'pwsh' && cmdQuoted) line = `& ${line}`;
  return line;
}

test('the ShellQuotedString plan joins into the same line VS Code will run', () => {
  const cases: string[][] = [
    ARGV,
    ['C:\\Program Files\\wasmtime\\wasmtime.exe', 'run', '--invoke', `greet("it's me")`, 'C:\\my app\\app.wasm'],
    ['C:\\it\'s\\jco.cmd', 'run', 'a b.wasm'],
    ['C:\\Program Files\\wac.exe', 'compose', 'C:\\100% done\\x.wac'],
    ['cargo', 'component', 'build', '--release'],
  ];
  for (const kind of ['bash', 'zsh', 'sh', 'fish', 'pwsh', 'cmd'] as ShellKind[]) {
    for (const argv of cases) assert.equal(vscodeJoin(kind, executionPlan(kind, argv)), renderCommandLine(kind, argv), `${kind}: ${argv.join(' | ')}`);
  }
  // Arguments that need no help from us are left to VS Code's own strong quoting.
  const plan = executionPlan('bash', ['wasmtime', 'run', WITH_SPACES]);
  assert.deepEqual(plan, { form: 'tokens', command: { value: 'wasmtime', quoting: 'none' }, args: [{ value: 'run', quoting: 'none' }, { value: WITH_SPACES, quoting: 'strong' }] });
});

/** Runs `line` in a real shell and returns the argv a program (node) received. */
function argvThroughShell(shell: string, kind: ShellKind, argv: string[]): string[] {
  const printer = [process.execPath, '-e', 'process.stdout.write(JSON.stringify(process.argv.slice(1)))'];
  const line = renderCommandLine(kind, [...printer, ...argv]);
  const r = spawnSync(shell, [...shellArgsFor(kind), line], { encoding: 'utf8', env: { ...process.env, HOME: '/nonexistent-home' } });
  assert.equal(r.status, 0, `${shell} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

for (const [shell, kind] of [['/bin/bash', 'bash'], ['/bin/sh', 'sh'], ['/usr/bin/zsh', 'zsh'], ['/usr/bin/fish', 'fish']] as const) {
  test(`${kind} hands the program exactly the arguments (executed)`, { skip: existsSync(shell) ? false : `${shell} is not installed` }, () => {
    const args = [NASTY, WITH_SPACES, '', 'plain', `a'b"c$d\`e\\f!g*h?i[j]k{l}m;n&o|p<q>r~s#t%u^v`, 'emoji 🦀 ünï', '$(echo pwned)'];
    assert.deepEqual(argvThroughShell(shell, kind, args), args);
  });
}

test('display lines use POSIX quoting', () => {
  assert.equal(displayCommandLine(['wasmtime', 'run', WITH_SPACES]), `wasmtime run '${WITH_SPACES}'`);
});

test('typed program arguments are split like a shell would, quotes removed', () => {
  assert.deepEqual(splitArgs(''), []);
  assert.deepEqual(splitArgs('  a   b '), ['a', 'b']);
  assert.deepEqual(splitArgs(`"my file.txt" 'it''s' x\\ y ""`), ['my file.txt', 'its', 'x y', '']);
  assert.deepEqual(splitArgs('--name="Ada Lovelace" -v'), ['--name=Ada Lovelace', '-v']);
});
