// Turns a `wit` task definition (from a command, the task provider or tasks.json) into a job:
// finds the project and its kind, the world, the entry, the tools, and builds the argument
// vector. Commands fill the definition from what the user picked; tasks.json writes it by hand.

import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  buildJob, composeJob, depsJob, invokeJob, plugJob, runJob, serveJob, typesJob,
  type Job, type ProjectKind, type Runtime,
} from './commandLines';
import { readSettings, type ToolName, type WitToolSettings } from './config';
import { depsTool, findProject, jsEntry, pythonModule, type FileProbe, type ProjectInfo } from './project';
import type { Services } from './services';
import { matchersFor, type WitTaskDefinition } from './tasks';
import { EXECUTABLES, INSTALL_HINTS, MissingToolError, findTool, toolCommands, type ToolStatus } from './toolchain';
import { firstWitFile, worldsOf } from './worlds';
import type { WorldInfo } from './protocol';

export interface PlannedJob {
  def: WitTaskDefinition;
  job: Job;
  label: string;
  /** What the progress notification says while it runs. */
  title: string;
  matchers: string[];
  background?: boolean;
  project?: ProjectInfo;
  world?: WorldInfo;
  /** The URL a serve job answers on. */
  url?: string;
}

/** File checks through vscode.workspace.fs, on the '/'-separated paths project.ts works with. */
export const workspaceProbe: FileProbe = {
  async read(p) {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(p)));
    } catch {
      return undefined;
    }
  },
  async exists(p) {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.file(p));
      return true;
    } catch {
      return false;
    }
  },
};

/** Native path → the '/'-separated form project.ts and the server use. */
export const slash = (p: string) => p.replace(/\\/g, '/');

function resolveIn(folder: vscode.WorkspaceFolder, p: string | undefined, fallback: string): string {
  if (!p) return fallback;
  return path.isAbsolute(p) ? p : path.join(folder.uri.fsPath, p);
}

const TOOL_FOR_KIND: Record<ProjectKind, ToolName> = {
  'cargo-component': 'cargo',
  cargo: 'cargo',
  js: 'jco',
  python: 'componentizePy',
  go: 'tinygo',
};

async function requireTool(name: ToolName | 'cargoComponent', purpose: string, services: Services, settings: WitToolSettings, projectDir: string, folder: vscode.WorkspaceFolder): Promise<ToolStatus> {
  const status = await findTool(name, {
    settings,
    projectDir,
    workspaceDir: folder.uri.fsPath,
    extensionDir: services.context.extensionPath,
    trusted: vscode.workspace.isTrusted,
  });
  if (status.source === 'missing') throw new MissingToolError(name, purpose);
  return status;
}

/** The world to build when the definition names none: the only one of the project's WIT package. */
async function worldFor(services: Services, witDir: string, name: string | undefined): Promise<WorldInfo | undefined> {
  const file = await firstWitFile(vscode.Uri.file(witDir));
  if (!file) return undefined;
  const worlds = await worldsOf(services, file);
  if (name) return worlds.find((w) => w.name === name);
  if (worlds.length === 1) return worlds[0];
  if (worlds.length > 1) throw new Error(`the WIT package in ${witDir} has ${worlds.length} worlds (${worlds.map((w) => w.name).join(', ')}): say which one with "world"`);
  return undefined;
}

export async function runtimeFor(def: WitTaskDefinition, settings: WitToolSettings, ctx: Parameters<typeof findTool>[1]): Promise<Runtime> {
  if (def.runtime) return def.runtime;
  if (settings.runtime !== 'auto') return settings.runtime;
  return (await findTool('wasmtime', ctx)).source !== 'missing' ? 'wasmtime' : 'jco';
}

export interface PlanOptions {
  /** Fail early with install hints when a tool is missing (commands); tasks just run and fail in the terminal. */
  checkTools?: boolean;
}

