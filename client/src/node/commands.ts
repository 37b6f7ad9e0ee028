// The desktop's commands: the web-safe ones plus everything that runs a tool in a terminal
// (build, types, dependencies, compose, run, serve) and the toolchain report. Their modules, with
// their Node dependencies, are loaded when a command first runs, which keeps activation light.

import * as vscode from 'vscode';
import { WEB_COMMANDS, showComponentWitCommand, type CommandFactory } from '../commands';

const worldArg = (v: unknown) => (typeof v === 'string' ? v : undefined);

export const DESKTOP_COMMANDS: Record<string, CommandFactory> = {
  'wit.restartServer': WEB_COMMANDS['wit.restartServer'],
  'wit.showAbiLayout': WEB_COMMANDS['wit.showAbiLayout'],
  'wit.enableFeature': WEB_COMMANDS['wit.enableFeature'],
  'wit.showComponentWit': (s) => async (arg) => {
    const { jcoFallback } = await import('../jco');
    return showComponentWitCommand(jcoFallback)(s)(arg);
  },
  'wit.buildComponent': (s) => async (arg, world) => (await import('../build')).buildComponent(s, arg, worldArg(world)),
  'wit.generateTypes': (s) => async (arg, world) => (await import('../build')).generateTypes(s, arg, worldArg(world)),
  'wit.fetchDependencies': (s) => async (arg) => (await import('../build')).fetchDependencies(s, arg),
  'wit.composeComponents': (s) => async (arg, all) => (await import('../compose')).composeComponents(s, arg, all),
  'wit.runComponent': (s) => async (arg, world) => (await import('../run')).runComponent(s, arg, worldArg(world)),
  'wit.serveComponent': (s) => async (arg, world) => (await import('../run')).serveComponent(s, arg, worldArg(world)),
  'wit.showToolchain': (s) => async () => {
    const { toolchainReport, describeReport } = await import('../statusBar');
    const report = await toolchainReport(s, vscode.window.activeTextEditor?.document.uri);
    s.output.info(`toolchain:\n${describeReport(report)}`);
    s.output.show(true);
  },
};

