// Makes the `wit.trace.server` setting work: vscode-languageclient traces the LSP traffic only
// while its trace channel's log level is Trace, which users set per channel in the Output panel
// and which no setting controls. This view of the output channel reports level Trace while the
// setting is on, and writes the trace lines at the level the channel shows.

import * as vscode from 'vscode';

const SETTING = 'wit.trace.server';

function traceSettingOn(): boolean {
  return vscode.workspace.getConfiguration().get<string>(SETTING, 'off') !== 'off';
}

/**
 * A LogOutputChannel for `traceOutputChannel`: the same channel as `output`, at level Trace
 * while `wit.trace.server` is not `off` (and at the channel's own level otherwise).
 */
export function traceChannelFor(output: vscode.LogOutputChannel): vscode.LogOutputChannel & vscode.Disposable {
  const changed = new vscode.EventEmitter<vscode.LogLevel>();
  const level = () => (traceSettingOn() ? vscode.LogLevel.Trace : output.logLevel);
  const subscriptions = [
    changed,
    output.onDidChangeLogLevel(() => changed.fire(level())),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SETTING)) changed.fire(level());
    }),
  ];
  // Trace lines go out at info when the channel itself hides trace lines, so they show.
  const writeTrace = (message: string, ...args: unknown[]) =>
    output.logLevel === vscode.LogLevel.Trace ? output.trace(message, ...args) : output.info(message, ...args);
  return {
    get name() {
      return output.name;
    },
    get logLevel() {
      return level();
    },
    onDidChangeLogLevel: changed.event,
    trace: writeTrace,
    debug: (message, ...args) => output.debug(message, ...args),
    info: (message, ...args) => output.info(message, ...args),
    warn: (message, ...args) => output.warn(message, ...args),
    error: (error, ...args) => output.error(error, ...args),
    append: (value) => output.append(value),
    appendLine: (value) => output.appendLine(value),
    replace: (value) => output.replace(value),
    clear: () => output.clear(),
    show: (a?: unknown, b?: boolean) => (typeof a === 'boolean' ? output.show(a) : output.show(b)),
    hide: () => output.hide(),
    // The channel itself belongs to the caller; only the listeners are this view's.
    dispose: () => subscriptions.forEach((s) => s.dispose()),
  };
}
