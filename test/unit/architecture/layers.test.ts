// Enforces the architecture: each layer imports only the layers below it, only Node entry points
// touch `node:` modules, only the lsp layer knows LSP types, every diagnostic code in use is in
// the table, and docs/diagnostics.md is generated from that table.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { DIAGNOSTIC_CODES } from '../../../server/src/base/diagnosticCodes';

const SERVER = join('server', 'src');
/** What each server folder may import from the others. */
const ALLOWED: Record<string, string[]> = {
  base: [],
  syntax: ['base'],
  semantics: ['base', 'syntax'],
  ide: ['base', 'syntax', 'semantics'],
  lsp: ['base', 'syntax', 'semantics', 'ide'],
  node: ['base', 'syntax', 'semantics', 'ide', 'lsp'],
  browser: ['base', 'syntax', 'semantics', 'ide', 'lsp'],
  cli: ['base', 'syntax', 'semantics', 'ide', 'lsp', 'node'],
};
/** Folders that run only in Node and may use its modules. */
const NODE_ONLY = new Set(['node', 'cli']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : n.endsWith('.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)) out.push(m[1]);
  for (const m of text.matchAll(/(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]);
  return out;
}

test('server layers import only the layers below them', () => {
  const problems: string[] = [];
  for (const layer of Object.keys(ALLOWED)) {
    let layerFiles: string[] = [];
    try {
      layerFiles = files(join(SERVER, layer));
    } catch {
      continue;
    }
    for (const f of layerFiles) {
      for (const spec of imports(f)) {
        if (spec.startsWith('.')) {
          const target = relative(SERVER, join(f, '..', spec)).split('/')[0];
          if (target !== layer && !ALLOWED[layer].includes(target)) problems.push(`${f} imports ${spec} (${layer} → ${target})`);
        } else if (spec.startsWith('node:') || ['fs', 'path', 'child_process', 'os'].includes(spec)) {
          if (!NODE_ONLY.has(layer)) problems.push(`${f} imports ${spec}: only ${[...NODE_ONLY].join(' and ')} may use Node modules`);
        } else if (spec.startsWith('vscode-languageserver') && !['lsp', 'node', 'browser'].includes(layer)) {
          problems.push(`${f} imports ${spec}: only the lsp layer and entry points know LSP types`);
        }
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('the client imports only vscode, the language client and its own files', () => {
  const problems: string[] = [];
  for (const f of files(join('client', 'src'))) {
    for (const spec of imports(f)) {
      if (spec.startsWith('.')) {
        const target = relative('.', join(f, '..', spec));
        if (!target.startsWith('client/') && !target.startsWith('server/src/semantics') && !target.startsWith('server/src/syntax') && !target.startsWith('server/src/base') && !target.startsWith('server/src/lsp/protocol')) {
          problems.push(`${f} imports ${spec}`);
        }
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('every diagnostic code used in the server is in the table', () => {
  const used = new Set<string>();
  for (const f of files(SERVER)) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/code:\s*'([a-z0-9-]+)'/g)) used.add(m[1]);
    for (const m of text.matchAll(/report\([^,]+,\s*'([a-z0-9-]+)'/g)) used.add(m[1]);
    for (const m of text.matchAll(/\.error\([^)]*?,\s*'([a-z0-9-]+)'/g)) used.add(m[1]);
  }
  const unknown = [...used].filter((c) => !(c in DIAGNOSTIC_CODES));
  assert.deepEqual(unknown, []);
  console.log(`# architecture: ${Object.keys(DIAGNOSTIC_CODES).length} diagnostic codes in the table, ${used.size} seen in calls`);
});

test('docs/diagnostics.md is generated from the current table', () => {
  const r = spawnSync(process.execPath, ['scripts/gen-diagnostics-doc.mjs', '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});
