// The message for a missing package: what is missing with the likely fix (a close name, or the
// same package under another version), then the packages that are known and where deps/ was
// looked for, as sentences a user can read; and for the package's own name, how it names its
// own items (a reference to itself is a cycle).

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

test('a name close to the package itself says how the package names its own items', async () => {
  // `my:app` would refer to the package from inside itself, which wit-parser rejects as a cycle.
  assert.deepEqual(await unknownPackageMessages('use my:ap/types.{level};'), [
    "package 'my:ap' not found; if you mean this package, `my:app`, refer to its own interfaces and worlds by name alone (`types`, not `my:app/types`). Known packages: my:app, my:dep@1.0.0 (dependencies are read from /p/deps).",
  ]);
});

test('a package that refers to itself is told to name its own items by name alone', async () => {
  const fs = memoryFileSystem({ '/p/main.wit': 'package my:app@1.0.0;\n\ninterface types {\n  type t = u8;\n}\n\nworld w {\n  import my:app/types@1.0.0;\n}\n' });
  const { input } = await loadUnit('/p', { fs });
  const { diagnostics } = checkUnit(input, { features: new Set(), allFeatures: false });
  assert.deepEqual([...diagnostics.values()].flat().map((d) => `${d.code}: ${d.message}`), [
    'package-cycle: package `my:app@1.0.0` creates a dependency cycle: it refers to itself; refer to its own interfaces and worlds by name alone (`types`, not `my:app/types`)',
  ]);
});
