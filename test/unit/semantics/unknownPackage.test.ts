// The message for a missing package: what is missing with the likely fix (a close name, or the
// same package under another version), then the packages that are known and where deps/ was
// looked for, as sentences a user can read.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryFileSystem } from '../../../server/src/semantics/fileSystem';
import { checkUnit } from '../../../server/src/semantics/check';
import { loadUnit } from '../../../server/src/semantics/load';

const DEP = 'package my:dep@1.0.0;\n\ninterface types {\n  enum level { info }\n}\n';

async function unknownPackageMessages(use: string): Promise<string[]> {
  const fs = memoryFileSystem({ '/p/main.wit': `package my:app;\n\ninterface api {\n  ${use}\n}\n`, '/p/deps/dep/types.wit': DEP });
  const { input } = await loadUnit('/p', { fs });
  const { diagnostics } = checkUnit(input, { features: new Set(), allFeatures: false });
  return [...diagnostics.values()].flat().filter((d) => d.code === 'unknown-package').map((d) => d.message);
}

test('a close name is suggested, then the known packages and where deps/ is', async () => {
  assert.deepEqual(await unknownPackageMessages('use my:dpe/types@1.0.0.{level};'), [
    "package 'my:dpe@1.0.0' not found; did you mean `my:dep`? Known packages: my:app, my:dep@1.0.0 (dependencies are read from /p/deps).",
  ]);
});

test('another version of the same package is named', async () => {
  assert.deepEqual(await unknownPackageMessages('use my:dep/types@2.0.0.{level};'), [
    "package 'my:dep@2.0.0' not found; found my:dep@1.0.0 instead (versions must match exactly). Known packages: my:app, my:dep@1.0.0 (dependencies are read from /p/deps).",
  ]);
});

test('without a close name, the known packages follow as a sentence of their own', async () => {
  assert.deepEqual(await unknownPackageMessages('use other:thing/x.{y};'), [
    "package 'other:thing' not found. Known packages: my:app, my:dep@1.0.0 (dependencies are read from /p/deps).",
  ]);
});
