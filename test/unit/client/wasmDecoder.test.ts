// The component decoder and WIT printer on a component binary written byte by byte here (an
// imported interface with a record, a resource with a method and a function, and an imported
// function), so the test needs no toolchain; components built by jco are covered by
// test/components. Also the core-module listing and the header checks.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { decodeComponent } from '../../../client/src/wasm/componentTypes';
import { inspectWasm } from '../../../client/src/wasm/inspect';
import { binaryKind } from '../../../client/src/wasm/reader';
import { printComponentWit } from '../../../client/src/wasm/witPrinter';
import { checkUnit } from '../../../server/src/semantics/check';
import { NO_FEATURES } from '../../../server/src/semantics/gates';
import { SourceCache } from '../../../server/src/semantics/sources';

const PREAMBLE = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00];
const leb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const str = (s: string) => {
  const bytes = [...new TextEncoder().encode(s)];
  return [...leb(bytes.length), ...bytes];
};
const vec = (items: number[][]) => [...leb(items.length), ...items.flat()];
const section = (id: number, body: number[]) => [id, ...leb(body.length), ...body];
const name = (s: string) => [0x00, ...str(s)];

/** (component (type (instance …)) (type (func …)) (import "example:calc/math@0.1.0" …) (import "greet" …)) */
function sampleComponent(): Uint8Array {
  const instanceType = [
    0x42,
    ...vec([
      [0x01, 0x72, ...vec([[...str('a'), 0x79], [...str('b'), 0x78]])], // type 0: record { a: u32, b: s64 }
      [0x04, ...name('pair'), 0x03, 0x00, 0x00], // export "pair" (type (eq 0)) → type 1
      [0x01, 0x40, ...vec([[...str('p'), 0x01]]), 0x00, 0x79], // type 2: func(p: pair) -> u32
      [0x04, ...name('sum'), 0x01, 0x02],
      [0x04, ...name('counter'), 0x03, 0x01], // export "counter" (type (sub resource)) → type 3
      [0x01, 0x68, 0x03], // type 4: borrow<counter>
      [0x01, 0x40, ...vec([[...str('self'), 0x04]]), 0x00, 0x73], // type 5: func(self: borrow<counter>) -> string
      [0x04, ...name('[method]counter.label'), 0x01, 0x05],
      [0x01, 0x69, 0x03], // type 6: own<counter>
      [0x01, 0x40, ...vec([[...str('start'), 0x79]]), 0x00, 0x06], // type 7: func(start: u32) -> own<counter>
      [0x04, ...name('[constructor]counter'), 0x01, 0x07],
    ]),
  ];
  const greetType = [0x40, ...vec([[...str('name'), 0x73]]), 0x00, 0x73];
  const types = section(7, vec([instanceType, greetType]));
  const imports = section(10, vec([[...name('example:calc/math@0.1.0'), 0x05, 0x00], [...name('greet'), 0x01, 0x01]]));
  return new Uint8Array([...PREAMBLE, ...types, ...imports]);
}

test('a hand-written component decodes to its imports with full types', () => {
  const decoded = decodeComponent(sampleComponent());
  assert.deepEqual(decoded.imports.map((i) => [i.name, i.item.sort]), [['example:calc/math@0.1.0', 'instance'], ['greet', 'func']]);
  assert.deepEqual(decoded.exports, []);
  const wit = printComponentWit(decoded);
  assert.equal(
    wit,
    [
      'package root:component;',
      '',
      'world root {',
      '  import example:calc/math@0.1.0;',
      '  import greet: func(name: string) -> string;',
      '}',
      '',
      'package example:calc@0.1.0 {',
      '  interface math {',
      '    record pair {',
      '      a: u32,',
      '      b: s64,',
      '    }',
      '',
      '    resource counter {',
      '      label: func() -> string;',
      '      constructor(start: u32);',
      '    }',
      '',
      '    sum: func(p: pair) -> u32;',
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  // The printed WIT resolves with our own checker, without errors.
  const file = new SourceCache().get('/c.wit', wit);
  const { diagnostics } = checkUnit({ root: '/c.wit', main: [file], deps: [] }, NO_FEATURES);
  assert.deepEqual([...diagnostics.values()].flat().map((d) => d.message), []);
});

test('headers: module, component, not WebAssembly; a truncated binary is an error, not a crash', () => {
  assert.equal(binaryKind(sampleComponent()), 'component');
  assert.equal(binaryKind(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00])), 'module');
  assert.equal(binaryKind(new TextEncoder().encode('hello')), undefined);
  assert.equal(inspectWasm(new TextEncoder().encode('hello')).kind, 'error');
  const cut = sampleComponent().slice(0, 30);
  const r = inspectWasm(cut);
  assert.equal(r.kind, 'error');
  assert.match((r as { message: string }).message, /at byte \d+/);
});

test("a core module lists its imports and exports (jco's preview1 adapter)", { skip: !existsSync(adapterPath()) && 'jco is not installed' }, () => {
  const r = inspectWasm(new Uint8Array(readFileSync(adapterPath())));
  assert.equal(r.kind, 'module');
  const text = (r as { text: string }).text;
  assert.match(text, /^;; A core WebAssembly module, not a component/);
  assert.match(text, /\(import "wasi:cli\/environment@0\.2\.\d+" "get-arguments" \(func \(param i32\)\)\)/);
  assert.match(text, /\(export "fd_write" \(func \(param i32 i32 i32 i32\) \(result i32\)\)\)/);
});

function adapterPath(): string {
  return join(__dirname, '../../../../../node_modules/@bytecodealliance/jco/lib/wasi_snapshot_preview1.command.wasm');
}
