// The extension-host harness's hang guard: it follows each in-host test's own timeout, so a slow
// machine does not fail a run that is still making progress, and a silent window still fails.

import assert from 'node:assert/strict';
import { type TestContext, mock, test } from 'node:test';
import { hangGuard } from '../../e2e/support/hangGuard';

/** A guard on mocked timers (restored after the test), and the hangs it reported. */
function guarded(t: TestContext, silenceMs: number) {
  mock.timers.enable({ apis: ['setTimeout'] });
  t.after(() => mock.timers.reset());
  const hangs: string[] = [];
  const guard = hangGuard(silenceMs, (waited, what) => hangs.push(`${waited} ${what}`));
  return { guard, hangs };
}

test('a silent start fails after the silence allowance', (t) => {
  const { guard, hangs } = guarded(t, 1000);
  guard.expect(1000, 'while starting');
  mock.timers.tick(999);
  assert.deepEqual(hangs, []);
  mock.timers.tick(1);
  assert.deepEqual(hangs, ['1000 while starting']);
});

test('a running test may take its own timeout plus the allowance; its end re-arms the allowance', (t) => {
  const { guard, hangs } = guarded(t, 1000);
  guard.expect(1000, 'while starting');
  guard.heard('[wit-e2e] 1..2');
  mock.timers.tick(900);
  guard.heard('[wit-e2e] # running 1 for up to 120000 ms - runs jco');
  // Far past the allowance and the old fixed budget for the whole run, still within the test's own.
  mock.timers.tick(120_500);
  assert.deepEqual(hangs, []);
  guard.heard('[wit-e2e] ok 1 - runs jco (120500 ms)');
  mock.timers.tick(999);
  assert.deepEqual(hangs, []);
  guard.heard('[wit-e2e] # running 2 for up to 30000 ms - hangs');
  mock.timers.tick(31_000);
  assert.deepEqual(hangs, ['31000 while test 2 ran (its own timeout is 30000 ms): hangs']);
});

test('other console lines neither extend nor shorten the wait, and stop() disarms it', (t) => {
  const { guard, hangs } = guarded(t, 1000);
  guard.heard('[wit-e2e] # running 1 for up to 5000 ms - slow');
  mock.timers.tick(5000);
  guard.heard('Extension host (Remote) is unresponsive.');
  guard.heard('[wit-e2e]   # not a result line');
  mock.timers.tick(1000);
  assert.equal(hangs.length, 1);
  guard.heard('[wit-e2e] not ok 1 - slow (6000 ms)');
  guard.stop();
  mock.timers.tick(10_000);
  assert.equal(hangs.length, 1);
});
