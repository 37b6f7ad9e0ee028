// Runs a planned job as a `wit` task: logs the command line to the "WIT Tools" output channel,
// shows progress until the process ends (or, for a server, until it answers), and reports the
// outcome. Cancelling the progress terminates the task.

import * as vscode from 'vscode';
import { displayCommandLine } from './shell';
import type { PlannedJob } from './planner';
import type { Services } from './services';
import { makeTask, taskEnded } from './tasks';
import { MissingToolError } from './toolchain';

export interface JobOutcome {
  /** The process's exit code; undefined for a server still running or when unknown. */
  exitCode?: number;
  cancelled?: boolean;
  execution?: vscode.TaskExecution;
}

/** Polls `url` until it answers (any HTTP status) or `timeoutMs` passes. */
async function waitForUrl(url: string, timeoutMs: number, stop: () => boolean): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stop()) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return false;
}

export async function runJob(planned: PlannedJob, folder: vscode.WorkspaceFolder, services: Services): Promise<JobOutcome> {
  const { job } = planned;
  services.output.info(`${planned.label}: ${displayCommandLine(job.argv)}   (in ${job.cwd})`);
  const task = makeTask(planned.def, folder, job, { label: planned.label, matchers: planned.matchers, background: planned.background, group: planned.def.job === 'build' ? vscode.TaskGroup.Build : undefined });
  const execution = await vscode.tasks.executeTask(task);
  const ended = taskEnded(execution);
  let finished = false;
  void ended.then(() => (finished = true));

  if (planned.background && planned.url) {
    const url = planned.url;
    const up = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `${planned.title}…`, cancellable: true },
      async (_progress, token) => {
        token.onCancellationRequested(() => execution.terminate());
        return waitForUrl(url, 120_000, () => finished || token.isCancellationRequested);
      },
    );
    if (!up) {
      const code = finished ? await ended : undefined;
      services.output.error(`${planned.label}: the server did not answer on ${url}${code !== undefined ? ` (it exited with ${code})` : ''}`);
      void vscode.window.showErrorMessage(`${planned.label}: nothing answered on ${url}${code !== undefined ? `; the process exited with code ${code}` : ''}. See the terminal.`);
      return { exitCode: code, execution };
    }
    services.output.info(`${planned.label}: listening on ${url}`);
    void vscode.window.showInformationMessage(`${planned.label}: listening on ${url}`, 'Open in Browser', 'Stop').then((choice) => {
      if (choice === 'Open in Browser') void vscode.env.openExternal(vscode.Uri.parse(url));
      if (choice === 'Stop') execution.terminate();
    });
    return { execution };
  }

  let cancelled = false;
  const exitCode = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `${planned.title}…`, cancellable: true },
    async (_progress, token) => {
      token.onCancellationRequested(() => {
        cancelled = true;
        execution.terminate();
      });
      return ended;
    },
  );
  services.output.info(`${planned.label}: ${cancelled ? 'cancelled' : `exited with ${exitCode ?? 'an unknown status'}`}`);
  if (!cancelled && exitCode !== 0) {
    void vscode.window.showErrorMessage(`${planned.label} failed${exitCode !== undefined ? ` (exit code ${exitCode})` : ''}: see the terminal for the tool's output.`);
  }
  return { exitCode, cancelled, execution };
}

/**
 * Shows an error from planning or running a job; a missing tool comes with how to install it.
 * `detail` is added to the message shown (what the command found out before it failed).
 */
export async function reportError(e: unknown, services: Services, what: string, detail?: string): Promise<void> {
  const message = e instanceof Error ? e.message : String(e);
  services.output.error(`${what}: ${message}`);
  const shown = `${what}: ${message}${detail ? ` ${detail}` : ''}`;
  if (e instanceof MissingToolError) {
    const choice = await vscode.window.showErrorMessage(shown, 'Open Settings');
    if (choice === 'Open Settings') await vscode.commands.executeCommand('workbench.action.openSettings', 'wit.tools');
    return;
  }
  void vscode.window.showErrorMessage(shown);
}
