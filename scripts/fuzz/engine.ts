// The checker's side of the parity fuzzer (scripts/fuzz/parity.mjs): the errors a full check
// of a path reports, as the command line would, under the given features.

import { defaultSeverity } from '../../server/src/base/diagnosticCodes';
import { nodeBlockingFileSystem } from '../../server/src/node/fileSystem';
import { checkUnit } from '../../server/src/semantics/check';
import { loadUnit } from '../../server/src/semantics/load';
import { SourceCache } from '../../server/src/semantics/sources';

export async function errorsOf(path: string, features: string[], allFeatures = false): Promise<string[]> {
  const { input, problems } = await loadUnit(path, { fs: nodeBlockingFileSystem, cache: new SourceCache({ retainTrees: false }) });
  const out = problems.map((p) => `io: ${p.message}`);
  const { diagnostics } = checkUnit(input, { features: new Set(features), allFeatures }, false);
  for (const ds of diagnostics.values()) {
    for (const d of ds) if ((d.severity ?? defaultSeverity(d.code)) === 'error') out.push(`${d.code}: ${d.message}`);
  }
  return out;
}