export async function planJob(def: WitTaskDefinition, folder: vscode.WorkspaceFolder, services: Services, options: PlanOptions = { checkTools: true }): Promise<PlannedJob> {
  const settings = readSettings(folder);
  const root = folder.uri.fsPath;
  const lookup = { settings, workspaceDir: root, extensionDir: services.context.extensionPath, trusted: vscode.workspace.isTrusted };
  const projectDir = resolveIn(folder, def.project, root);
  const { commands } = await toolCommands({ ...lookup, projectDir });
  const matchers = matchersFor(def);
  const need = async (name: ToolName | 'cargoComponent', purpose: string, dir: string) => {
    if (options.checkTools !== false) await requireTool(name, purpose, services, settings, dir, folder);
  };

  switch (def.job) {
    case 'build': {
      const project = await findProject(slash(projectDir), slash(root), workspaceProbe);
      if (!project) {
        throw new Error(`no component project found at ${projectDir}: expected Cargo.toml, package.json, pyproject.toml or app.py, go.mod, or a JavaScript entry such as app.js`);
      }
      const dir = project.dir;
      let witDir = path.join(dir, 'wit');
      let world: WorldInfo | undefined;
      if (project.kind === 'js' || project.kind === 'python' || project.kind === 'go') {
        world = await worldFor(services, witDir, def.world);
        if (!world && !def.world) throw new Error(`no world found in ${witDir}: a ${project.kind} build needs one`);
        if (world) witDir = world.witFolder;
      }
      const worldName = world?.name ?? def.world;
      const tool = TOOL_FOR_KIND[project.kind];
      const template = settings.commandTemplates[project.kind];
      if (!template) {
        await need(tool, `build a ${project.kind} component`, dir);
        if (project.kind === 'cargo-component') await need('cargoComponent', 'run `cargo component build`', dir);
      }
      const outDir = settings.outputDirectory ? path.resolve(dir, settings.outputDirectory) : dir;
      const entry = project.kind === 'js'
        ? await jsEntry(slash(dir), worldName, settings.jsEntry, workspaceProbe)
        : project.kind === 'python' ? pythonModule(settings.pythonModule) : undefined;
      if (project.kind === 'js' && !entry) throw new Error(`no JavaScript entry found in ${dir} for world ${worldName}: add ${worldName}.js or app.js, or set wit.build.jsEntry`);
      const job = buildJob(commands, {
        kind: project.kind,
        profile: def.profile ?? settings.profile,
        projectDir: dir,
        witDir,
        world: worldName,
        entry,
        output: def.output ? resolveIn(folder, def.output, '') : path.join(outDir, `${worldName ?? 'component'}.wasm`),
        crateName: project.crateName,
        template,
      });
      const what = worldName ?? project.crateName ?? path.basename(dir);
      return { def, job, label: `Build ${what}`, title: `Building ${what}`, matchers: matchersFor(def, project.kind), project, world };
    }
    case 'types': {
      const witDir = resolveIn(folder, def.project ? path.join(def.project, 'wit') : undefined, path.join(root, 'wit'));
      const world = await worldFor(services, witDir, def.world).catch(() => undefined);
      await need('jco', 'generate TypeScript types', projectDir);
      const job = typesJob(commands, { cwd: projectDir, witDir: world?.witFolder ?? witDir, world: world?.name ?? def.world, outDir: resolveIn(folder, def.output, path.join(projectDir, 'types')) });
      const what = world?.name ?? def.world ?? 'WIT';
      return { def, job, label: `Types for ${what}`, title: `Generating TypeScript types for ${what}`, matchers, world };
    }
    case 'deps': {
      const witDir = path.join(projectDir, 'wit');
      // wit-deps when the project has wit/deps.toml, wkg otherwise; the other one if only it is there.
      const preferred = await depsTool(slash(witDir), workspaceProbe);
      const toolName = (t: 'wkg' | 'wit-deps'): ToolName => (t === 'wkg' ? 'wkg' : 'witDeps');
      let tool = preferred;
      if ((await findTool(toolName(preferred), { ...lookup, projectDir })).source === 'missing') {
        const other = preferred === 'wkg' ? 'wit-deps' : 'wkg';
        if ((await findTool(toolName(other), { ...lookup, projectDir })).source === 'missing') throw new MissingToolError(toolName(preferred), `fetch WIT dependencies (${other} would do too: ${INSTALL_HINTS[toolName(other)]})`);
        tool = other;
      }
      const job = depsJob(commands, { cwd: projectDir, tool });
      return { def, job, label: 'Fetch WIT dependencies', title: `Fetching WIT dependencies with ${tool}`, matchers };
    }
    case 'run':
    case 'serve':
    case 'invoke': {
      if (!def.component) throw new Error(`a ${def.job} task needs "component": the .wasm file`);
      const component = resolveIn(folder, def.component, '');
      const cwd = path.dirname(component);
      const name = path.basename(component);
      if (def.job === 'invoke') {
        if (!def.call) throw new Error('an invoke task needs "call", e.g. "add(1, 2)"');
        await need('wasmtime', 'call a function a component exports (jco can only run wasi:cli commands)', cwd);
        return { def, job: invokeJob(commands, { cwd, component, call: def.call }), label: `Call ${def.call} in ${name}`, title: `Calling ${def.call}`, matchers };
      }
      const runtime = await runtimeFor(def, settings, { ...lookup, projectDir: cwd });
      await need(runtime, `${def.job} ${name}`, cwd);
      if (def.job === 'run') {
        return { def, job: runJob(commands, { runtime, cwd, component, args: def.args }), label: `Run ${name}`, title: `Running ${name} with ${runtime}`, matchers };
      }
      const port = def.port ?? settings.servePort;
      const url = `http://127.0.0.1:${port}/`;
      return { def, job: serveJob(commands, { runtime, cwd, component, port }), label: `Serve ${name}`, title: `Serving ${name} with ${runtime}`, matchers, background: true, url };
    }
    case 'plug': {
      if (!def.socket || !def.plugs?.length) throw new Error('a plug task needs "socket" and "plugs"');
      const socket = resolveIn(folder, def.socket, '');
      const cwd = path.dirname(socket);
      await need('wac', 'compose components', cwd);
      const output = resolveIn(folder, def.output, path.join(cwd, settings.composeOutput));
      const job = plugJob(commands, { cwd, socket, plugs: def.plugs.map((p) => resolveIn(folder, p, '')), output });
      return { def, job, label: `Compose ${path.basename(output)}`, title: `Plugging into ${path.basename(socket)}`, matchers };
    }
    case 'compose': {
      if (!def.wac) throw new Error('a compose task needs "wac": the .wac file');
      const wacFile = resolveIn(folder, def.wac, '');
      const cwd = path.dirname(wacFile);
      await need('wac', 'compose components', cwd);
      const output = resolveIn(folder, def.output, path.join(cwd, settings.composeOutput));
      return { def, job: composeJob(commands, { cwd, wacFile, output }), label: `Compose ${path.basename(wacFile)}`, title: `Composing ${path.basename(wacFile)}`, matchers };
    }
  }
}

/** The executable's name for a missing-tool message. */
export function toolLabel(name: ToolName | 'cargoComponent'): string {
  return EXECUTABLES[name];
}
