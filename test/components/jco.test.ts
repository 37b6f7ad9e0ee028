// The component workflow for real, with jco (the one toolchain installable here): components are
// built from examples/greeter and test/data/components with `jco componentize` (cached under
// .cache/components/ by input hash), run with `jco run`, served with `jco serve` and fetched,
// decoded by our own decoder (checked against jco's `componentWit` and our checker), and
// composed on paper with the composition check. Commands run through the same argument vectors
// and shell quoting the extension uses, from folders whose names have spaces and quotes.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { runJob, serveJob, typesJob, type ToolCommands } from '../../client/src/commandLines';
import { renderCommandLine } from '../../client/src/shell';
import { inspectWasm } from '../../client/src/wasm/inspect';
import { checkUnit } from '../../server/src/semantics/check';
import { checkComposition } from '../../server/src/semantics/composition';
import { NO_FEATURES } from '../../server/src/semantics/gates';
import { SourceCache } from '../../server/src/semantics/sources';
import { freePort } from '../e2e/support/codeServer';
import { PROJECT_ROOT } from '../e2e/support/env';
import { spawnGroup } from '../e2e/support/processes';
import { builtComponent, COMPONENTS, JCO_CLI, jcoMissing, type ComponentSpec } from '../support/components';

const skip = jcoMissing();
const JCO_TOOLS = { jco: ['node', JCO_CLI] } as ToolCommands;

