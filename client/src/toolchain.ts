// Finds the component tools (cargo, cargo-component, jco, componentize-py, tinygo, wac, wasmtime,
// wkg, wit-deps): a path from the settings, the project's node_modules/.bin (jco), the PATH, or
// the jco this extension was developed with; and says how to install the ones that are missing.
// Desktop only (it looks at the file system and PATH).

import { constants, promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { TOOL_NAMES, type ToolCommands } from './commandLines';
import type { ToolName, WitToolSettings } from './config';

/** The executable each tool is started as. */
export const EXECUTABLES: Record<ToolName | 'cargoComponent', string> = {
  cargo: 'cargo',
  cargoComponent: 'cargo-component',
  jco: 'jco',
  componentizePy: 'componentize-py',
  tinygo: 'tinygo',
  wac: 'wac',
  wasmtime: 'wasmtime',
  wkg: 'wkg',
  witDeps: 'wit-deps',
};

export const INSTALL_HINTS: Record<ToolName | 'cargoComponent', string> = {
  cargo: 'install Rust from https://rustup.rs, then `rustup target add wasm32-wasip2`',
  cargoComponent: 'run `cargo install cargo-component --locked`',
  jco: 'run `npm install --save-dev @bytecodealliance/jco` in the project (or `npm install -g @bytecodealliance/jco`)',
  componentizePy: 'run `pip install componentize-py`',
  tinygo: 'install TinyGo 0.34 or newer from https://tinygo.org/getting-started/install/',
  wac: 'run `cargo install wac-cli`, or take a release binary from https://github.com/bytecodealliance/wac/releases',
  wasmtime: 'run `curl https://wasmtime.dev/install.sh -sSf | bash`, or take a release from https://github.com/bytecodealliance/wasmtime/releases',
  wkg: 'run `cargo install wkg`',
  witDeps: 'run `cargo install wit-deps-cli`',
};

export type ToolSource = 'setting' | 'project' | 'path' | 'extension' | 'missing';

export interface ToolStatus {
  name: ToolName | 'cargoComponent';
  /** How to start it (undefined when missing). */
  command?: string[];
  source: ToolSource;
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    const st = await fsp.stat(file);
    if (!st.isFile()) return false;
    if (process.platform === 'win32') return true;
    await fsp.access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The full path of `name` on PATH (with PATHEXT on Windows), like `which`. */
export async function which(name: string, envPath = process.env.PATH ?? '', platform = process.platform): Promise<string | undefined> {
  const exts = platform === 'win32' ? ['', ...(process.env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').map((e) => e.toLowerCase())] : [''];
  for (const dir of envPath.split(platform === 'win32' ? ';' : ':')) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      if (await isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/** `node_modules/.bin/<name>` in `start` or a folder above it, up to `stop`. */
async function projectBin(name: string, start: string | undefined, stop: string | undefined): Promise<string | undefined> {
  if (!start) return undefined;
  let dir = start;
  while (true) {
    for (const file of process.platform === 'win32' ? [`${name}.cmd`, name] : [name]) {
      const candidate = path.join(dir, 'node_modules', '.bin', file);
      if (await isExecutable(candidate)) return candidate;
    }
    const up = path.dirname(dir);
    if (up === dir || (stop && !up.startsWith(stop))) return undefined;
    dir = up;
  }
}

export interface LookupContext {
  settings: WitToolSettings;
  /** The project folder (for node_modules/.bin); only looked at in trusted workspaces. */
  projectDir?: string;
  workspaceDir?: string;
  /** This extension's folder: its own node_modules may hold jco (development installs). */
  extensionDir?: string;
  trusted: boolean;
}

export async function findTool(name: ToolName | 'cargoComponent', ctx: LookupContext): Promise<ToolStatus> {
  const configured = name === 'cargoComponent' ? undefined : ctx.settings.tools[name];
  if (configured) return { name, command: [configured], source: 'setting' };
  if (name === 'jco' && ctx.trusted) {
    const local = await projectBin('jco', ctx.projectDir, ctx.workspaceDir);
    if (local) return { name, command: [local], source: 'project' };
  }
  const onPath = await which(EXECUTABLES[name]);
  if (onPath) return { name, command: [EXECUTABLES[name]], source: 'path' };
  if (name === 'jco' && ctx.extensionDir) {
    const bundled = path.join(ctx.extensionDir, 'node_modules', '@bytecodealliance', 'jco', 'dist', 'jco.js');
    if (await fsp.stat(bundled).then(() => true, () => false)) {
      return { name, command: ['node', bundled], source: 'extension' };
    }
  }
  return { name, source: 'missing' };
}

/**
 * The command line's tools for a job from the ones it looked up: how each found one starts, and
 * the bare executable name for the rest (missing ones, so the terminal says what is missing, and
 * those the job does not run).
 */
export function toolCommands(found: ToolStatus[]): ToolCommands {
  const commands = Object.fromEntries(TOOL_NAMES.map((n) => [n, [EXECUTABLES[n]]])) as ToolCommands;
  for (const s of found) if (s.name !== 'cargoComponent') commands[s.name] = s.command ?? [EXECUTABLES[s.name]];
  return commands;
}

export class MissingToolError extends Error {
  constructor(readonly tool: ToolName | 'cargoComponent', readonly purpose: string) {
    super(`${EXECUTABLES[tool]} is needed to ${purpose} but was not found on PATH or in the settings (wit.tools.*): ${INSTALL_HINTS[tool]}.`);
  }
}
