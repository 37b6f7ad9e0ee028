// The benchmark's third part: editor features on large inputs, in process (bundled by run.mjs
// into bench/.build/features.js and run in a process of its own). Formatting, semantic tokens
// (full and delta), outline, folding and selection on a 10,000-line file; the Canonical ABI
// table and hovers of ../shared/abi; completion at five kinds of positions of a 50,000-line
// package. Prints a Markdown table and, on its last line, the figures as JSON.
// Usage: node bench/.build/features.js SHARED_DIR [--quick]

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { completion } from '../server/src/ide/completion';
import { documentSymbols } from '../server/src/ide/documentSymbols';
import { foldingRanges } from '../server/src/ide/folding';
import { formatDocument } from '../server/src/ide/formatting';
import { selectionRanges } from '../server/src/ide/selectionRanges';
import { semanticTokens } from '../server/src/ide/semanticTokens';
import { encodeTokens, tokenEdits } from '../server/src/lsp/handlers/semanticTokens';
import { LineIndex } from '../server/src/lsp/lineIndex';
import { abiReport, defLayout, funcSignatures, ownTypes } from '../server/src/semantics/abi';
import { defAbiMarkdown, funcAbiMarkdown } from '../server/src/semantics/abiText';
import { parse } from '../server/src/syntax';
import { analyzeFixture } from '../test/support/fixture';
import { checkPath } from '../test/support/check';

const [shared] = process.argv.slice(2);
const runs = process.argv.includes('--quick') ? 5 : 15;

interface Row {
  measure: string;
  input: string;
  p50: number;
  p95: number;
}
const rows: Row[] = [];

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** Times `f` over `n` runs after two warm-up calls and records p50/p95; returns the last result. */
function time<T>(measure: string, input: string, f: () => T, n = runs): T {
  let result = f();
  f();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    result = f();
    times.push(performance.now() - t);
  }
  rows.push({ measure, input, p50: pct(times, 50), p95: pct(times, 95) });
  return result;
}

async function largeFile(): Promise<void> {
  const text = readFileSync(join(shared, 'abi', 'enums-large.wit'), 'utf8');
  const input = `enums-large.wit (${text.split('\n').length} lines)`;
  const tree = parse(text);
  time('format (canonical input)', input, () => formatDocument(tree));
  const reindented = parse(text.replace(/^( +)/gm, '$1$1'));
  time('format (every line re-indented)', input, () => formatDocument(reindented));

  const fx = await analyzeFixture(`//- /wit/enums-large.wit\n${text}`);
  const a = fx.analysis;
  const index = new LineIndex(a.file.text);
  const encoded = time('semantic tokens, full (classify + encode)', input, () => encodeTokens(index, semanticTokens(a.file.tree, a)));
  const edited = await analyzeFixture(`//- /wit/enums-large.wit\n${text.replace('    c5000,', '    renamed-case,')}`);
  const editedIndex = new LineIndex(edited.analysis.file.text);
  time('semantic tokens, delta after a one-line edit', input, () =>
    tokenEdits(encoded, encodeTokens(editedIndex, semanticTokens(edited.analysis.file.tree, edited.analysis))),
  );
  time('document symbols', input, () => documentSymbols(a.file.tree, a));
  time('folding ranges', input, () => foldingRanges(a.file.tree));
  time('selection ranges (one cursor)', input, () => selectionRanges(a.file.tree, [text.indexOf('c9999')]));
}

async function abi(): Promise<void> {
  const checked = await checkPath(join(shared, 'abi'));
  const packages = checked.resolution.rootPackages;
  const input = '../shared/abi (all packages)';
  // Each call starts from fresh layouts only for the first run; the rest are memoized, as in an editor.
  time('ABI table, both pointer sizes', input, () => abiReport(packages));
  time('ABI layouts + hover texts of every type and function', input, () => {
    let n = 0;
    for (const pkg of packages) {
      for (const owner of [...pkg.interfaces.values(), ...pkg.worlds.values()]) {
        for (const def of ownTypes(owner)) {
          defLayout(def, 4);
          defLayout(def, 8);
          n += defAbiMarkdown(def).length;
        }
        if (owner.kind !== 'interface') continue;
        for (const f of owner.funcs.values()) {
          funcSignatures(f, 4);
          n += funcAbiMarkdown(f).length;
        }
      }
    }
    return n;
  });
}

/** A 50,000-line package: 100 interfaces of 40 records, variants, flags and functions each. */
function bigWorkspace(body: string): string {
  const iface = (i: number) => {
    const lines = [`interface iface-${i} {`];
    if (i > 0) lines.push(`  use iface-${i - 1}.{record-${i - 1}-0, flags-${i - 1}-0};`);
    for (let j = 0; j < 40; j++) {
      lines.push(
        `  /// Record ${j} of interface ${i}.`,
        `  record record-${i}-${j} {`, '    id: u64,', '    name: string,', '    payload: list<u8>,', '    parent: option<u32>,', '  }',
        `  variant variant-${i}-${j} {`, '    empty,', `    one(record-${i}-${j}),`, '    many(list<string>),', '  }',
        `  flags flags-${i}-${j} { read, write, exec }`,
        `  get-user-${j}: func(key: record-${i}-${j}, limit: u32) -> result<variant-${i}-${j}, string>;`,
      );
    }
    if (i === 50) lines.push(`  ${body}`);
    lines.push('}', '');
    return lines.join('\n');
  };
  const files: string[] = [];
  for (let f = 0; f < 10; f++) {
    files.push(`//- /wit/part-${f}.wit`, 'package bench:big@1.0.0;', '');
    for (let i = f * 10; i < f * 10 + 10; i++) files.push(iface(i));
  }
  const imports = Array.from({ length: 100 }, (_, i) => `  import iface-${i};`).join('\n');
  files.push(`//- /wit/world.wit\npackage bench:big@1.0.0;\n\nworld big {\n${imports}\n}\n`);
  return files.join('\n');
}

async function completions(): Promise<void> {
  const fx = await analyzeFixture(bigWorkspace('probe: func(x: $0);'));
  const lines = Object.values(fx.files).reduce((n, t) => n + t.split('\n').length, 0);
  const checked = fx.files[fx.path];
  const positions: [string, string][] = [
    ['type position', 'probe: func(x: $0);'],
    ['kebab-case prefix', 'probe: func(x: rec-5$0);'],
    ['item start', '$0'],
    ['use list', 'use iface-3.{record-3-1, $0};'],
    ['interface path after use', 'use ifa$0'],
  ];
  for (const [name, body] of positions) {
    const current = checked.replace('probe: func(x: );', body);
    const offset = current.indexOf('$0');
    const tree = parse(current.replace('$0', ''));
    time(`completion, ${name}`, `generated package (${lines} lines)`, () => completion(fx.analysis, tree, offset), runs * 10);
  }
}

async function main(): Promise<void> {
  await largeFile();
  await abi();
  await completions();
  console.log('| measure | input | p50 (ms) | p95 (ms) |');
  console.log('|---|---|---:|---:|');
  for (const r of rows) console.log(`| ${r.measure} | ${r.input} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} |`);
  console.log(JSON.stringify(rows));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
