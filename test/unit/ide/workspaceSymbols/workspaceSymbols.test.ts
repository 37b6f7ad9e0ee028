// Workspace symbols: fuzzy, kebab-case-aware search over every unit's symbols, with container
// names, qualified queries, deduplication across units and a cap.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fuzzyScore, workspaceSymbols } from '../../../../server/src/ide/workspaceSymbols';
import { analyzeFixture } from '../../../support/fixture';

const WS = `
//- /wit/api.wit
package demo:app@0.1.0;

interface streams {
  resource input-stream {
    read: func(len: u64) -> list<u8>;
    blocking-read: func(len: u64) -> list<u8>;
  }
  resource output-stream;
  @since(version = 0.1.0)
  @deprecated(version = 0.1.0)
  record stream-error { code: u32 }
  use types.{id};
}

world app {
  import streams;
  export run: func();
}
//- /wit/types.wit
package demo:app@0.1.0;

interface types {
  type id = u32;
}
//- /wit/deps/log/log.wit
package demo:log@1.0.0;

interface sink {
  write-line: func(line: string);
}
`;

async function units() {
  const fx = await analyzeFixture(WS);
  return [{ resolution: fx.analysis.resolution, input: fx.analysis.input }];
}

const names = (xs: { name: string }[]) => xs.map((x) => x.name);

test('kebab-case initials, word prefixes and substrings all match; the best first', async () => {
  const u = await units();
  assert.deepEqual(names(workspaceSymbols(u, 'is')).slice(0, 1), ['input-stream']);
  assert.deepEqual(names(workspaceSymbols(u, 'in-st')), ['input-stream']);
  assert.deepEqual(names(workspaceSymbols(u, 'read')), ['read', 'blocking-read']);
  assert.deepEqual(names(workspaceSymbols(u, 'StReam')).slice(0, 2), ['streams', 'stream-error']);
  assert.deepEqual(workspaceSymbols(u, 'zzz'), []);
});

test('kinds, containers, deprecation, and names brought in by `use` are not repeated', async () => {
  const u = await units();
  const all = workspaceSymbols(u, '');
  const by = (n: string) => all.filter((s) => s.name === n).map((s) => `${s.kind} ${s.container ?? ''}${s.deprecated ? ' deprecated' : ''}`);
  assert.deepEqual(by('input-stream'), ['resource demo:app/streams@0.1.0']);
  assert.deepEqual(by('read'), ['method input-stream in demo:app/streams@0.1.0']);
  assert.deepEqual(by('stream-error'), ['record demo:app/streams@0.1.0 deprecated']);
  assert.deepEqual(by('streams'), ['interface demo:app@0.1.0']);
  assert.deepEqual(by('app'), ['world demo:app@0.1.0']);
  assert.deepEqual(by('run'), ['function demo:app/app@0.1.0']);
  assert.deepEqual(by('id'), ['type demo:app/types@0.1.0']);
  assert.deepEqual(by('demo:log@1.0.0'), ['package ']);
  assert.deepEqual(by('write-line'), ['function demo:log/sink@1.0.0']);
});

test('a query with `:` or `/` matches qualified names', async () => {
  const u = await units();
  assert.deepEqual(names(workspaceSymbols(u, 'log/sink')), ['sink', 'write-line']);
  assert.equal(names(workspaceSymbols(u, 'streams.input-stream.read'))[0], 'read');
});

test('the same file in two units is listed once; results are capped', async () => {
  const u = await units();
  const once = workspaceSymbols(u, 'write');
  const twice = workspaceSymbols([...u, ...u], 'write');
  assert.deepEqual(twice, once);
  assert.equal(workspaceSymbols(u, '', 3).length, 3);
});

test('fuzzy scores: exact > prefix > word starts > scattered', () => {
  const s = (q: string, n: string) => fuzzyScore(q, n) ?? -Infinity;
  assert.ok(s('read', 'read') > s('read', 'read-all'));
  assert.ok(s('read', 'read-all') > s('read', 'blocking-read'));
  assert.ok(s('br', 'blocking-read') > s('br', 'abort'));
  assert.equal(fuzzyScore('ab', 'ba'), undefined);
  // A word start further on must not hide an earlier match that completes the query.
  assert.notEqual(fuzzyScore('ab', 'xa-b-a'), undefined);
});
