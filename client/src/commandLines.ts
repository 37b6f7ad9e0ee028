// The argument vectors of every job the extension runs — build per project kind, compose, run,
// invoke, serve, types, dependencies — as plain string arrays, and where a build leaves its
// component. Pure: tasks.ts quotes them for the shell, and the unit tests check them.

import { join as joinPath, resolve as resolvePath } from 'node:path';

export type ProjectKind = 'cargo-component' | 'cargo' | 'js' | 'python' | 'go';
export type Profile = 'debug' | 'release';
export type Runtime = 'wasmtime' | 'jco';

/** The tools jobs run, by the name their `wit.tools.<name>` setting uses. */
export const TOOL_NAMES = ['cargo', 'jco', 'componentizePy', 'tinygo', 'wac', 'wasmtime', 'wkg', 'witDeps'] as const;

/** How each tool is started: an executable, or a launcher plus arguments (`npx jco`, `node jco.js`). */
export type ToolCommands = Record<(typeof TOOL_NAMES)[number], string[]>;

export interface Job {
  argv: string[];
  cwd: string;
  /** The file the job writes, when there is one (what Run offers next). */
  output?: string;
}

/** `path` relative to `cwd` when it lies inside it (shorter lines in the terminal), else as is. */
export function relativeTo(cwd: string, path: string): string {
  const base = cwd.replace(/[\\/]+$/, '');
  if (path === base) return '.';
  for (const sep of ['/', '\\']) {
    if (path.startsWith(base + sep)) return path.slice(base.length + 1);
  }
  return path;
}

export interface BuildParams {
  kind: ProjectKind;
  profile: Profile;
  projectDir: string;
  /** The WIT package folder (`--wit`, `-d`, `--wit-package`). */
  witDir: string;
  world?: string;
  /** JS/TS entry (js), Python module (python). */
  entry?: string;
  /** Output .wasm for the kinds that take one (js, python, go). */
  output: string;
  /** Cargo package name (for where cargo puts the component). */
  crateName?: string;
  /** A command template from the settings, replacing the built-in form. */
  template?: string[];
}

/** Replaces `{name}` placeholders in each template element; elements that end up empty are dropped. */
export function fillTemplate(template: string[], values: Record<string, string>): string[] {
  return template
    .map((part) => part.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => (name in values ? values[name] : whole)))
    .filter((part) => part !== '');
}

function requireWorld(p: BuildParams): string {
  if (!p.world) throw new Error(`building a ${p.kind} component needs a world`);
  return p.world;
}

/** Where cargo leaves the component: cargo-component targets wasm32-wasip1, plain cargo wasip2. */
export function cargoOutput(p: { kind: ProjectKind; projectDir: string; profile: Profile; crateName?: string }): string | undefined {
  if (!p.crateName) return undefined;
  const target = p.kind === 'cargo-component' ? 'wasm32-wasip1' : 'wasm32-wasip2';
  return `${p.projectDir}/target/${target}/${p.profile}/${p.crateName.replace(/-/g, '_')}.wasm`;
}

/** Where js, python and go builds write: `<world>.wasm` in the output directory (relative to the project; "" is the project folder). */
export function worldOutput(p: { projectDir: string; outputDirectory: string; world?: string }): string {
  const dir = p.outputDirectory ? resolvePath(p.projectDir, p.outputDirectory) : p.projectDir;
  return joinPath(dir, `${p.world ?? 'component'}.wasm`);
}

/**
 * Where a build with the default output leaves the component: cargo's target folder for Rust
 * (undefined without a crate name), `<world>.wasm` in the output directory for the others. What
 * Run looks for, so it must agree with the `output` of buildJob.
 */
export function buildOutputPath(p: { kind: ProjectKind; projectDir: string; profile: Profile; crateName?: string; outputDirectory: string; world?: string }): string | undefined {
  return p.kind === 'cargo' || p.kind === 'cargo-component' ? cargoOutput(p) : worldOutput(p);
}

