// The extension's settings (`wit.*`), read in one place with their defaults. Settings that name
// executables or command templates are restricted in untrusted workspaces (package.json
// `capabilities.untrustedWorkspaces.restrictedConfigurations`): VS Code then ignores the
// workspace's values and only user settings apply.

import * as vscode from 'vscode';
import { TOOL_NAMES, type Profile, type ProjectKind, type ToolCommands } from './commandLines';

export type ToolName = keyof ToolCommands;

export type RuntimeSetting = 'auto' | 'wasmtime' | 'jco';

export interface WitToolSettings {
  profile: Profile;
  /** Per project kind, an argument template replacing the built-in build command. */
  commandTemplates: Partial<Record<ProjectKind, string[]>>;
  jsEntry?: string;
  pythonModule?: string;
  /** Where js/python/go builds write `<world>.wasm`, relative to the project ("" = the project folder). */
  outputDirectory: string;
  /** Executable overrides per tool (empty: look on PATH). */
  tools: Partial<Record<ToolName, string>>;
  runtime: RuntimeSetting;
  servePort: number;
  composeOutput: string;
  codeLens: boolean;
}

export function readSettings(scope?: vscode.ConfigurationScope): WitToolSettings {
  const c = vscode.workspace.getConfiguration('wit', scope);
  const tools: Partial<Record<ToolName, string>> = {};
  for (const name of TOOL_NAMES) {
    const value = c.get<string>(`tools.${name}`, '').trim();
    if (value) tools[name] = value;
  }
  const templates = c.get<Record<string, unknown>>('build.commandTemplates', {}) ?? {};
  const commandTemplates: Partial<Record<ProjectKind, string[]>> = {};
  for (const [kind, value] of Object.entries(templates)) {
    if (Array.isArray(value) && value.every((v) => typeof v === 'string') && value.length) commandTemplates[kind as ProjectKind] = value as string[];
  }
  return {
    profile: c.get<Profile>('build.profile', 'debug') === 'release' ? 'release' : 'debug',
    commandTemplates,
    jsEntry: c.get<string>('build.jsEntry', '').trim() || undefined,
    pythonModule: c.get<string>('build.pythonModule', '').trim() || undefined,
    outputDirectory: c.get<string>('build.outputDirectory', '').trim(),
    tools,
    runtime: c.get<RuntimeSetting>('run.runtime', 'auto'),
    servePort: c.get<number>('serve.port', 8000),
    composeOutput: c.get<string>('compose.output', 'composed.wasm'),
    codeLens: c.get<boolean>('codeLens.enabled', true),
  };
}
