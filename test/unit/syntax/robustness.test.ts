// Randomized robustness of the lexer and parser: seeded mutations of the corpus (tokens and
// characters deleted, inserted and swapped) must never throw, must round-trip losslessly, and
// the parser's work must stay linear in the input size.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { greenText, lex, parse, parseWork } from '../../../server/src/syntax';
import { rng } from '../../support/random';
import { SHARED, SHARED_MISSING, filesUnder, sharedAvailable } from '../../support/shared';

const SNIPPETS = [
  '{', '}', '(', ')', '<', '>', ';', ':', ',', '.', '/', '@', '=', '->', '%', '"', '/*', '*/', '//',
  '\n', ' ', 'interface', 'world', 'package', 'use', 'type', 'record', 'resource', 'func', 'list<',
  'import', 'export', 'include', 'with', 'as', 'static', 'async', 'constructor', '_', '1.0.0',
  'a:b/c', 'ü', '\u202e', '\r', '\t', '\u0000', 'x-y', 'XY', '%type', '"\\u{41}"',
];

function corpus(): string[] {
  const dirs = ['conformance/wasi/packages', 'conformance/wit-parser/tests/ui', 'abi'];
  return dirs.flatMap((d) => filesUnder(join(SHARED, d))).map((f) => readFileSync(f, 'utf8'))
    .filter((t) => t.length < 40_000);
}

function mutate(text: string, r: ReturnType<typeof rng>): string {
  const lexed = lex(text);
  const count = 1 + r.int(4);
  let out = text;
  for (let i = 0; i < count; i++) {
    const op = r.int(6);
    const pos = r.int(out.length + 1);
    switch (op) {
      case 0: // delete a character
        out = out.slice(0, pos) + out.slice(pos + 1);
        break;
      case 1: // insert a snippet
        out = out.slice(0, pos) + r.pick(SNIPPETS) + out.slice(pos);
        break;
      case 2: { // delete a token of the original text
        const t = r.int(lexed.count);
        if (out === text) out = text.slice(0, lexed.starts[t]) + text.slice(lexed.starts[t + 1]);
        break;
      }
      case 3: { // swap two tokens of the original text
        const a = r.int(lexed.count);
        const b = Math.min(lexed.count - 1, a + 1 + r.int(3));
        if (out === text && a < b) {
          const ta = text.slice(lexed.starts[a], lexed.starts[a + 1]);
          const tb = text.slice(lexed.starts[b], lexed.starts[b + 1]);
          out = text.slice(0, lexed.starts[a]) + tb + text.slice(lexed.starts[a + 1], lexed.starts[b]) + ta + text.slice(lexed.starts[b + 1]);
        }
        break;
      }
      case 4: // swap two characters
        if (pos + 1 < out.length) out = out.slice(0, pos) + out[pos + 1] + out[pos] + out.slice(pos + 2);
        break;
      default: // duplicate a range
        out = out.slice(0, pos) + out.slice(pos, pos + r.int(40)) + out.slice(pos);
    }
  }
  return out;
}

test('mutated corpus: no exception, lossless round trip, bounded work per token', { skip: !sharedAvailable() && SHARED_MISSING }, () => {
  const r = rng();
  const files = corpus();
  const runs = 10_000;
  let maxWorkPerToken = 0;
  let errors = 0;
  for (let i = 0; i < runs; i++) {
    const input = mutate(r.pick(files), r);
    const before = parseWork();
    const tree = parse(input);
    const work = parseWork() - before;
    const tokens = lex(input).count + 1;
    maxWorkPerToken = Math.max(maxWorkPerToken, work / tokens);
    errors += tree.errors.length;
    if (greenText(tree.green) !== input) assert.fail(`round trip failed (seed ${r.seed}, run ${i})`);
    if (tree.errors.some((e) => e.message.startsWith('internal parser error'))) {
      assert.fail(`the parser threw (seed ${r.seed}, run ${i}): ${tree.errors[0].message}`);
    }
    if (tree.errors.some((e) => e.start < 0 || e.end > input.length || e.start > e.end)) {
      assert.fail(`error range out of the text (seed ${r.seed}, run ${i})`);
    }
  }
  console.log(`# robustness: ${runs} mutated inputs (seed ${r.seed}): no exception, lossless; ${errors} errors reported; at most ${maxWorkPerToken.toFixed(1)} parser steps per token`);
  assert.ok(maxWorkPerToken < 40, `parser work per token ${maxWorkPerToken} suggests super-linear behaviour`);
});

test('parser work grows linearly with input size, also on pathological input', () => {
  const unit = 'interface a { record r { x: list<list<u8>>, y: u32 } f: func(a: u32) -> option<string>; }\n';
  const inputs = [
    (n: number) => 'package a:b;\n' + unit.repeat(n),
    (n: number) => '{'.repeat(n * 20),
    (n: number) => 'interface x { ' + 'type t = list<'.repeat(n * 5),
    (n: number) => '/* '.repeat(n * 10),
    (n: number) => 'world w { ' + 'import '.repeat(n * 10),
    (n: number) => '@since(version = 1.0.0)'.repeat(n * 5),
    (n: number) => 'package a:b { '.repeat(n * 3),
  ];
  for (const make of inputs) {
    const work = (n: number) => {
      const before = parseWork();
      const tree = parse(make(n));
      assert.equal(greenText(tree.green), make(n));
      return parseWork() - before;
    };
    const small = work(200);
    const large = work(1600);
    const ratio = large / Math.max(1, small);
    assert.ok(ratio < 8 * 1.5, `work grew ${ratio.toFixed(1)}x for 8x input: ${make(1).slice(0, 30)}`);
  }
});
