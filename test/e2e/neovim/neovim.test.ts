// Neovim as an independent LSP client of the WIT language server: runs client.lua in headless
// Neovim against `node dist/server.js --stdio` on a broken file of a copy of examples/greeter,
// and asserts on the RESULT lines it prints and its exit code.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { BROKEN_WIT_EXPECTED, BROKEN_WIT_NAME, BROKEN_WIT_TEXT } from '../support/brokenWit';
import { CleanupStack } from '../support/cleanup';
import { makeTempDir } from '../support/emergency';
import { NVIM, PROJECT_ROOT, SERVER_JS } from '../support/env';
import { spawnGroup } from '../support/processes';
import { copyExample } from '../support/workspace';
import { positionOf } from '../../support/positions';

const CLIENT_LUA = join(PROJECT_ROOT, 'test/e2e/neovim/client.lua');

interface NeovimRun {
  exitCode: number;
  output: string;
  /** check name → { ok, detail } from the script's `RESULT <check> ok|fail <detail>` lines. */
  results: Map<string, { ok: boolean; detail: string }>;
}

/** Runs client.lua on `file` with the given checks and their `WIT_NVIM_EXPECT_*` inputs. */
async function runNeovim(root: string, file: string, checks: string[], expect: Record<string, string>, timeoutMs = 30_000): Promise<NeovimRun> {
  const cleanup = new CleanupStack();
  const homeDir = makeTempDir('wit-e2e-nvim-');
  cleanup.push('remove nvim home', () => homeDir.remove());
  const home = homeDir.path;
  try {
    // `-u NONE -i NONE -n`: no user config, no shada, no swap file; the trailing `cq 3` makes a
    // Lua error exit with status 3 instead of leaving Neovim waiting for input.
    const nvim = spawnGroup(NVIM, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${CLIENT_LUA}`, '-c', 'cq 3'], {
      cwd: root,
      env: {
        ...process.env,
        XDG_CONFIG_HOME: join(home, 'config'),
        XDG_DATA_HOME: join(home, 'data'),
        XDG_STATE_HOME: join(home, 'state'),
        XDG_CACHE_HOME: join(home, 'cache'),
        WIT_NVIM_NODE: process.execPath,
        WIT_NVIM_SERVER: SERVER_JS,
        WIT_NVIM_ROOT: root,
        WIT_NVIM_FILE: file,
        WIT_NVIM_CHECKS: checks.join(','),
        WIT_NVIM_TIMEOUT_MS: '10000',
        ...expect,
      },
    });
    cleanup.push('stop nvim', () => nvim.stop());
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`nvim did not exit within ${timeoutMs} ms:\n${nvim.output()}`)), timeoutMs);
    });
    const exitCode = await Promise.race([nvim.exited, timedOut]).finally(() => clearTimeout(timer));
    const output = nvim.output();
    const results = new Map<string, { ok: boolean; detail: string }>();
    for (const match of output.matchAll(/^RESULT (\S+) (ok|fail) ?(.*)$/gm)) {
      results.set(match[1], { ok: match[2] === 'ok', detail: match[3] });
    }
    return { exitCode, output, results };
  } finally {
    await cleanup.run();
  }
}

test('Neovim receives the syntax error of a broken .wit file from the server', { timeout: 60_000 }, async (t) => {
  assert.ok(existsSync(NVIM), `${NVIM} is missing: run \`bash scripts/setup-test-env.sh\``);
  assert.ok(existsSync(SERVER_JS), `${SERVER_JS} is missing: run \`npm run build\``);
  const workspace = copyExample('greeter');
  t.after(() => workspace.remove());
  const file = workspace.write(`wit/${BROKEN_WIT_NAME}`, BROKEN_WIT_TEXT);

  const run = await runNeovim(workspace.root, file, ['diagnostics'], {
    WIT_NVIM_EXPECT_MESSAGE: BROKEN_WIT_EXPECTED.messageIncludes,
    WIT_NVIM_EXPECT_SOURCE: BROKEN_WIT_EXPECTED.source,
  });
  t.diagnostic(run.output.trim());

  assert.equal(run.results.get('start')?.ok, true, `the server did not start in Neovim:\n${run.output}`);
  const diagnostics = run.results.get('diagnostics');
  assert.ok(diagnostics, `client.lua printed no diagnostics result:\n${run.output}`);
  assert.ok(diagnostics.ok, `diagnostics check failed: ${diagnostics.detail}`);
  assert.ok(diagnostics.detail.includes(BROKEN_WIT_EXPECTED.messageIncludes), diagnostics.detail);
  assert.ok(diagnostics.detail.includes(`[${BROKEN_WIT_EXPECTED.source}/${BROKEN_WIT_EXPECTED.code}]`), diagnostics.detail);
  assert.equal(run.exitCode, 0, `nvim exited with ${run.exitCode}:\n${run.output}`);
});

