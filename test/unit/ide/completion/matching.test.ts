// The kebab-case matcher: typed text against candidate names by their dash-separated parts, with
// tiers that rank exact and prefix matches above part initials and scattered letters.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Tier, matchTier } from '../../../../server/src/ide/completion/matching';

test('exact and prefix matches rank first, case-insensitively', () => {
  assert.equal(matchTier('get-user', 'get-user'), Tier.Exact);
  assert.equal(matchTier('get', 'get-user'), Tier.Prefix);
  assert.equal(matchTier('GET-U', 'get-user'), Tier.Prefix);
  assert.equal(matchTier('', 'anything'), Tier.Prefix);
  assert.equal(matchTier('%rec', 'record'), Tier.Prefix, 'a `%` escape is not part of the name');
});

test('part initials and part prefixes match kebab-case names', () => {
  assert.equal(matchTier('gu', 'get-user'), Tier.Parts);
  assert.equal(matchTier('g-user', 'get-user'), Tier.Parts);
  assert.equal(matchTier('uc', 'user-count'), Tier.Parts);
  assert.equal(matchTier('ucount', 'user-count'), Tier.Parts);
  assert.equal(matchTier('ohr', 'outgoing-http-request'), Tier.Parts);
  assert.equal(matchTier('out-req', 'outgoing-http-request'), Tier.Parts);
});

test('a match may start at a later part, ranked below one from the first part', () => {
  assert.equal(matchTier('count', 'user-count'), Tier.LaterPart);
  assert.equal(matchTier('req', 'outgoing-request'), Tier.LaterPart);
});

test('letters in order from a part start match loosely, ranked last', () => {
  assert.equal(matchTier('strm', 'stream'), Tier.Scattered);
  assert.equal(matchTier('ipstr', 'input-stream'), Tier.Scattered);
  assert.equal(matchTier('instr', 'input-stream'), Tier.Parts);
});

test('what does not match is left out', () => {
  assert.equal(matchTier('gex', 'get-user'), undefined);
  assert.equal(matchTier('x', 'get-user'), undefined);
  assert.equal(matchTier('ser', 'get-user'), undefined, 'a match starts at a part start');
  assert.equal(matchTier('-u', 'get-user'), undefined);
});

test('matching is monotone: every prefix of a matching text matches too', () => {
  const names = ['get-user', 'user-count', 'outgoing-http-request', 'input-stream', 'stream', 'wall-clock', 'error-context'];
  const typed = ['gu', 'get-u', 'uc', 'ohreq', 'ipstr', 'strm', 'wcl', 'ectx', 'count', 'out-http-r'];
  for (const n of names) {
    for (const t of typed) {
      if (matchTier(t, n) === undefined) continue;
      for (let i = 0; i <= t.length; i++) assert.notEqual(matchTier(t.slice(0, i), n), undefined, `${t.slice(0, i)} should match ${n} since ${t} does`);
    }
  }
});
