// The problem matchers package.json contributes, run the way VS Code runs a multi-line matcher
// (pattern i on consecutive line i) over output the tools print.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

interface Pattern {
  regexp: string;
  file?: number;
  line?: number;
  column?: number;
  message?: number;
  code?: number;
  severity?: number;
  kind?: string;
}

const manifest = JSON.parse(readFileSync(join(__dirname, '../../../../../package.json'), 'utf8'));
const matchers: { name: string; pattern: Pattern[] }[] = manifest.contributes.problemMatchers;

function run(name: string, output: string): Record<string, string | undefined>[] {
  const m = matchers.find((x) => x.name === name);
  assert.ok(m, `no problem matcher ${name}`);
  const lines = output.split('\n');
  const found: Record<string, string | undefined>[] = [];
  for (let i = 0; i + m.pattern.length <= lines.length; i++) {
    const problem: Record<string, string | undefined> = {};
    let ok = true;
    m.pattern.forEach((p, k) => {
      const match = ok ? new RegExp(p.regexp).exec(lines[i + k]) : null;
      if (!match) return (ok = false);
      for (const key of ['file', 'line', 'column', 'message', 'code', 'severity'] as const) if (p[key] !== undefined) problem[key] = match[p[key]!];
    });
    if (ok) found.push(problem);
  }
  return found;
}

test('cargo / rustc errors and warnings with their location', () => {
  const out = [
    '   Compiling my-comp v0.1.0 (/home/ana/my comp)',
    'error[E0425]: cannot find value `x` in this scope',
    ' --> src/lib.rs:3:5',
    '  |',
    'warning: unused variable: `y`',
    '  --> src/bindings.rs:10:9',
  ].join('\n');
  assert.deepEqual(run('wit-cargo', out), [
    { severity: 'error', code: 'E0425', message: 'cannot find value `x` in this scope', file: 'src/lib.rs', line: '3', column: '5' },
    { severity: 'warning', code: undefined, message: 'unused variable: `y`', file: 'src/bindings.rs', line: '10', column: '9' },
  ]);
});

test('wit-parser errors as wasm-tools, wac and componentize-py print them', () => {
  const out = [
    'error: failed to parse package: wit',
    '',
    'Caused by:',
    '    expected `;`, found `}`',
    '         --> wit/world.wit:5:1',
    '          |',
    '        5 | }',
    '          | ^',
  ].join('\n');
  assert.deepEqual(run('wit-wasm-tools', out), [{ message: 'expected `;`, found `}`', file: 'wit/world.wit', line: '5', column: '1' }]);
});

test('jco: a WIT package that does not parse is reported on its folder', () => {
  const out = '(jco componentize) ComponentError: failed to parse package: /home/ana/my app/wit\n    at fn (file:///x.js:1:1)';
  assert.deepEqual(run('wit-jco', out), [{ code: 'componentize', message: 'failed to parse package: /home/ana/my app/wit', file: '/home/ana/my app/wit' }]);
  assert.deepEqual(run('wit-jco', '(jco componentize) Error: failed to parse JS source, encountered [1] errors'), []);
});
