// Writes docs/diagnostics.md from the diagnostic code table (server/src/base/diagnosticCodes.ts),
// so the documentation cannot drift from the codes. `npm test` checks that the file is current.
// Usage: node scripts/gen-diagnostics-doc.mjs [--check]

import { readFileSync, writeFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

export async function renderDiagnosticsDoc() {
  const out = await esbuild.build({
    entryPoints: ['server/src/base/diagnosticCodes.ts'], bundle: true, write: false, format: 'cjs', platform: 'node',
  });
  const mod = { exports: {} };
  new Function('module', 'exports', out.outputFiles[0].text)(mod, mod.exports);
  const codes = mod.exports.DIAGNOSTIC_CODES;
  const lines = [
    '# Diagnostics',
    '',
    'Every problem the language server and `wit-ls check` report has a stable code. This page is',
    'generated from the code table in `server/src/base/diagnosticCodes.ts`',
    '(`node scripts/gen-diagnostics-doc.mjs`). Errors make `wit-ls check` exit with status 1;',
    'warnings are problems wit-parser accepts but component validation rejects; hints are shown',
    'in the editor only.',
    '',
    '| code | severity | meaning |',
    '|---|---|---|',
  ];
  for (const [code, info] of Object.entries(codes)) {
    lines.push(`| <a id="${code}"></a>\`${code}\` | ${info.severity} | ${info.doc.replace(/\|/g, '\\|')} |`);
  }
  return lines.join('\n') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = await renderDiagnosticsDoc();
  if (process.argv.includes('--check')) {
    const current = readFileSync('docs/diagnostics.md', 'utf8');
    if (current !== text) {
      console.error('docs/diagnostics.md is out of date: run node scripts/gen-diagnostics-doc.mjs');
      process.exit(1);
    }
  } else {
    writeFileSync('docs/diagnostics.md', text);
    console.log('wrote docs/diagnostics.md');
  }
}