/** The 0-based `line:character` of the `occurrence`-th (0-based) match of `needle` in `text`, plus `shift` characters. */
function lineCharacterOf(text: string, needle: string, shift = 0, occurrence = 0): string {
  const { line, character } = positionOf(text, needle, occurrence, shift);
  return `${line}:${character}`;
}

test('Neovim gets hover, definition in deps/, references, completion and formatting from the server', { timeout: 90_000 }, async (t) => {
  assert.ok(existsSync(NVIM), `${NVIM} is missing: run \`bash scripts/setup-test-env.sh\``);
  assert.ok(existsSync(SERVER_JS), `${SERVER_JS} is missing: run \`npm run build\``);
  const workspace = copyExample('greeter');
  t.after(() => workspace.remove());
  const file = join(workspace.root, 'wit/greetings.wit');
  const text = readFileSync(file, 'utf8');
  // `level` in `set-log-threshold: func(threshold: level)` names an enum of a package in wit/deps/.
  const levelUse = lineCharacterOf(text, 'threshold: level', 'threshold: '.length + 1);
  // `person` in `greet: func(who: person)` names a record of this file; references span methods.
  const personUse = lineCharacterOf(text, 'who: person', 'who: '.length + 1);
  // Inside `hello: func(name: string)`, at the start of `string`, where any type may be written.
  const typeSlot = lineCharacterOf(text, 'hello: func(name: string)', 'hello: func(name: '.length);

  const run = await runNeovim(workspace.root, file, ['hover', 'definition', 'references', 'completion'], {
    WIT_NVIM_HOVER_AT: levelUse,
    WIT_NVIM_EXPECT_HOVER: 'How severe a message is',
    WIT_NVIM_DEFINITION_AT: levelUse,
    WIT_NVIM_EXPECT_DEFINITION: 'deps/logging/logging.wit:6:',
    WIT_NVIM_REFERENCES_AT: personUse,
    WIT_NVIM_COMPLETION_AT: typeSlot,
    WIT_NVIM_EXPECT_COMPLETION: 'person,tone,greeter,string,list<T>',
  });
  t.diagnostic(run.output.trim());
  assert.equal(run.results.get('start')?.ok, true, `the server did not start in Neovim:\n${run.output}`);
  for (const check of ['hover', 'definition', 'references', 'completion']) {
    const result = run.results.get(check);
    assert.ok(result, `client.lua printed no ${check} result:\n${run.output}`);
    assert.ok(result.ok, `${check} check failed: ${result.detail}`);
  }
  assert.match(run.results.get('references')!.detail, /^[3-9] reference\(s\) in greetings\.wit$/);
  assert.equal(run.exitCode, 0, `nvim exited with ${run.exitCode}:\n${run.output}`);
});

test('Neovim formats a messy .wit buffer with the server formatter', { timeout: 60_000 }, async (t) => {
  assert.ok(existsSync(NVIM), `${NVIM} is missing: run \`bash scripts/setup-test-env.sh\``);
  const workspace = copyExample('greeter');
  t.after(() => workspace.remove());
  const messy = 'package example:greeter@0.1.0;\ninterface  tidy{\n  /// Docs stay.\n  f:func( a:u32 )->string;\n   record r{x:u8,y:u8}\n}\n';
  const formatted =
    'package example:greeter@0.1.0;\n\ninterface tidy {\n    /// Docs stay.\n    f: func(a: u32) -> string;\n\n    record r {\n        x: u8,\n        y: u8,\n    }\n}\n';
  const file = workspace.write('wit/tidy.wit', messy);
  const run = await runNeovim(workspace.root, file, ['formatting'], { WIT_NVIM_EXPECT_FORMATTED: formatted });
  t.diagnostic(run.output.trim());
  const result = run.results.get('formatting');
  assert.ok(result, `client.lua printed no formatting result:\n${run.output}`);
  assert.ok(result.ok, `formatting check failed: ${result.detail}`);
  assert.equal(run.exitCode, 0, `nvim exited with ${run.exitCode}:\n${run.output}`);
});
