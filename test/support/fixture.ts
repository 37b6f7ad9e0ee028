// Fixture workspaces written inline in tests: `//- /path` starts a file, `$0` marks the cursor
// (two of them mark a range). The files are checked as a unit in memory and the analysis of the
// file with the cursor is returned.
//
//   //- /wit/world.wit
//   package local:app;
//   world app { import types$0; }
//   //- /wit/types.wit
//   interface types { type id = u32; }

import type { Analysis } from '../../server/src/ide/analysis';
import { checkUnit } from '../../server/src/semantics/check';
import { memoryFileSystem } from '../../server/src/semantics/fileSystem';
import type { FeatureOptions } from '../../server/src/semantics/gates';
import { loadUnit } from '../../server/src/semantics/load';
import { unitRootOf } from '../../server/src/semantics/workspace';
import type { Diagnostic } from '../../server/src/base/diagnostic';

export interface Fixture {
  files: Record<string, string>;
  /** The file with the cursor (or the first file). */
  path: string;
  offset: number;
  /** With two markers, the range between them. */
  range?: { start: number; end: number };
}

export function parseFixture(text: string): Fixture {
  const files: Record<string, string> = {};
  const lines = text.replace(/^\n/, '').split('\n');
  let current = '/wit/main.wit';
  let buf: string[] = [];
  let first: string | undefined;
  const flush = () => {
    if (buf.length || !(current in files)) files[current] = buf.join('\n');
    buf = [];
  };
  for (const line of lines) {
    const m = /^\/\/- (\S+)\s*$/.exec(line);
    if (m) {
      if (buf.length) flush();
      current = m[1];
      first ??= current;
      continue;
    }
    buf.push(line);
  }
  flush();
  let path = first ?? current;
  let offset = -1;
  let range: Fixture['range'];
  for (const [p, t] of Object.entries(files)) {
    const a = t.indexOf('$0');
    if (a < 0) continue;
    const b = t.indexOf('$0', a + 2);
    path = p;
    if (b >= 0) {
      range = { start: a, end: b - 2 };
      offset = a;
      files[p] = t.slice(0, a) + t.slice(a + 2, b) + t.slice(b + 2);
    } else {
      offset = a;
      files[p] = t.slice(0, a) + t.slice(a + 2);
    }
  }
  return { files, path, offset: Math.max(0, offset), range };
}

export interface FixtureAnalysis extends Fixture {
  analysis: Analysis;
  diagnostics: Map<string, Diagnostic[]>;
  /** Analysis of another file of the same unit. */
  analysisOf(path: string): Analysis;
}

export async function analyzeFixture(text: string, options: FeatureOptions = { features: new Set(), allFeatures: false }): Promise<FixtureAnalysis> {
  const fx = parseFixture(text);
  const fs = memoryFileSystem(fx.files);
  const { input } = await loadUnit(unitRootOf(fx.path), { fs });
  const { resolution, diagnostics } = checkUnit(input, options);
  const all = [...input.main, ...input.deps.flatMap((d) => ('files' in d ? d.files : []))];
  const analysisOf = (p: string): Analysis => {
    const file = all.find((f) => f.path === p);
    if (!file) throw new Error(`fixture file ${p} is not part of the unit (files: ${all.map((f) => f.path).join(', ')})`);
    return { file, resolution, input };
  };
  return { ...fx, analysis: analysisOf(fx.path), diagnostics, analysisOf };
}
