// Runs the checker on a path of the real file system, the way the CLI does, for tests.

import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../../server/src/base/diagnostic';
import { defaultSeverity } from '../../server/src/base/diagnosticCodes';
import { nodeFileSystem } from '../../server/src/node/fileSystem';
import { UnitCheck, checkUnit } from '../../server/src/semantics/check';
import { LoadProblem, loadUnit } from '../../server/src/semantics/load';

export interface CheckedPath extends UnitCheck {
  problems: LoadProblem[];
}

export async function checkPath(path: string, features: string[] = [], allFeatures = false): Promise<CheckedPath> {
  const { input, problems } = await loadUnit(path, { fs: nodeFileSystem });
  return { ...checkUnit(input, { features: new Set(features), allFeatures }), problems };
}

export function isError(d: Diagnostic): boolean {
  return (d.severity ?? defaultSeverity(d.code)) === 'error';
}

export function isWarning(d: Diagnostic): boolean {
  return (d.severity ?? defaultSeverity(d.code)) === 'warning';
}

export function lineOf(file: string, offset: number): number {
  const text = readFileSync(file, 'utf8');
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
