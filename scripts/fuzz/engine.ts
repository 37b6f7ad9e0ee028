// The checker's side of the parity fuzzer (scripts/fuzz/parity.mjs): the errors and warnings
// that the command line's check (checkPaths) reports for a path under the given features.

import { checkPaths } from '../../server/src/cli/common';

export async function problemsOf(path: string, features: string[], allFeatures = false): Promise<{ errors: string[]; warnings: string[] }> {
  const errors: string[] = [];
  const warnings: string[] = [];
  for await (const r of checkPaths([path], { features: new Set(features), allFeatures })) {
    for (const p of r.loadProblems) errors.push(`io: ${p.message}`);
    for (const p of r.problems) (p.severity === 'error' ? errors : warnings).push(`${p.diagnostic.code}: ${p.diagnostic.message}`);
  }
  return { errors, warnings };
}
