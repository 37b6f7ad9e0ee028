// The desktop's commands: the web-safe ones plus everything that runs a tool in a terminal
// (build, types, dependencies, compose, run, serve) and the toolchain report. The modules of the
// tool commands are evaluated when one first runs, which keeps activation light; jco.ts and
// statusBar.ts are loaded at activation anyway (the viewer's fallback, the status bar item), and
// jco itself is only imported by loadWasmTools when a component needs it.

import * as vscode from 'vscode';
import { WEB_COMMANDS, showComponentWitCommand, type CommandFactory } from '../commands';
import { jcoFallback } from '../jco';
import { describeReport, toolchainReport } from '../statusBar';

const worldArg = (v: unknown) => (typeof v === 'string' ? v : undefined);

export const DESKTOP_COMMANDS: Record<string, CommandFactory> = {
  'wit.restartServer': WEB_COMMANDS['wit.restartServer'],
  'wit.showAbiLayout': WEB_COMMANDS['wit.showAbiLayout'],
  'wit.enableFeature': WEB_COMMANDS['wit.enableFeature'],
  'wit.showComponentWit': showComponentWitCommand(jcoFallback),
  'wit.buildComponent': (s) => async (arg, world) => (await import('../build')).buildComponent(s, arg, worldArg(world)),
  'wit.generateTypes': (s) => async (arg, world) => (await import('../build')).generateTypes(s, arg, worldArg(world)),
  'wit.fetchDependencies': (s) => async (arg) => (await import('../build')).fetchDependencies(s, arg),
  'wit.composeComponents': (s) => async (arg, all) => (await import('../compose')).composeComponents(s, arg, all),
  'wit.runComponent': (s) => async (arg, world) => (await import('../run')).runComponent(s, arg, worldArg(world)),
  'wit.serveComponent': (s) => async (arg, world) => (await import('../run')).serveComponent(s, arg, worldArg(world)),
  'wit.showToolchain': (s) => async () => {
    const report = await toolchainReport(s, vscode.window.activeTextEditor?.document.uri);
    s.output.info(`toolchain:\n${describeReport(report)}`);
    s.output.show(true);
  },
};

