// Every entry of ../shared/abi/expected.json (the spec's reference code run over the `abi:cases`
// and `abi:invalid` packages) must come out of our ABI code exactly, every field, wasm64
// included: once through the library and once through `node dist/cli.js abi --json`. Prints
// the figures.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { type AbiReport, abiReport } from '../../../../server/src/semantics/abi';
import { checkPath, isError } from '../../../support/check';
import { SHARED, SHARED_MISSING, sharedAvailable } from '../../../support/shared';

const skip = !sharedAvailable() && SHARED_MISSING;
const ABI = join(SHARED, 'abi');
const INVALID = join(ABI, 'invalid', 'flags-over-32.wit');
const CLI = resolve('dist', 'cli.js');
const NO_CLI = !existsSync(CLI) && `${CLI} is missing: run \`npm run build\` first; skipping`;

type Table = Record<string, unknown>;

function expected(): AbiReport {
  const json = JSON.parse(readFileSync(join(ABI, 'expected.json'), 'utf8'));
  assert.equal(json.format, 'wit-abi-oracle/1');
  return { types: json.types, functions: json.functions };
}

async function libraryReport(): Promise<AbiReport> {
  const out: AbiReport = { types: {}, functions: {} };
  for (const path of [ABI, INVALID]) {
    const r = await checkPath(path);
    const errors = [...r.diagnostics.values()].flat().filter(isError);
    assert.deepEqual(errors.map((d) => d.message), [], `${path} checks without errors`);
    const report = abiReport(r.resolution.rootPackages);
    Object.assign(out.types, report.types);
    Object.assign(out.functions, report.functions);
  }
  return out;
}

/** Which top-level fields of an entry differ, for a readable failure. */
function differences(actual: unknown, wanted: unknown): string[] {
  if (actual === undefined) return ['(missing)'];
  const a = actual as Table;
  const w = wanted as Table;
  const keys = new Set([...Object.keys(a), ...Object.keys(w)]);
  const out: string[] = [];
  for (const k of keys) {
    try {
      assert.deepStrictEqual(a[k], w[k]);
    } catch {
      out.push(`${k}: got ${JSON.stringify(a[k])?.slice(0, 300)}, want ${JSON.stringify(w[k])?.slice(0, 300)}`);
    }
  }
  return out;
}

function compare(label: string, actual: AbiReport, want: AbiReport): void {
  const misses: string[] = [];
  const figures: string[] = [];
  for (const part of ['types', 'functions'] as const) {
    const keys = Object.keys(want[part]);
    let match = 0;
    for (const key of keys) {
      const diff = differences(actual[part][key], want[part][key]);
      if (diff.length === 0) match++;
      else misses.push(`${key}\n    ${diff.join('\n    ')}`);
    }
    const extra = Object.keys(actual[part]).filter((k) => !(k in want[part]));
    for (const k of extra) misses.push(`${k}: not in expected.json`);
    figures.push(`${match}/${keys.length} ${part}`);
  }
  console.log(`# abi (${label}): ${figures.join(', ')} match expected.json`);
  assert.deepEqual(misses, [], `${label}: mismatches:\n${misses.slice(0, 20).join('\n')}`);
}

test('the library reproduces every entry of expected.json', { skip }, async () => {
  compare('library', await libraryReport(), expected());
});

test('`abi --json` prints every entry of expected.json', { skip: skip || NO_CLI }, () => {
  const r = spawnSync(process.execPath, [CLI, 'abi', '--json', ABI, join(ABI, 'invalid', 'flags-over-32.wit')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  compare('cli', JSON.parse(r.stdout), expected());
});

test('the six types of abi:invalid are invalid, for the reason the spec gives', { skip }, async () => {
  const report = await libraryReport();
  const invalid = Object.entries(report.types).filter(([k]) => k.startsWith('abi:invalid/'));
  assert.equal(invalid.length, 6);
  for (const [key, entry] of invalid) {
    assert.equal(entry.valid, false, key);
    const reason = key.endsWith('/too-big') ? /^elem_size under the i64 ABI is 34359738368 >= 2\^28/ : /^flags type with (33|64|65|96) labels: the current spec allows at most 32/;
    assert.match(String(entry.error), reason, key);
  }
  const valid = Object.values(report.types).filter((e) => e.valid).length;
  console.log(`# abi: ${valid} valid and ${Object.keys(report.types).length - valid} invalid types`);
});
