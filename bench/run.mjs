// `npm run bench`: measures our full check side by side with the reference parser (wit-parser
// compiled to wasm in @bytecodealliance/jco-transpile) on the WASI layouts and on generated
// packages of 5k and 50k lines, each tool in its own processes (warm, in rounds that alternate
// between the tools, and cold: one check in a fresh process); then, through the real language
// server over stdio, keystroke-to-diagnostics and completion latency on the 50k-line package;
// then editor features on large inputs in process (bench/features.ts).
// Prints medians, ratios and peak memory, and writes bench/results.json.
// Usage: node bench/run.mjs [--quick]

import { spawnSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { generatePackage } from './generate.mjs';

const quick = process.argv.includes('--quick');
const root = resolve(import.meta.dirname, '..');
const cacheDir = join(root, '.cache', 'bench');
mkdirSync(cacheDir, { recursive: true });

await esbuild.build({
  entryPoints: [join(root, 'bench', 'engine.ts')],
  bundle: true, platform: 'node', format: 'cjs', target: 'es2022',
  outfile: join(root, 'bench', '.build', 'engine.js'), logLevel: 'warning',
});
// The cold figures run dist/cli.js and the latency figures dist/server.js: build them from the
// current sources.
if (spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const lineCount = (dir) => {
  let n = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.wit')) n += readFileSync(join(d, e.name), 'utf8').split('\n').length;
    }
  };
  walk(dir);
  return n;
};

