// Starts helper processes (code-server, nvim) in their own process group and stops the whole
// group, so the pty host and extension host they spawn cannot outlive a test.

import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { onEmergencyExit } from './emergency';

export interface GroupProcess {
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or 128 + signal number) once the process has exited. */
  exited: Promise<number>;
  /** Stops the whole process group: SIGTERM, then SIGKILL if it is still there after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is already gone.
  }
}

/** Spawns `command` as the leader of a new process group (Node's `detached` calls setsid). */
export function spawnGroup(command: string, args: string[], options: SpawnOptions = {}): GroupProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options, detached: true });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (s: string) => (output += s));
  child.stderr?.setEncoding('utf8').on('data', (s: string) => (output += s));
  const pgid = child.pid;
  // If the test process dies first, the group must not outlive it.
  const unregister = pgid === undefined ? () => false : onEmergencyExit(() => signalGroup(pgid, 'SIGKILL'));
  const exited = new Promise<number>((resolveExit) => {
    child.once('error', (err) => {
      output += `\n[spawn error] ${err.message}\n`;
      resolveExit(127);
    });
    child.once('exit', (code, signal) => resolveExit(code ?? 128 + (signal ? signalNumber(signal) : 0)));
  });
  const stop = async (graceMs = 3000): Promise<void> => {
    if (pgid === undefined) return;
    // The leader may have exited already while its children still run, so signal the group
    // regardless, then wait until no process of the group is left.
    signalGroup(pgid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (groupAlive(pgid)) signalGroup(pgid, 'SIGKILL');
    // A bounded wait: an orphaned zombie that init has not reaped yet still answers signal 0.
    const killDeadline = Date.now() + 2000;
    while (groupAlive(pgid) && Date.now() < killDeadline) await new Promise((r) => setTimeout(r, 20));
    unregister();
    await exited;
  };
  return { child, output: () => output, exited, stop };
}

/** Signal 0 probes for existence without delivering anything. */
function groupAlive(pgid: number): boolean {
  return signalGroup(pgid, 0);
}

function signalNumber(signal: NodeJS.Signals): number {
  const numbers: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
  return numbers[signal] ?? 0;
}
