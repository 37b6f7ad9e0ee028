// jco as a library, loaded only when a command needs it and never at activation: jco and its
// engines weigh ~340 MB, so they are not bundled or shipped in the .vsix. The module is looked
// up in this extension's own node_modules (a development install) and, in trusted workspaces,
// in the workspace folders' node_modules; `@bytecodealliance/jco-transpile/wasm-tools` (a jco
// dependency) holds the wasm-tools functions, among them `componentWit`.

import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as vscode from 'vscode';
import type { Services } from './services';
import type { FallbackExtractor } from './wasmViewer';

interface WasmTools {
  componentWit(bytes: Uint8Array): Promise<string>;
}

const MODULE = '@bytecodealliance/jco-transpile/wasm-tools';
let loading: Promise<WasmTools> | undefined;

/** Where to look for the module: the extension first, then (trusted only) the workspace folders. */
function searchRoots(services: Services): string[] {
  const roots = [services.context.extensionPath];
  if (vscode.workspace.isTrusted) for (const f of vscode.workspace.workspaceFolders ?? []) if (f.uri.scheme === 'file') roots.push(f.uri.fsPath);
  return roots;
}

export function loadWasmTools(services: Services): Promise<WasmTools> {
  loading ??= (async () => {
    const started = Date.now();
    const require = createRequire(path.join(services.context.extensionPath, 'package.json'));
    let resolved: string | undefined;
    for (const root of searchRoots(services)) {
      try {
        resolved = require.resolve(MODULE, { paths: [root] });
        break;
      } catch {
        // not installed there
      }
    }
    if (!resolved) throw new Error(`${MODULE} is not installed: run \`npm install --save-dev @bytecodealliance/jco\` in the workspace`);
    // An ES module: import() it by URL (esbuild leaves a non-literal import() alone).
    const mod = (await import(pathToFileURL(resolved).href)) as WasmTools;
    services.output.info(`loaded jco's wasm-tools from ${resolved} in ${Date.now() - started} ms`);
    return mod;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** The fallback the viewer uses for components our decoder cannot read. */
export function jcoFallback(services: Services): FallbackExtractor {
  return async (bytes) => (await loadWasmTools(services)).componentWit(bytes);
}
