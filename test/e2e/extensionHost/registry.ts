// A minimal test registry for code that runs inside the VS Code extension host, where node:test
// is not available as a runner: test files register named tests, and runRegisteredTests() runs
// them in order, prints one TAP-like line per test and returns the results.

export type HostTestBody = () => Promise<void> | void;

interface HostTest {
  name: string;
  body: HostTestBody;
  timeoutMs: number;
}

export interface HostTestResult {
  name: string;
  ok: boolean;
  durationMs: number;
  error?: string;
}

const registered: HostTest[] = [];

/** Registers a test; names must be unique so the harness can report them one by one. */
export function test(name: string, body: HostTestBody, options: { timeoutMs?: number } = {}): void {
  if (registered.some((t) => t.name === name)) throw new Error(`duplicate extension-host test name: ${name}`);
  registered.push({ name, body, timeoutMs: options.timeoutMs ?? 30_000 });
}

function withTimeout(promise: Promise<void>, ms: number, name: string): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`test "${name}" timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs the registered tests whose name contains `filter` (all by default), one after another,
 * since they share one VS Code window.
 */
export async function runRegisteredTests(log: (line: string) => void, filter?: string): Promise<HostTestResult[]> {
  const selected = registered.filter((t) => !filter || t.name.includes(filter));
  log(`1..${selected.length}`);
  const results: HostTestResult[] = [];
  for (const [index, t] of selected.entries()) {
    const started = Date.now();
    // The harness outside the window reads this line to know how long the test may take (its
    // hang guard follows the tests' own timeouts instead of guessing a total for the run).
    log(`# running ${index + 1} for up to ${t.timeoutMs} ms - ${t.name}`);
    try {
      await withTimeout(Promise.resolve().then(t.body), t.timeoutMs, t.name);
      results.push({ name: t.name, ok: true, durationMs: Date.now() - started });
      log(`ok ${index + 1} - ${t.name} (${Date.now() - started} ms)`);
    } catch (err) {
      const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
      results.push({ name: t.name, ok: false, durationMs: Date.now() - started, error });
      log(`not ok ${index + 1} - ${t.name} (${Date.now() - started} ms)`);
      for (const line of error.split('\n')) log(`  # ${line}`);
    }
  }
  return results;
}
