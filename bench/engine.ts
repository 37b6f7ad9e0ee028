// The engine entry the benchmark measures: a full check of a path (read, parse, lower, resolve,
// validate), exactly what `wit-ls check` does (trees are not kept), without printing; or, for
// the editor-latency ratio, the full check the language server would make.

import { nodeBlockingFileSystem } from '../server/src/node/fileSystem';
import { checkUnit } from '../server/src/semantics/check';
import { loadUnit } from '../server/src/semantics/load';
import { SourceCache } from '../server/src/semantics/sources';

/** `forEditor`: also make the references and hints, as the language server's full check does. */
export async function fullCheck(path: string, forEditor = false): Promise<number> {
  // A fresh cache each time: nothing is reused between runs, as for a first check.
  const { input } = await loadUnit(path, { fs: nodeBlockingFileSystem, cache: new SourceCache({ retainTrees: false }) });
  const { diagnostics } = checkUnit(input, { features: new Set(), allFeatures: false }, forEditor);
  let n = 0;
  for (const ds of diagnostics.values()) n += ds.length;
  return n;
}