/** A scratch folder whose path has a space, both quotes, `$` and non-ASCII letters. */
function nastyDir(): { dir: string; remove(): void } {
  const parent = mkdtempSync(join(tmpdir(), 'wit-components-'));
  const dir = join(parent, `it's a "demo" $HOME ünï`);
  mkdirSync(dir, { recursive: true });
  return { dir, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

/** Runs the job's command line in bash, as the task would, and returns the output. */
function runInBash(argv: string[], cwd: string, timeoutMs = 120_000): { code: number | null; out: string } {
  const line = renderCommandLine('bash', argv);
  const r = spawnSync('bash', ['-c', line], { cwd, encoding: 'utf8', timeout: timeoutMs });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

async function component(t: TestContext, spec: ComponentSpec): Promise<string> {
  const r = await builtComponent(spec);
  t.diagnostic(`${spec.name}: ${r.built ? `built with jco componentize in ${(r.ms / 1000).toFixed(1)} s` : 'from the cache'} (${r.path})`);
  return r.path;
}

function witOf(path: string): string {
  const r = inspectWasm(new Uint8Array(readFileSync(path)));
  assert.equal(r.kind, 'component', r.kind === 'error' ? r.message : r.kind);
  return (r as { wit: string }).wit;
}

/** The `import …;` / `export …;` lines of world `root` (name only), from any WIT printer. */
function worldItems(wit: string): string[] {
  const world = /world root \{([\s\S]*?)\n\}/.exec(wit)?.[1] ?? '';
  return [...world.matchAll(/^\s*(import|export) ([^\s:;]+(?::[^\s;:]+)?(?:\/[^\s;]+)?)[;:]/gm)].map((m) => `${m[1]} ${m[2]}`).sort();
}

test('jco componentize builds the greeter example and `jco run` runs its command world', { skip, timeout: 600_000 }, async (t) => {
  const wasm = await component(t, COMPONENTS.greeterCli);
  const scratch = nastyDir();
  t.after(() => scratch.remove());
  copyFileSync(wasm, join(scratch.dir, 'greeter cli.wasm'));
  const job = runJob(JCO_TOOLS, { runtime: 'jco', cwd: scratch.dir, component: join(scratch.dir, 'greeter cli.wasm') });
  const started = Date.now();
  const r = runInBash(job.argv, job.cwd);
  t.diagnostic(`jco run: ${Date.now() - started} ms`);
  assert.equal(r.code, 0, r.out);
  assert.deepEqual(r.out.trim().split('\n'), [
    '[casual] Hi, Ada!',
    '[casual] Hi, Grace!',
    '[formal] Good day, Countess Ada.',
    '[formal] Good day, Grace.',
    '[cheerful] Hey Ada, great to see you!',
    '[cheerful] Hey Grace, great to see you!',
  ]);
});

test('`jco serve` serves an HTTP component on 127.0.0.1 and answers a request', { skip, timeout: 600_000 }, async (t) => {
  const wasm = await component(t, COMPONENTS.helloHttp);
  const scratch = nastyDir();
  t.after(() => scratch.remove());
  copyFileSync(wasm, join(scratch.dir, 'hello http.wasm'));
  const port = await freePort();
  const job = serveJob(JCO_TOOLS, { runtime: 'jco', cwd: scratch.dir, component: join(scratch.dir, 'hello http.wasm'), port });
  // jco serve leaves a listening child when only its own PID is killed: own process group, stopped whole.
  const proc = spawnGroup('bash', ['-c', renderCommandLine('bash', job.argv)], { cwd: job.cwd });
  t.after(() => proc.stop());
  let exitCode: number | undefined;
  void proc.exited.then((code) => (exitCode = code));
  const started = Date.now();
  let answer: { status: number; body: string } | undefined;
  while (Date.now() - started < 60_000) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/greet/ünï`, { signal: AbortSignal.timeout(2000) });
      answer = { status: res.status, body: await res.text() };
      break;
    } catch {
      // Not listening yet (a network error or a timed-out request): ask again while jco serve runs.
      if (exitCode !== undefined) assert.fail(`jco serve exited with ${exitCode}:\n${proc.output()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  t.diagnostic(`jco serve answered after ${Date.now() - started} ms on port ${port}`);
  assert.ok(answer, `jco serve did not answer within 60 s:\n${proc.output()}`);
  assert.equal(answer.status, 200, proc.output());
  assert.equal(answer.body, `hello from a component at /greet/%C3%BCn%C3%AF\n`, proc.output());
  await proc.stop();
  await assert.rejects(fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) }), 'nothing listens after the group is killed');
});

test("our decoder reads every built component: same world as jco's componentWit, and the full WIT checks clean", { skip, timeout: 900_000 }, async (t) => {
  const { componentWit } = (await import('@bytecodealliance/jco-transpile/wasm-tools' as string)) as { componentWit(b: Uint8Array): Promise<string> };
  for (const spec of Object.values(COMPONENTS)) {
    const path = await component(t, spec);
    const bytes = new Uint8Array(readFileSync(path));
    const started = performance.now();
    const ours = witOf(path);
    const decodeMs = performance.now() - started;
    const theirs = await componentWit(bytes);
    assert.deepEqual(worldItems(ours), worldItems(theirs), `${spec.name}: world items differ`);
    const file = new SourceCache().get(`/${spec.name}.wit`, ours);
    const { diagnostics } = checkUnit({ root: file.path, main: [file], deps: [] }, NO_FEATURES);
    assert.deepEqual([...diagnostics.values()].flat().map((d) => d.message), [], `${spec.name}: our WIT does not check clean`);
    const packages = (ours.match(/^package /gm) ?? []).length;
    t.diagnostic(`${spec.name}: ${(bytes.length / 1e6).toFixed(1)} MB decoded in ${decodeMs.toFixed(0)} ms; ${worldItems(ours).length} world items, ${packages} packages, ${ours.split('\n').length} lines of WIT`);
  }
});

test('the greeter as printed from its binary has the example\'s interface, resource and all', { skip, timeout: 600_000 }, async (t) => {
  const wit = witOf(await component(t, COMPONENTS.greeterApp));
  assert.match(wit, /export example:greeter\/greetings@0\.1\.0;/);
  assert.match(wit, /import example:logging\/logger@0\.1\.0;/);
  for (const line of [
    'use example:logging/logger@0.1.0.{level};',
    'resource greeter {',
    'constructor(tone: tone);',
    'greet-all: func(people: list<person>) -> result<list<string>, greeting-error>;',
    'casual: static func() -> greeter;',
    'set-log-threshold: func(threshold: level);',
  ]) {
    assert.ok(wit.includes(line), `missing: ${line}`);
  }
});

test('composition check on real components: the logger plug fits the greeter, the mismatching one does not', { skip, timeout: 900_000 }, async (t) => {
  const socket = { name: 'greeter-app.wasm', wit: witOf(await component(t, COMPONENTS.greeterApp)) };
  const fits = checkComposition({ socket, plugs: [{ name: 'logger-plug.wasm', wit: witOf(await component(t, COMPONENTS.loggerPlug)) }] });
  assert.equal(fits.ok, true, JSON.stringify(fits.issues));
  assert.deepEqual(fits.matches, [{ plug: 'logger-plug.wasm', name: 'example:logging/logger@0.1.0', kind: 'interface', fits: true }]);
  assert.ok(!fits.unsatisfied.includes('example:logging/logger@0.1.0'));

  const bad = checkComposition({ socket, plugs: [{ name: 'logger-mismatch.wasm', wit: witOf(await component(t, COMPONENTS.loggerMismatch)) }] });
  assert.equal(bad.ok, false);
  assert.deepEqual(
    bad.issues.map((i) => [i.interface, i.item, i.message]),
    [
      ['example:logging/logger@0.1.0', 'level', "example:logging/logger@0.1.0: type `level`: enum `level` has cases (trace, debug, info, warn, error) in the socket's import, (debug, info, warn, error) in logger-mismatch.wasm's export"],
      ['example:logging/logger@0.1.0', 'log', 'example:logging/logger@0.1.0: function `log`: the socket expects 3 parameter(s) (level, context, message), logger-mismatch.wasm exports it with 2 (level, message)'],
    ],
  );
});

test('`jco types` writes TypeScript declarations for the greeter, through a folder with spaces and quotes', { skip, timeout: 120_000 }, (t) => {
  const scratch = nastyDir();
  t.after(() => scratch.remove());
  cpSync(join(PROJECT_ROOT, 'examples/greeter/wit'), join(scratch.dir, 'my wit'), { recursive: true });
  const job = typesJob(JCO_TOOLS, { cwd: scratch.dir, witDir: join(scratch.dir, 'my wit'), world: 'greeter-app', outDir: join(scratch.dir, `it's types`) });
  const r = runInBash(job.argv, job.cwd);
  assert.equal(r.code, 0, r.out);
  const out = join(scratch.dir, `it's types`);
  assert.ok(existsSync(join(out, 'greeter-app.d.ts')), readdirSync(out).join(', '));
  const iface = readFileSync(join(out, 'interfaces/example-greeter-greetings.d.ts'), 'utf8');
  assert.match(iface, /export function hello\(name: string\): string;/);
});
