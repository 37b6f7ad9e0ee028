// package.json's contributions for the component commands: every tool command is hidden outside
// a Node extension host and, in the palette and menus, in untrusted workspaces; the settings
// that name executables are restricted; the web entry, task type, problem matchers and viewer
// exist; and the command maps in the code match the contributed commands.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '../../../../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const contributes = manifest.contributes;

const TOOL_COMMANDS = ['wit.buildComponent', 'wit.composeComponents', 'wit.runComponent', 'wit.serveComponent', 'wit.generateTypes', 'wit.fetchDependencies'];
const WEB_COMMANDS = ['wit.showComponentWit', 'wit.restartServer', 'wit.showAbiLayout', 'wit.enableFeature'];

/** Command ids registered by a command map file (its quoted `'wit.x':` keys). */
function mapKeys(file: string): string[] {
  return [...readFileSync(join(ROOT, file), 'utf8').matchAll(/^\s*'(wit\.[A-Za-z]+)':/gm)].map((m) => m[1]);
}

test('every contributed command is registered by the desktop map, the web ones by the web map too', () => {
  const contributed = contributes.commands.map((c: { command: string }) => c.command).filter((c: string) => c.startsWith('wit.')).sort();
  assert.deepEqual(mapKeys('client/src/node/commands.ts').sort(), contributed);
  assert.deepEqual(mapKeys('client/src/commands.ts').sort(), [...WEB_COMMANDS].sort());
  for (const c of contributes.commands) assert.equal(c.category, 'WIT', `${c.command} has no WIT category`);
});

test('tool commands: palette and menus only where tools can run and in trusted workspaces', () => {
  for (const id of [...TOOL_COMMANDS, 'wit.showToolchain']) {
    const palette = contributes.menus.commandPalette.find((m: { command: string }) => m.command === id);
    assert.ok(palette, `${id} has no commandPalette entry`);
    assert.match(palette.when, /\bwit\.canRunTools\b/);
    // The toolchain report runs nothing, so it stays in the palette in Restricted Mode.
    if (TOOL_COMMANDS.includes(id)) assert.match(palette.when, /\bisWorkspaceTrusted\b/, `commandPalette: ${id}`);
  }
  for (const [menu, items] of Object.entries(contributes.menus) as [string, { command: string; when?: string }[]][]) {
    if (menu === 'commandPalette') continue;
    for (const item of items.filter((i) => TOOL_COMMANDS.includes(i.command))) {
      assert.match(item.when ?? '', /\bisWorkspaceTrusted\b/, `${menu}: ${item.command}`);
      assert.match(item.when ?? '', /\bwit\.canRunTools\b/, `${menu}: ${item.command}`);
    }
  }
});

test('settings that name executables or commands are restricted in untrusted workspaces', () => {
  const untrusted = manifest.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited');
  const executables = Object.keys(contributes.configuration.properties).filter((k) => k.startsWith('wit.tools.') || k === 'wit.build.commandTemplates');
  assert.equal(executables.length, 9);
  assert.deepEqual([...untrusted.restrictedConfigurations].sort(), executables.sort());
});

test('the web entry, the wit task type, the problem matchers and the .wasm viewer are contributed', () => {
  assert.equal(manifest.browser, './dist/browser/extension.js');
  assert.equal(manifest.main, './dist/extension.js');
  const task = contributes.taskDefinitions.find((d: { type: string }) => d.type === 'wit');
  assert.deepEqual(task.required, ['job']);
  assert.deepEqual(task.properties.job.enum, ['build', 'types', 'deps', 'run', 'invoke', 'serve', 'plug', 'compose']);
  assert.deepEqual(contributes.problemMatchers.map((m: { name: string }) => m.name), ['wit-cargo', 'wit-wasm-tools', 'wit-jco']);
  assert.deepEqual(contributes.customEditors, [{ viewType: 'wit.componentViewer', displayName: 'WebAssembly Component (WIT)', selector: [{ filenamePattern: '*.wasm' }], priority: 'default' }]);
});

test('jco is optional, kept out of the bundle, and preview2-shim is pinned', () => {
  assert.ok(manifest.optionalDependencies['@bytecodealliance/jco']);
  assert.equal(manifest.dependencies['@bytecodealliance/jco'], undefined);
  assert.equal(manifest.overrides['@bytecodealliance/preview2-shim'], '0.26.0');
  assert.match(manifest.scripts.package, /--no-dependencies/);
  const build = readFileSync(join(ROOT, 'scripts/build.mjs'), 'utf8');
  assert.match(build, /external: \['vscode', '@bytecodealliance\/\*'\]/);
});
