// Recognizes what kind of component project a folder is (Rust with cargo-component or plain
// cargo, JavaScript/TypeScript, Python, Go) and where its pieces are: the project folder, the JS
// entry or Python module, the crate name. Pure over a small file-probe interface, so the unit
// tests use a map and the extension uses vscode.workspace.fs.

import type { ProjectKind } from './commandLines';

export interface FileProbe {
  /** Text of the file at `path`, or undefined when there is none. */
  read(path: string): Promise<string | undefined>;
  exists(path: string): Promise<boolean>;
}

export interface ProjectInfo {
  kind: ProjectKind;
  /** The folder with the project's manifest (where the build runs). */
  dir: string;
  /** Cargo package name. */
  crateName?: string;
}

const join = (dir: string, name: string) => (dir.endsWith('/') ? dir + name : `${dir}/${name}`);
const parent = (dir: string) => dir.replace(/\/[^/]*\/?$/, '') || '/';

/** `[package.metadata.component]` marks a cargo-component project. */
export function isCargoComponent(cargoToml: string): boolean {
  return /^\s*\[package\.metadata\.component(?:\.[^\]]*)?\]/m.test(cargoToml);
}

export function crateName(cargoToml: string): string | undefined {
  const pkg = /^\s*\[package\]([\s\S]*?)(?=^\s*\[|$(?![\s\S]))/m.exec(cargoToml);
  return pkg ? /^\s*name\s*=\s*"([^"]+)"/m.exec(pkg[1])?.[1] : undefined;
}

const JS_ENTRIES = ['app.js', 'index.js', 'component.js', 'main.js', 'app.ts', 'index.ts', 'src/index.js', 'src/app.js', 'src/index.ts', 'src/app.ts', 'app.mjs', 'index.mjs'];

/** The project kind of one folder, by its manifest files, or undefined. */
export async function projectKindOf(dir: string, probe: FileProbe): Promise<ProjectInfo | undefined> {
  const cargo = await probe.read(join(dir, 'Cargo.toml'));
  if (cargo !== undefined) return { kind: isCargoComponent(cargo) ? 'cargo-component' : 'cargo', dir, crateName: crateName(cargo) };
  if (await probe.exists(join(dir, 'package.json'))) return { kind: 'js', dir };
  if ((await probe.exists(join(dir, 'pyproject.toml'))) || (await probe.exists(join(dir, 'app.py')))) return { kind: 'python', dir };
  if (await probe.exists(join(dir, 'go.mod'))) return { kind: 'go', dir };
  for (const entry of JS_ENTRIES) if (await probe.exists(join(dir, entry))) return { kind: 'js', dir };
  return undefined;
}

/**
 * The project a file belongs to: the nearest folder at or above `start` that is a project,
 * not going above `root` (the workspace folder).
 */
export async function findProject(start: string, root: string, probe: FileProbe): Promise<ProjectInfo | undefined> {
  let dir = start.replace(/\/+$/, '');
  const top = root.replace(/\/+$/, '');
  while (true) {
    const found = await projectKindOf(dir, probe);
    if (found) return found;
    if (dir === top || !dir.startsWith(top) || parent(dir) === dir) return undefined;
    dir = parent(dir);
  }
}

/**
 * The JS/TS file that implements `world`: the configured entry, a file named after the world,
 * package.json's `main`, then the usual names (app.js, index.js, …).
 */
export async function jsEntry(dir: string, world: string | undefined, configured: string | undefined, probe: FileProbe): Promise<string | undefined> {
  if (configured) return configured.startsWith('/') || /^[A-Za-z]:/.test(configured) ? configured : join(dir, configured);
  if (world) {
    for (const candidate of [`${world}.js`, `${world}.ts`, `${world}.mjs`, `src/${world}.js`, `src/${world}.ts`]) {
      if (await probe.exists(join(dir, candidate))) return join(dir, candidate);
    }
  }
  const manifest = await probe.read(join(dir, 'package.json'));
  if (manifest) {
    try {
      const pkg = JSON.parse(manifest) as { main?: string; module?: string };
      const main = pkg.main ?? pkg.module;
      if (main && (await probe.exists(join(dir, main.replace(/^\.\//, ''))))) return join(dir, main.replace(/^\.\//, ''));
    } catch {
      // A broken package.json: fall back to the usual names.
    }
  }
  for (const entry of JS_ENTRIES) if (await probe.exists(join(dir, entry))) return join(dir, entry);
  return undefined;
}

/** The Python module componentize-py builds: `app` for app.py, the configured one otherwise. */
export function pythonModule(configured: string | undefined): string {
  return configured?.replace(/\.py$/, '') || 'app';
}

/** Which dependency tool a project uses: wit-deps when `wit/deps.toml` exists, else wkg. */
export async function depsTool(witDir: string, probe: FileProbe): Promise<'wit-deps' | 'wkg'> {
  return (await probe.exists(join(witDir, 'deps.toml'))) ? 'wit-deps' : 'wkg';
}

export const PROJECT_KIND_LABELS: Record<ProjectKind, string> = {
  'cargo-component': 'Rust (cargo component)',
  cargo: 'Rust (cargo, wasm32-wasip2)',
  js: 'JavaScript (jco componentize)',
  python: 'Python (componentize-py)',
  go: 'Go (TinyGo)',
};