function worker(side, path, n, world, mode) {
  const r = spawnSync(process.execPath, ['--expose-gc', join(root, 'bench', 'worker.mjs'), side, path, String(n), world ?? '', mode], {
    cwd: root, encoding: 'utf8', maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`${side} worker failed on ${path}:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** Wall time of one check in a fresh process: ours is the command line itself. */
function coldRun(side, path, world) {
  const args = side === 'ours'
    ? [join(root, 'dist', 'cli.js'), 'check', path]
    : [join(root, 'bench', 'worker.mjs'), side, path, '1', world ?? '', 'cold'];
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = performance.now() - t;
  if (r.status === null || r.status > 1) throw new Error(`${side} cold run failed on ${path}:\n${r.stderr}`);
  return ms;
}

// ---- inputs
const inputs = [];
const sharedDir = resolve(process.env.WIT_SHARED ?? resolve(root, '..', 'shared'));
const wasi = join(sharedDir, 'conformance', 'wasi', 'layouts');
if (existsSync(wasi)) {
  const worlds = {
    'cli-command-0.2.12': 'command', 'cli-command-0.3.0': 'command', 'http-proxy-0.2.0': 'proxy',
    'http-proxy-0.2.12': 'proxy', 'http-service-0.3.0': 'service', 'user-app-0.2.12': 'app', 'user-app-0.3.0': 'app',
  };
  for (const l of readdirSync(wasi).sort()) {
    const dir = join(wasi, l, 'wit');
    inputs.push({ name: `wasi ${l}`, path: dir, lines: lineCount(dir), world: worlds[l], n: quick ? 5 : 15 });
  }
} else {
  console.log('# ../shared (or WIT_SHARED) is absent: the WASI layouts are skipped');
}
for (const [label, lines, files] of [['5k', 5000, 10], ['50k', 50000, 50]]) {
  const dir = join(cacheDir, `generated-${label}`);
  const info = generatePackage(dir, lines, files);
  inputs.push({ name: `generated ${label}`, path: dir, lines: info.lines, world: info.world, n: quick ? 3 : label === '50k' ? 9 : 15 });
}

// ---- part 1: full check
// Three ways to run the same work, both tools alike: `steady`, one run after another as in the
// language server; `after GC`, a forced full collection before each run; `cold`, one check in a
// fresh process, start-up and JIT warm-up included, as a one-off `wit-ls check` pays it. Warm
// runs come in rounds that alternate between the tools, so that a machine that slows down for a
// while (a shared 2-core VM does) slows both alike; each round is a new process with its own
// warm-up.
const rounds = quick ? 1 : 3;
console.log(`\n## Full check (read, parse, resolve, validate): warm medians over ${rounds} alternating round(s), cold medians over fresh processes\n`);
console.log('| input | lines | ours steady (ms) | reference steady (ms) | ratio steady | ours after GC (ms) | reference after GC (ms) | ratio after GC | ours cold (ms) | reference cold (ms) | ratio cold | ours peak MB | reference peak MB |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
const rows = [];
for (const input of inputs) {
  // If the world has another name in a layout, the reference errors out; fall back to no world.
  let world = input.world;
  const measure = (side, mode, n) => {
    try {
      return worker(side, input.path, n, side === 'reference' ? world : undefined, mode);
    } catch (e) {
      if (side !== 'reference' || world === undefined) throw e;
      world = undefined;
      return worker(side, input.path, n, undefined, mode);
    }
  };
  const times = { ours: { steady: [], collected: [] }, reference: { steady: [], collected: [] } };
  const peak = { ours: 0, reference: 0 };
  const perRound = Math.max(1, Math.ceil(input.n / rounds));
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? ['ours', 'reference'] : ['reference', 'ours'];
    for (const mode of ['steady', 'collected']) {
      for (const side of order) {
        const m = measure(side, mode, perRound);
        times[side][mode].push(...m.times);
        peak[side] = Math.max(peak[side], m.peakMB);
      }
    }
  }
  const cold = { ours: [], reference: [] };
  const colds = quick ? 1 : 5;
  for (let i = 0; i < colds; i++) {
    for (const side of i % 2 ? ['ours', 'reference'] : ['reference', 'ours']) {
      cold[side].push(side === 'ours' ? coldRun('ours', input.path) : coldRun('reference', input.path, world));
    }
  }
  const row = {
    input: input.name, lines: input.lines,
    oursMs: median(times.ours.steady), referenceMs: median(times.reference.steady),
    oursAfterGcMs: median(times.ours.collected), referenceAfterGcMs: median(times.reference.collected),
    oursColdMs: median(cold.ours), referenceColdMs: median(cold.reference),
    oursPeakMB: peak.ours, referencePeakMB: peak.reference,
  };
  row.ratio = row.oursMs / row.referenceMs;
  row.ratioAfterGc = row.oursAfterGcMs / row.referenceAfterGcMs;
  row.ratioCold = row.oursColdMs / row.referenceColdMs;
  rows.push(row);
  console.log(`| ${row.input} | ${row.lines} | ${row.oursMs.toFixed(1)} | ${row.referenceMs.toFixed(1)} | ${row.ratio.toFixed(2)} | ${row.oursAfterGcMs.toFixed(1)} | ${row.referenceAfterGcMs.toFixed(1)} | ${row.ratioAfterGc.toFixed(2)} | ${row.oursColdMs.toFixed(0)} | ${row.referenceColdMs.toFixed(0)} | ${row.ratioCold.toFixed(2)} | ${row.oursPeakMB} | ${row.referencePeakMB} |`);
}
const big = rows.find((r) => r.input === 'generated 50k');
const verdict = (r) => (r <= 0.5 ? 'met' : 'NOT met');
console.log(`\n50k lines, steady: ours ${big.oursMs.toFixed(0)} ms vs reference ${big.referenceMs.toFixed(0)} ms: ratio ${big.ratio.toFixed(2)} (goal: at most 0.50) ${verdict(big.ratio)}`);
console.log(`50k lines, after a full GC: ours ${big.oursAfterGcMs.toFixed(0)} ms vs reference ${big.referenceAfterGcMs.toFixed(0)} ms: ratio ${big.ratioAfterGc.toFixed(2)} (goal: at most 0.50) ${verdict(big.ratioAfterGc)}`);
console.log(`50k lines, cold (a fresh process): ours ${big.oursColdMs.toFixed(0)} ms vs reference ${big.referenceColdMs.toFixed(0)} ms: ratio ${big.ratioCold.toFixed(2)} (goal: at most 0.50) ${verdict(big.ratioCold)}`);

// ---- part 2: editor latency through the real server
// Keystrokes are measured against the full check the server would otherwise make, which also
// records references and hints (the command line's check above leaves them out).
const bigInput = inputs.find((i) => i.name === 'generated 50k');
const editorFull = median(worker('ours-editor', bigInput.path, quick ? 3 : 15, undefined, 'steady').times);
console.log(`\n50k lines, the language server's full check (references and hints included), steady: ${editorFull.toFixed(0)} ms`);
const lsp = await editorLatency(join(cacheDir, 'generated-50k'), editorFull);

// ---- part 3: editor features on large inputs, in process (bench/features.ts)
const features = editorFeatures();
writeFileSync(join(root, 'bench', 'results.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, fullCheck: rows, editor: lsp, features }, null, 2) + '\n');
console.log('\nwrote bench/results.json');

function editorFeatures() {
  if (!existsSync(sharedDir)) {
    console.log('\n# ../shared (or WIT_SHARED) is absent: the editor-feature figures are skipped');
    return [];
  }
  const out = join(root, 'bench', '.build', 'features.js');
  esbuild.buildSync({ entryPoints: [join(root, 'bench', 'features.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'es2022', outfile: out, logLevel: 'warning' });
  const r = spawnSync(process.execPath, [out, sharedDir, ...(quick ? ['--quick'] : [])], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`editor-feature benchmark failed:\n${r.stderr}`);
  const lines = r.stdout.trimEnd().split('\n');
  console.log('\n## Editor features on large inputs (in process, p50/p95)\n');
  console.log(lines.slice(0, -1).join('\n'));
  return JSON.parse(lines[lines.length - 1]);
}

async function editorLatency(dir, fullCheckMs) {
  const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = await import('vscode-languageserver-protocol/node');
  const proc = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const waiting = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const w = waiting.get(`${p.uri}#${p.version}`);
    if (w) {
      waiting.delete(`${p.uri}#${p.version}`);
      w(performance.now());
    }
  });
  conn.onRequest('workspace/configuration', () => [{ diagnosticsDelay: 0 }]);
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  conn.onNotification('$/progress', () => undefined);
  conn.listen();
  const rootUri = pathToFileURL(dir).href;
  await conn.sendRequest('initialize', {
    processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  conn.sendNotification('initialized', {});
  const file = join(dir, 'part-025.wit');
  const uri = pathToFileURL(file).href;
  let text = readFileSync(file, 'utf8');
  const published = (version) => new Promise((r) => waiting.set(`${uri}#${version}`, r));
  let version = 1;
  let first = published(version);
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wit', version, text } });
  await first;

  // Keystrokes: type a parameter into a function in the middle of the file, one character at a
  // time, then delete it again; each edit waits for the diagnostics of its own version.
  const lines = text.split('\n');
  const lineNo = lines.findIndex((l, i) => i > lines.length / 2 && l.includes('summarize: func(items: list<entry>'));
  const col = lines[lineNo].indexOf('list<entry>') + 'list<entry>'.length;
  const typed = ', extra-count: u32';
  const keystrokes = [];
  const edits = [];
  for (let i = 0; i < typed.length; i++) edits.push({ at: col + i, insert: typed[i] });
  for (let i = typed.length - 1; i >= 0; i--) edits.push({ at: col + i, remove: 1 });
  const rounds = quick ? 1 : 3;
  for (let round = 0; round < rounds; round++) {
    for (const e of edits) {
      version++;
      const change = e.insert !== undefined
        ? { range: { start: { line: lineNo, character: e.at }, end: { line: lineNo, character: e.at } }, text: e.insert }
        : { range: { start: { line: lineNo, character: e.at }, end: { line: lineNo, character: e.at + e.remove } }, text: '' };
      const done = published(version);
      const t = performance.now();
      conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      keystrokes.push((await done) - t);
    }
  }

  // Completion at a type position (after `p: ` in a new parameter).
  const completions = [];
  const position = { line: lineNo, character: col };
  for (let i = 0; i < (quick ? 10 : 40); i++) {
    const t = performance.now();
    await conn.sendRequest('textDocument/completion', { textDocument: { uri }, position });
    completions.push(performance.now() - t);
  }
  await conn.sendRequest('shutdown');
  // The server may still answer late requests of its own (refreshes) while it exits: writes to
  // its closed stdin are expected then, not errors.
  proc.stdin.on('error', () => undefined);
  const exited = new Promise((r) => proc.once('exit', r));
  conn.sendNotification('exit');
  await exited;
  conn.dispose();

  const out = {
    keystrokeP50: pct(keystrokes, 50), keystrokeP95: pct(keystrokes, 95), keystrokes: keystrokes.length,
    completionP50: pct(completions, 50), completionP95: pct(completions, 95), completions: completions.length,
    fullCheckMs,
  };
  console.log('\n## Editor latency on the 50k-line package (real server over stdio, diagnostics delay 0)\n');
  console.log('| measure | p50 (ms) | p95 (ms) | p95 / full check |');
  console.log('|---|---:|---:|---:|');
  console.log(`| keystroke to diagnostics (${out.keystrokes} edits) | ${out.keystrokeP50.toFixed(1)} | ${out.keystrokeP95.toFixed(1)} | ${(out.keystrokeP95 / fullCheckMs).toFixed(3)} |`);
  console.log(`| completion (${out.completions} requests) | ${out.completionP50.toFixed(1)} | ${out.completionP95.toFixed(1)} | ${(out.completionP95 / fullCheckMs).toFixed(3)} |`);
  console.log(`\nkeystroke-to-diagnostics p95 / full check = ${(out.keystrokeP95 / fullCheckMs).toFixed(3)} (goal: at most 0.1) ${out.keystrokeP95 / fullCheckMs <= 0.1 ? 'met' : 'NOT met'}`);
  return out;
}
