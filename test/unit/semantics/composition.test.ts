// The composition check on WIT texts: a plug fits when every function and type the socket
// imports from an interface is exported by the plug with the same shape; each kind of mismatch is
// reported with the interface and the item.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkComposition, type ComponentWit } from '../../../server/src/semantics/composition';

/** A component's WIT as `wasm-tools component wit` prints it: world `root` plus nested packages. */
function component(name: string, world: string, packages: string): ComponentWit {
  return { name, wit: `package root:component;\n\nworld root {\n${world}\n}\n\n${packages}` };
}

const LOGGER = `package example:logging@0.1.0 {
  interface logger {
    enum level { trace, debug, info, warn, error }
    record entry { level: level, message: string, tags: list<string> }
    resource sink {
      constructor(name: string);
      write: func(e: entry) -> result<_, string>;
    }
    log: func(level: level, context: string, message: string);
    flush: func() -> u32;
  }
}`;

const socket = component('app.wasm', '  import example:logging/logger@0.1.0;\n  import clock: func() -> u64;\n  export run: func();', LOGGER);

test('a plug exporting the same interface fits; imports nobody fills stay imports', () => {
  const plug = component('logger.wasm', '  export example:logging/logger@0.1.0;', LOGGER);
  const r = checkComposition({ socket, plugs: [plug] });
  assert.equal(r.ok, true, JSON.stringify(r.issues));
  assert.deepEqual(r.matches, [{ plug: 'logger.wasm', name: 'example:logging/logger@0.1.0', kind: 'interface', fits: true }]);
  assert.deepEqual(r.unsatisfied, ['clock']);
});

test('extra items in the plug are fine (it may offer more than the socket uses)', () => {
  const more = LOGGER.replace('flush: func() -> u32;', 'flush: func() -> u32;\n    extra: func();');
  assert.equal(checkComposition({ socket, plugs: [component('logger.wasm', '  export example:logging/logger@0.1.0;', more)] }).ok, true);
});

function mismatch(edited: string): string[] {
  const r = checkComposition({ socket, plugs: [component('bad.wasm', '  export example:logging/logger@0.1.0;', edited)] });
  assert.equal(r.ok, false);
  assert.ok(r.issues.every((i) => i.interface === 'example:logging/logger@0.1.0' && i.component === 'bad.wasm'));
  return r.issues.map((i) => `${i.item}: ${i.message}`);
}

test('a missing function or type is named', () => {
  assert.deepEqual(mismatch(LOGGER.replace('flush: func() -> u32;', '')), [
    'flush: example:logging/logger@0.1.0: function `flush` is imported by the socket but bad.wasm\'s export has no such function',
  ]);
});

test('parameter count, names and types, and results', () => {
  assert.match(mismatch(LOGGER.replace('log: func(level: level, context: string, message: string);', 'log: func(level: level, message: string);'))[0], /^log: .*`log`: the socket expects 3 parameter\(s\) \(level, context, message\), bad\.wasm exports it with 2 \(level, message\)$/);
  assert.match(mismatch(LOGGER.replace('context: string, message', 'ctx: string, message'))[0], /parameter 2 is `context` in the socket's import, `ctx` in bad\.wasm's export/);
  assert.match(mismatch(LOGGER.replace('context: string, message', 'context: u32, message'))[0], /parameter `context`: the socket expects string, bad\.wasm has u32/);
  assert.match(mismatch(LOGGER.replace('flush: func() -> u32;', 'flush: func() -> u64;'))[0], /^flush: .*result: the socket expects u32, bad\.wasm returns u64/);
});

test('enum cases, record fields and nested types', () => {
  const issues = mismatch(LOGGER.replace('enum level { trace, debug, info, warn, error }', 'enum level { debug, info, warn, error }'));
  assert.ok(issues.some((i) => i.startsWith('level: ') && i.includes('enum `level` has cases (trace, debug, info, warn, error) in the socket\'s import, (debug, info, warn, error) in bad.wasm\'s export')), issues.join('\n'));
  const fields = mismatch(LOGGER.replace('tags: list<string>', 'tags: list<u8>'));
  assert.ok(fields.some((i) => i.startsWith('entry: ') && i.includes('field `entry.tags`: string in the socket\'s import, u8 in bad.wasm\'s export')), fields.join('\n'));
  const method = mismatch(LOGGER.replace('write: func(e: entry) -> result<_, string>;', 'write: func(e: entry) -> result<_, u32>;'));
  assert.ok(method.some((i) => i.startsWith('sink.write: ')), method.join('\n'));
});

test('a plug that exports nothing the socket imports, with a version near-miss', () => {
  const r = checkComposition({ socket, plugs: [component('old.wasm', '  export example:logging/logger@0.2.0;', LOGGER.replace('@0.1.0', '@0.2.0'))] });
  assert.equal(r.ok, false);
  assert.equal(r.issues[0].message, 'old.wasm exports nothing the socket imports (old.wasm exports example:logging/logger@0.2.0, the socket imports example:logging/logger@0.1.0: the versions differ); its exports: example:logging/logger@0.2.0');
});

test('world-level functions, and two plugs for the same import', () => {
  const clock = component('clock.wasm', '  export clock: func() -> u64;', '');
  assert.equal(checkComposition({ socket, plugs: [clock] }).ok, true);
  const wrong = component('clock32.wasm', '  export clock: func() -> u32;', '');
  assert.match(checkComposition({ socket, plugs: [wrong] }).issues[0].message, /^function `clock`: result: the socket expects u64, clock32\.wasm returns u32/);
  const twice = checkComposition({ socket, plugs: [clock, { ...clock, name: 'clock2.wasm' }] });
  assert.equal(twice.ok, false);
  assert.match(twice.issues.at(-1)!.message, /clock is exported by clock\.wasm and clock2\.wasm: only one plug can fill an import/);
});

test('WIT that does not resolve is reported, not thrown', () => {
  const broken = { name: 'broken.wasm', wit: 'package root:component;\nworld root { export x: func( }' };
  const r = checkComposition({ socket, plugs: [broken] });
  assert.ok(r.issues.some((i) => i.component === 'broken.wasm' && /has \d+ error/.test(i.message)));
});