export function buildJob(tools: ToolCommands, p: BuildParams): Job {
  const cwd = p.projectDir;
  const rel = (path: string) => relativeTo(cwd, path);
  const release = p.profile === 'release';
  if (p.template && p.template.length) {
    const argv = fillTemplate(p.template, {
      project: cwd,
      wit: rel(p.witDir),
      world: p.world ?? '',
      entry: p.entry ? rel(p.entry) : '',
      output: rel(p.output),
      profile: p.profile,
      releaseFlag: release ? '--release' : '',
    });
    const cargo = p.kind === 'cargo' || p.kind === 'cargo-component';
    return { argv, cwd, output: cargo ? cargoOutput(p) : p.output };
  }
  switch (p.kind) {
    case 'cargo-component':
      return { argv: [...tools.cargo, 'component', 'build', ...(release ? ['--release'] : [])], cwd, output: cargoOutput(p) };
    case 'cargo':
      return { argv: [...tools.cargo, 'build', '--target', 'wasm32-wasip2', ...(release ? ['--release'] : [])], cwd, output: cargoOutput(p) };
    case 'js': {
      if (!p.entry) throw new Error('building a JavaScript component needs an entry file');
      return {
        argv: [...tools.jco, 'componentize', rel(p.entry), '--wit', rel(p.witDir), '--world-name', requireWorld(p), '-o', rel(p.output)],
        cwd,
        output: p.output,
      };
    }
    case 'python':
      return {
        argv: [...tools.componentizePy, '-d', rel(p.witDir), '-w', requireWorld(p), 'componentize', p.entry ?? 'app', '-o', rel(p.output)],
        cwd,
        output: p.output,
      };
    case 'go':
      return {
        argv: [
          ...tools.tinygo, 'build', '-target=wasip2', '--wit-package', rel(p.witDir), '--wit-world', requireWorld(p),
          ...(release ? ['-no-debug'] : []), '-o', rel(p.output),
        ],
        cwd,
        output: p.output,
      };
  }
}

export function plugJob(tools: ToolCommands, p: { cwd: string; socket: string; plugs: string[]; output: string }): Job {
  const rel = (path: string) => relativeTo(p.cwd, path);
  return {
    argv: [...tools.wac, 'plug', rel(p.socket), ...p.plugs.flatMap((plug) => ['--plug', rel(plug)]), '-o', rel(p.output)],
    cwd: p.cwd,
    output: p.output,
  };
}

export function composeJob(tools: ToolCommands, p: { cwd: string; wacFile: string; output: string }): Job {
  const rel = (path: string) => relativeTo(p.cwd, path);
  return { argv: [...tools.wac, 'compose', rel(p.wacFile), '-o', rel(p.output)], cwd: p.cwd, output: p.output };
}

export function runJob(tools: ToolCommands, p: { runtime: Runtime; cwd: string; component: string; args?: string[] }): Job {
  const component = relativeTo(p.cwd, p.component);
  const prefix = p.runtime === 'wasmtime' ? [...tools.wasmtime, 'run'] : [...tools.jco, 'run'];
  return { argv: [...prefix, component, ...(p.args ?? [])], cwd: p.cwd };
}

/** `wasmtime run --invoke 'f(args)'`: only wasmtime can call a function export (jco runs commands only). */
export function invokeJob(tools: ToolCommands, p: { cwd: string; component: string; call: string }): Job {
  return { argv: [...tools.wasmtime, 'run', '--invoke', p.call, relativeTo(p.cwd, p.component)], cwd: p.cwd };
}

export function serveJob(tools: ToolCommands, p: { runtime: Runtime; cwd: string; component: string; port: number }): Job {
  const component = relativeTo(p.cwd, p.component);
  const argv = p.runtime === 'wasmtime'
    ? [...tools.wasmtime, 'serve', '--addr', `127.0.0.1:${p.port}`, component]
    : [...tools.jco, 'serve', component, '--host', '127.0.0.1', '--port', String(p.port)];
  return { argv, cwd: p.cwd };
}

export function serveUrl(port: number): string {
  return `http://127.0.0.1:${port}/`;
}

export function typesJob(tools: ToolCommands, p: { cwd: string; witDir: string; world?: string; outDir: string }): Job {
  const rel = (path: string) => relativeTo(p.cwd, path);
  return {
    argv: [...tools.jco, 'types', rel(p.witDir), ...(p.world ? ['--world-name', p.world] : []), '-o', rel(p.outDir)],
    cwd: p.cwd,
    output: p.outDir,
  };
}

/** wit-deps when the project has `wit/deps.toml`, else wkg. */
export function depsJob(tools: ToolCommands, p: { cwd: string; tool: 'wkg' | 'wit-deps' }): Job {
  return { argv: p.tool === 'wkg' ? [...tools.wkg, 'wit', 'fetch'] : [...tools.witDeps, 'update'], cwd: p.cwd };
}
