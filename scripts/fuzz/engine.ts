// The checker's side of the parity fuzzer (scripts/fuzz/parity.mjs): the errors that the command
// line's check (checkPaths) reports for a path under the given features.

import { checkPaths } from '../../server/src/cli/common';

export async function errorsOf(path: string, features: string[], allFeatures = false): Promise<string[]> {
  const out: string[] = [];
  for await (const r of checkPaths([path], { features: new Set(features), allFeatures })) {
    for (const p of r.loadProblems) out.push(`io: ${p.message}`);
    for (const p of r.problems) if (p.severity === 'error') out.push(`${p.diagnostic.code}: ${p.diagnostic.message}`);
  }
  return out;
}
