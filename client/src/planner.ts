// Turns a `wit` task definition (from a command, the task provider or tasks.json) into a job:
// finds the project and its kind, the world, the entry, the tools, and builds the argument
// vector. Commands fill the definition from what the user picked; tasks.json writes it by hand.

import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  buildJob, composeJob, depsJob, invokeJob, plugJob, runJob, serveJob, serveUrl, typesJob, worldOutput,
  type Job, type ProjectKind, type Runtime,
} from './commandLines';
import { readSettings, type ToolName, type WitToolSettings } from './config';
import { depsTool, findProject, jsEntry, pythonModule, type FileProbe, type ProjectInfo } from './project';
import type { Services } from './services';
import { matchersFor, type WitTaskDefinition } from './tasks';
import { INSTALL_HINTS, MissingToolError, findTool, toolCommands, type ToolStatus } from './toolchain';
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

/** The tools a build of each kind runs: its build tool, and cargo-component's cargo subcommand. */
export function buildTools(kind: ProjectKind): (ToolName | 'cargoComponent')[] {
  return kind === 'cargo-component' ? [TOOL_FOR_KIND[kind], 'cargoComponent'] : [TOOL_FOR_KIND[kind]];
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

/** The runtime that runs or serves a component, looked up: the task's, the setting's, else wasmtime when it is installed and jco otherwise. */
async function runtimeFor(def: WitTaskDefinition, settings: WitToolSettings, find: (name: Runtime) => Promise<ToolStatus>): Promise<{ runtime: Runtime; status: ToolStatus }> {
  const chosen = def.runtime ?? (settings.runtime !== 'auto' ? settings.runtime : undefined);
  if (chosen) return { runtime: chosen, status: await find(chosen) };
  const wasmtime = await find('wasmtime');
  return wasmtime.source !== 'missing' ? { runtime: 'wasmtime', status: wasmtime } : { runtime: 'jco', status: await find('jco') };
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
  const matchers = matchersFor(def);
  // Each tool a job runs is looked up once, from the folder the job runs in, and that status
  // both passes the check and starts the tool: a jco in that project's node_modules/.bin is only
  // found from there. Tasks skip the check: a missing tool's bare name fails in the terminal.
  const find = (name: ToolName | 'cargoComponent', dir: string) => findTool(name, { ...lookup, projectDir: dir });
  const need = (status: ToolStatus, purpose: string): ToolStatus => {
    if (options.checkTools !== false && status.source === 'missing') throw new MissingToolError(status.name, purpose);
    return status;
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
      const template = settings.commandTemplates[project.kind];
      // A template names its own executables, so there is nothing to look up.
      const found: ToolStatus[] = [];
      if (!template) {
        for (const tool of buildTools(project.kind)) {
          found.push(need(await find(tool, dir), tool === 'cargoComponent' ? 'run `cargo component build`' : `build a ${project.kind} component`));
        }
      }
      const entry = project.kind === 'js'
        ? await jsEntry(slash(dir), worldName, settings.jsEntry, workspaceProbe)
        : project.kind === 'python' ? pythonModule(settings.pythonModule) : undefined;
      if (project.kind === 'js' && !entry) throw new Error(`no JavaScript entry found in ${dir} for world ${worldName}: add ${worldName}.js or app.js, or set wit.build.jsEntry`);
      // js, python and go write `output`; cargo chooses its own place, which buildJob reports. Run
      // finds the result again with buildOutputPath, which puts the two rules together.
      const job = buildJob(toolCommands(found), {
        kind: project.kind,
        profile: def.profile ?? settings.profile,
        projectDir: dir,
        witDir,
        world: worldName,
        entry,
        output: def.output ? resolveIn(folder, def.output, '') : worldOutput({ projectDir: dir, outputDirectory: settings.outputDirectory, world: worldName }),
        crateName: project.crateName,
        template,
      });
      const what = worldName ?? project.crateName ?? path.basename(dir);
      return { def, job, label: `Build ${what}`, title: `Building ${what}`, matchers: matchersFor(def, project.kind), project, world };
    }
    case 'types': {
      const witDir = resolveIn(folder, def.project ? path.join(def.project, 'wit') : undefined, path.join(root, 'wit'));
      const world = await worldFor(services, witDir, def.world).catch(() => undefined);
      const jco = need(await find('jco', projectDir), 'generate TypeScript types');
      const job = typesJob(toolCommands([jco]), { cwd: projectDir, witDir: world?.witFolder ?? witDir, world: world?.name ?? def.world, outDir: resolveIn(folder, def.output, path.join(projectDir, 'types')) });
      const what = world?.name ?? def.world ?? 'WIT';
      return { def, job, label: `Types for ${what}`, title: `Generating TypeScript types for ${what}`, matchers, world };
    }
    case 'deps': {
      const witDir = path.join(projectDir, 'wit');
      // wit-deps when the project has wit/deps.toml, wkg otherwise; the other one if only it is there.
      const preferred = await depsTool(slash(witDir), workspaceProbe);
      const toolName = (t: 'wkg' | 'wit-deps'): ToolName => (t === 'wkg' ? 'wkg' : 'witDeps');
      let tool = preferred;
      let status = await find(toolName(preferred), projectDir);
      if (status.source === 'missing') {
        const other = preferred === 'wkg' ? 'wit-deps' : 'wkg';
        const otherStatus = await find(toolName(other), projectDir);
        if (otherStatus.source !== 'missing') {
          tool = other;
          status = otherStatus;
        } else {
          // Neither is there: a command stops here; a task runs the preferred one's bare name.
          need(status, `fetch WIT dependencies (${other} would do too: ${INSTALL_HINTS[toolName(other)]})`);
        }
      }
      const job = depsJob(toolCommands([status]), { cwd: projectDir, tool });
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
        const wasmtime = need(await find('wasmtime', cwd), 'call a function a component exports (jco can only run wasi:cli commands)');
        return { def, job: invokeJob(toolCommands([wasmtime]), { cwd, component, call: def.call }), label: `Call ${def.call} in ${name}`, title: `Calling ${def.call}`, matchers };
      }
      const { runtime, status } = await runtimeFor(def, settings, (tool) => find(tool, cwd));
      const commands = toolCommands([need(status, `${def.job} ${name}`)]);
      if (def.job === 'run') {
        return { def, job: runJob(commands, { runtime, cwd, component, args: def.args }), label: `Run ${name}`, title: `Running ${name} with ${runtime}`, matchers };
      }
      const port = def.port ?? settings.servePort;
      const url = serveUrl(port);
      return { def, job: serveJob(commands, { runtime, cwd, component, port }), label: `Serve ${name}`, title: `Serving ${name} with ${runtime}`, matchers, background: true, url };
    }
    case 'plug': {
      if (!def.socket || !def.plugs?.length) throw new Error('a plug task needs "socket" and "plugs"');
      const socket = resolveIn(folder, def.socket, '');
      const cwd = path.dirname(socket);
      const wac = need(await find('wac', cwd), 'compose components');
      const output = resolveIn(folder, def.output, path.join(cwd, settings.composeOutput));
      const job = plugJob(toolCommands([wac]), { cwd, socket, plugs: def.plugs.map((p) => resolveIn(folder, p, '')), output });
      return { def, job, label: `Compose ${path.basename(output)}`, title: `Plugging into ${path.basename(socket)}`, matchers };
    }
    case 'compose': {
      if (!def.wac) throw new Error('a compose task needs "wac": the .wac file');
      const wacFile = resolveIn(folder, def.wac, '');
      const cwd = path.dirname(wacFile);
      const wac = need(await find('wac', cwd), 'compose components');
      const output = resolveIn(folder, def.output, path.join(cwd, settings.composeOutput));
      return { def, job: composeJob(toolCommands([wac]), { cwd, wacFile, output }), label: `Compose ${path.basename(wacFile)}`, title: `Composing ${path.basename(wacFile)}`, matchers };
    }
  }
}
