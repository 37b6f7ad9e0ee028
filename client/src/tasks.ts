// Tasks of type `wit`: every job (build, compose, run, serve, types, dependencies) runs as a
// VS Code task in a named, reused terminal, so it can also be written in tasks.json and bound
// to keys. The TaskProvider offers a build and a types task per world it finds; resolveTask
// turns a tasks.json entry into the same shell execution the commands use.

import * as vscode from 'vscode';
import type { Job } from './commandLines';
import { executionPlan, shellArgsFor, shellKindOf, type ShellKind, type ShellToken } from './shell';

export const TASK_TYPE = 'wit';
export const TASK_SOURCE = 'wit';

export type JobKind = 'build' | 'compose' | 'plug' | 'run' | 'invoke' | 'serve' | 'types' | 'deps';

/** The `"type": "wit"` task definition (package.json `taskDefinitions`). Paths may be relative to the folder. */
export interface WitTaskDefinition extends vscode.TaskDefinition {
  type: typeof TASK_TYPE;
  job: JobKind;
  /** Project folder (build, types, deps). */
  project?: string;
  world?: string;
  profile?: 'debug' | 'release';
  /** The .wasm to run, invoke or serve. */
  component?: string;
  socket?: string;
  plugs?: string[];
  /** A .wac file (compose). */
  wac?: string;
  output?: string;
  args?: string[];
  /** `f(args)` in WAVE (invoke). */
  call?: string;
  port?: number;
  runtime?: 'wasmtime' | 'jco';
}

/** Problem matchers contributed in package.json, by the tool whose output they read. */
export const PROBLEM_MATCHERS = {
  cargo: '$wit-cargo',
  jco: '$wit-jco',
  wasmTools: '$wit-wasm-tools',
};

export function matchersFor(def: WitTaskDefinition, projectKind?: string): string[] {
  switch (def.job) {
    case 'build':
      if (projectKind === 'cargo' || projectKind === 'cargo-component') return [PROBLEM_MATCHERS.cargo];
      if (projectKind === 'js') return [PROBLEM_MATCHERS.jco];
      return [PROBLEM_MATCHERS.wasmTools];
    case 'types':
    case 'run':
    case 'serve':
      return [PROBLEM_MATCHERS.jco, PROBLEM_MATCHERS.wasmTools];
    default:
      return [PROBLEM_MATCHERS.wasmTools];
  }
}

/** The shell tasks run in: the default terminal shell, whose quoting rules the command line follows. */
export function taskShell(): { executable: string | undefined; kind: ShellKind } {
  const executable = vscode.env.shell || undefined;
  return { executable, kind: shellKindOf(executable) };
}

function toQuoted(t: ShellToken): string | vscode.ShellQuotedString {
  return t.quoting === 'strong' ? { value: t.value, quoting: vscode.ShellQuoting.Strong } : t.value;
}

/**
 * The execution for a job: a ShellExecution whose arguments are ShellQuotedStrings quoted for the
 * shell it names explicitly (so quoting and shell always agree).
 */
export function shellExecution(job: Job, env?: Record<string, string>): vscode.ShellExecution {
  const shell = taskShell();
  const options: vscode.ShellExecutionOptions = { cwd: job.cwd, env };
  if (shell.executable) options.executable = shell.executable;
  if (shell.executable) options.shellArgs = shellArgsFor(shell.kind);
  const plan = executionPlan(shell.kind, job.argv);
  if (plan.form === 'line') return new vscode.ShellExecution(plan.line, options);
  return new vscode.ShellExecution(toQuoted(plan.command), plan.args.map(toQuoted), options);
}

export interface TaskOptions {
  label: string;
  /** Long-running jobs (serve) never end on their own. */
  background?: boolean;
  group?: vscode.TaskGroup;
  matchers: string[];
}

export function makeTask(def: WitTaskDefinition, scope: vscode.WorkspaceFolder | vscode.TaskScope, job: Job, opts: TaskOptions): vscode.Task {
  const task = new vscode.Task(def, scope, opts.label, TASK_SOURCE, shellExecution(job), opts.matchers);
  task.group = opts.group;
  task.isBackground = !!opts.background;
  // One terminal per job kind, reused run after run: `dedicated` keeps a build's terminal apart
  // from a running server's; `clear` starts each run on an empty screen.
  task.presentationOptions = {
    reveal: vscode.TaskRevealKind.Always,
    panel: vscode.TaskPanelKind.Dedicated,
    clear: true,
    showReuseMessage: false,
    echo: true,
    focus: false,
  };
  return task;
}

/** Waits for a started task's process to end; resolves with its exit code (undefined if unknown). */
export function taskEnded(execution: vscode.TaskExecution): Promise<number | undefined> {
  return new Promise((resolve) => {
    const subs: vscode.Disposable[] = [];
    const done = (code: number | undefined) => {
      subs.forEach((s) => s.dispose());
      resolve(code);
    };
    subs.push(vscode.tasks.onDidEndTaskProcess((e) => e.execution === execution && done(e.exitCode)));
    // A task whose process never started (e.g. the shell is missing) ends without a process event.
    subs.push(vscode.tasks.onDidEndTask((e) => e.execution === execution && setTimeout(() => done(undefined), 200)));
  });
}
