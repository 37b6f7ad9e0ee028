// Builds the components the tests run, serve, inspect and compose, with `jco componentize`, and
// caches each under .cache/components/ keyed by a hash of its inputs (sources, WIT, world, jco's
// version): a componentize run takes 6-80 s and ~800 MB, so it happens only when inputs change.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../e2e/support/env';

const JCO_PACKAGE = join(PROJECT_ROOT, 'node_modules/@bytecodealliance/jco');
export const JCO_CLI = join(JCO_PACKAGE, 'dist/jco.js');
const COMPONENT_CACHE = join(PROJECT_ROOT, '.cache/components');

export interface ComponentSpec {
  /** Names the cached file. */
  name: string;
  /** Folder with the entry and `wit/`. */
  sourceDir: string;
  entry: string;
  world: string;
  /** Copy jco's bundled WASI 0.2.12 packages into `wit/deps/` before building. */
  wasiDeps?: boolean;
}

const data = (name: string) => join(PROJECT_ROOT, 'test/data/components', name);

export const COMPONENTS = {
  /** examples/greeter's `greeter-app`: imports the logger, exports greetings (the composition socket). */
  greeterApp: { name: 'greeter-app', sourceDir: join(PROJECT_ROOT, 'examples/greeter'), entry: 'app.js', world: 'greeter-app' },
  /** examples/greeter's `greeter-cli`: a wasi:cli command (what `jco run` starts). */
  greeterCli: { name: 'greeter-cli', sourceDir: join(PROJECT_ROOT, 'examples/greeter'), entry: 'greeter-cli.js', world: 'greeter-cli' },
  loggerPlug: { name: 'logger-plug', sourceDir: data('logger-plug'), entry: 'logger.js', world: 'logger-plug' },
  loggerMismatch: { name: 'logger-mismatch', sourceDir: data('logger-mismatch'), entry: 'logger.js', world: 'logger-mismatch' },
  helloHttp: { name: 'hello-http', sourceDir: data('hello-http'), entry: 'handler.js', world: 'hello-http', wasiDeps: true },
} satisfies Record<string, ComponentSpec>;

function jcoVersion(): string | undefined {
  try {
    return JSON.parse(readFileSync(join(JCO_PACKAGE, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** Why the jco-based tests cannot run, or undefined when they can. */
export function jcoMissing(): string | undefined {
  return existsSync(JCO_CLI) ? undefined : `@bytecodealliance/jco is not installed (${JCO_CLI}): run \`npm install\``;
}

function filesUnder(dir: string, root = dir, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name.endsWith('.wasm') || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) filesUnder(path, root, out);
    else out.push(relative(root, path));
  }
  return out;
}

/** The inputs that decide the component's bytes: the entry, every WIT file, the world, jco. */
function inputHash(spec: ComponentSpec): string {
  const h = createHash('sha256');
  h.update(`jco ${jcoVersion()}\nworld ${spec.world}\nentry ${spec.entry}\nwasi ${!!spec.wasiDeps}\n`);
  const inputs = [spec.entry, ...filesUnder(join(spec.sourceDir, 'wit')).map((f) => join('wit', f))];
  for (const f of inputs) {
    h.update(`${f}\n`);
    h.update(readFileSync(join(spec.sourceDir, f)));
  }
  return h.digest('hex').slice(0, 16);
}

/** jco's bundled WASI packages in the `wit/deps/` layout (`jco scaffold` lays them out the same way). */
function copyWasiDeps(witDir: string): void {
  const builtin = join(JCO_PACKAGE, 'lib/wit/builtin/0.2.12');
  for (const pkg of readdirSync(builtin)) {
    const dest = join(witDir, 'deps', `${pkg}-0.2.12`);
    mkdirSync(dest, { recursive: true });
    cpSync(join(builtin, pkg, 'package.wit'), join(dest, 'package.wit'));
  }
}

function runJco(args: string[], options: { cwd: string; timeoutMs?: number }): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [JCO_CLI, ...args], { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 600_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), output });
    });
  });
}

async function withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const lock = join(COMPONENT_CACHE, `${name}.lock`);
  const deadline = Date.now() + 15 * 60_000;
  while (true) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test process is building the same component; a lock older than 15 min is stale.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 15 * 60_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // gone meanwhile
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface BuiltComponent {
  path: string;
  /** False when it came from the cache. */
  built: boolean;
  ms: number;
}

/** The component for `spec`, from the cache or freshly built (and then cached). */
export async function builtComponent(spec: ComponentSpec): Promise<BuiltComponent> {
  const missing = jcoMissing();
  if (missing) throw new Error(missing);
  mkdirSync(COMPONENT_CACHE, { recursive: true });
  const path = join(COMPONENT_CACHE, `${spec.name}-${inputHash(spec)}.wasm`);
  if (existsSync(path)) return { path, built: false, ms: 0 };
  return withLock(spec.name, async () => {
    if (existsSync(path)) return { path, built: false, ms: 0 };
    const started = Date.now();
    const work = join(COMPONENT_CACHE, `work-${spec.name}`);
    rmSync(work, { recursive: true, force: true });
    cpSync(spec.sourceDir, work, { recursive: true, filter: (src) => !src.endsWith('.wasm') && !src.includes('node_modules') });
    if (spec.wasiDeps) copyWasiDeps(join(work, 'wit'));
    const out = join(work, `${spec.name}.wasm`);
    const r = await runJco(['componentize', spec.entry, '--wit', 'wit', '--world-name', spec.world, '-o', out], { cwd: work });
    if (r.code !== 0 || !existsSync(out)) throw new Error(`jco componentize for ${spec.name} failed (${r.code}):\n${r.output}`);
    // Older builds of the same component are replaced, so the cache does not grow with edits.
    for (const old of readdirSync(COMPONENT_CACHE)) {
      if (old.startsWith(`${spec.name}-`) && old.endsWith('.wasm')) rmSync(join(COMPONENT_CACHE, old), { force: true });
    }
    renameSync(out, path);
    rmSync(work, { recursive: true, force: true });
    return { path, built: true, ms: Date.now() - started };
  });
}
