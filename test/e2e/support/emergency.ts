// Last-resort cleanup for when a test process dies before its own cleanup runs (Ctrl-C, a
// runner's SIGTERM, an uncaught exception): registered synchronous steps run on exit and on
// SIGINT/SIGTERM/SIGHUP, after which the signal is re-raised so the process still dies of it.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const steps = new Set<() => void>();
let installed = false;

function runAll(): void {
  // Newest first, like the normal cleanup: processes die before the folders they use go.
  for (const step of [...steps].reverse()) {
    try {
      step();
    } catch {
      // Keep going: the other steps matter more than reporting this one on the way out.
    }
  }
  steps.clear();
}

/** Registers a synchronous cleanup step; returns a function that unregisters it. */
export function onEmergencyExit(step: () => void): () => void {
  if (!installed) {
    installed = true;
    process.on('exit', runAll);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.once(signal, () => {
        runAll();
        process.kill(process.pid, signal);
      });
    }
  }
  steps.add(step);
  return () => steps.delete(step);
}

export interface TempDir {
  path: string;
  /** Removes the folder now (and forgets the emergency step). */
  remove(): void;
}

/** A fresh folder under the system temp dir, removed by remove() or, failing that, on exit. */
export function makeTempDir(prefix: string): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix));
  const removeNow = () => rmSync(path, { recursive: true, force: true, maxRetries: 3 });
  const unregister = onEmergencyExit(removeNow);
  return {
    path,
    remove() {
      unregister();
      removeNow();
    },
  };
}
