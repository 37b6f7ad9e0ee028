// Launches Debian's Chromium through playwright-core (no Playwright browser download) with a
// fresh profile, headless, and without the background traffic that cannot succeed offline.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { onEmergencyExit } from './emergency';
import { CHROMIUM } from './env';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Closes Chromium and removes its profile; safe to call twice. */
  close(): Promise<void>;
}

export async function launchBrowser(options: { profileDir?: string } = {}): Promise<Browser> {
  const ownProfile = !options.profileDir;
  // launch() refuses --user-data-dir, so a fresh profile needs launchPersistentContext().
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'wit-e2e-chromium-'));
  // One emergency step that kills Chromium and only then removes its profile: a live Chromium
  // would keep writing into the folder being removed.
  const unregister = onEmergencyExit(() => {
    killChromiumUsing(profileDir);
    if (ownProfile) rmSync(profileDir, { recursive: true, force: true });
  });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      viewport: { width: 1400, height: 900 },
      timeout: 30_000,
      // Chromium's crash reporter otherwise writes to ~/.config/chromium.
      env: { ...process.env, XDG_CONFIG_HOME: join(profileDir, 'xdg-config'), XDG_CACHE_HOME: join(profileDir, 'xdg-cache') },
    });
  } catch (err) {
    unregister();
    if (ownProfile) rmSync(profileDir, { recursive: true, force: true });
    throw err;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  return {
    context,
    page,
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => undefined);
      unregister();
      if (ownProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * Kills, synchronously, the process groups of every Chromium started with `profileDir`, and
 * waits (up to 2 s) until they are gone. Playwright does not expose the PID of a persistent
 * context's browser, and when the test process is interrupted it closes Chromium only
 * asynchronously, too late for removing the profile.
 */
function killChromiumUsing(profileDir: string): void {
  const marker = `--user-data-dir=${profileDir}`;
  const running = () =>
    readdirSync('/proc').filter((entry) => {
      if (!/^\d+$/.test(entry)) return false;
      try {
        return readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').includes(marker);
      } catch {
        return false; // The process ended while we looked.
      }
    });
  const deadline = Date.now() + 2000;
  for (let pids = running(); pids.length && Date.now() < deadline; pids = running()) {
    for (const pid of pids) {
      // Playwright starts Chromium as a process-group leader; the group holds its helpers.
      for (const target of [-Number(pid), Number(pid)]) {
        try {
          process.kill(target, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
    // A synchronous pause: this runs in an exit handler, where nothing asynchronous would run.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
}
