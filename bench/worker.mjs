// One side of the benchmark in its own process:
// `node bench/worker.mjs ours|ours-editor|reference PATH N WORLD|'' steady|collected|cold` runs N iterations
// (after warm-up) and prints {times, peakMB, result} as JSON. `steady`: runs follow each other as
// in a long-lived process (the language server), each paying its share of garbage collection.
// `collected`: a full collection before each run, so no run pays for the garbage of another.
// `cold`: N runs without warm-up (the benchmark's cold figure for the reference; N = 1).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [side, path, count, world, mode = 'collected'] = process.argv.slice(2);
const n = Number(count);

function peakMB() {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Math.round(process.memoryUsage().rss / 1048576);
}

let run;
if (side === 'ours' || side === 'ours-editor') {
  const require = createRequire(import.meta.url);
  const { fullCheck } = require('./.build/engine.js');
  const forEditor = side === 'ours-editor';
  run = () => fullCheck(path, forEditor);
} else {
  const tools = await import('@bytecodealliance/jco-transpile/wasm-tools');
  run = async () => {
    const meta = await tools.componentWitMetadataForWorld({ tag: 'path', val: path }, world || undefined);
    return meta.imports.length;
  };
}

// Warm-up: at least 3 runs and at least a second of them, so that a small input (a few ms per
// run) is as warm as a large one when measuring starts. None in cold mode.
let result;
if (mode !== 'cold') {
  const until = performance.now() + 1000;
  for (let i = 0; i < 3 || performance.now() < until; i++) result = await run();
}
const collect = globalThis.gc ?? (() => undefined);
collect();
const times = [];
for (let i = 0; i < n; i++) {
  if (mode === 'collected') collect();
  const t = performance.now();
  result = await run();
  times.push(performance.now() - t);
}
process.stdout.write(JSON.stringify({ times, peakMB: peakMB(), result }) + '\n');
