// The extension-host harness's hang guard: a timer re-armed by the progress lines the tests
// module logs, so that the time allowed follows the test that is running.

/** The line the registry (test/e2e/extensionHost/registry.ts) logs as a test starts. */
const TEST_START = /\[wit-e2e\] # running (\d+) for up to (\d+) ms - (.*)$/;
/** The lines it logs as a test ends, and the plan line before the first one. */
const TEST_END = /\[wit-e2e\] (?:(?:not )?ok \d+ - |1\.\.\d+$)/;

export interface HangGuard {
  /** Fails the run unless something is heard within `ms`; `what` says what was awaited. */
  expect(ms: number, what: string): void;
  /** Feeds one console message: a test's start allows its own timeout, a test's end `silenceMs`. */
  heard(message: string): void;
  stop(): void;
}

/**
 * A timer that is re-armed by the tests' progress lines: the tests module reports each test's
 * start with its timeout, so the allowance follows the test that is running.
 */
export function hangGuard(silenceMs: number, onHang: (waitedMs: number, what: string) => void): HangGuard {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expect = (ms: number, what: string) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => onHang(ms, what), ms);
  };
  return {
    expect,
    heard(message) {
      const start = TEST_START.exec(message);
      if (start) expect(Number(start[2]) + silenceMs, `while test ${start[1]} ran (its own timeout is ${start[2]} ms): ${start[3]}`);
      else if (TEST_END.test(message)) expect(silenceMs, 'after the last test line, before the next test or the exit');
    },
    stop: () => clearTimeout(timer),
  };
}
