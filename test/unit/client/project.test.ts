// Project detection: which build tool a folder calls for, where the project is for a file deep
// inside it, and which JavaScript entry implements a world.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crateName, depsTool, findProject, isCargoComponent, jsEntry, projectKindOf, pythonModule, type FileProbe } from '../../../client/src/project';

function probe(files: Record<string, string>): FileProbe {
  return {
    async read(p) {
      return files[p];
    },
    async exists(p) {
      return p in files || Object.keys(files).some((f) => f.startsWith(p + '/'));
    },
  };
}

const COMPONENT_TOML = `[package]\nname = "my-comp"\nversion = "0.1.0"\n\n[package.metadata.component]\npackage = "example:my-comp"\n`;

test('Cargo.toml with [package.metadata.component] is a cargo-component project', async () => {
  assert.equal(isCargoComponent(COMPONENT_TOML), true);
  assert.equal(isCargoComponent('[package]\nname = "x"\n[dependencies]\nwit-bindgen = "0.30"\n'), false);
  assert.equal(isCargoComponent('[package.metadata.component.target]\npath = "wit"\n'), true);
  assert.equal(crateName(COMPONENT_TOML), 'my-comp');
  assert.equal(crateName('[workspace]\nmembers = []\n'), undefined);
  assert.deepEqual(await projectKindOf('/p', probe({ '/p/Cargo.toml': COMPONENT_TOML })), { kind: 'cargo-component', dir: '/p', crateName: 'my-comp' });
  assert.deepEqual(await projectKindOf('/p', probe({ '/p/Cargo.toml': '[package]\nname = "plain"\n' })), { kind: 'cargo', dir: '/p', crateName: 'plain' });
});

test('package.json, pyproject.toml / app.py, go.mod, or a bare app.js', async () => {
  assert.equal((await projectKindOf('/p', probe({ '/p/package.json': '{}' })))?.kind, 'js');
  assert.equal((await projectKindOf('/p', probe({ '/p/pyproject.toml': '' })))?.kind, 'python');
  assert.equal((await projectKindOf('/p', probe({ '/p/app.py': '' })))?.kind, 'python');
  assert.equal((await projectKindOf('/p', probe({ '/p/go.mod': 'module x' })))?.kind, 'go');
  assert.equal((await projectKindOf('/p', probe({ '/p/app.js': '' })))?.kind, 'js');
  assert.equal(await projectKindOf('/p', probe({ '/p/README.md': '' })), undefined);
  // Cargo wins over package.json (a Rust component with a JS test harness).
  assert.equal((await projectKindOf('/p', probe({ '/p/Cargo.toml': COMPONENT_TOML, '/p/package.json': '{}' })))?.kind, 'cargo-component');
});

test('the project of a file is the nearest project folder above it, inside the workspace', async () => {
  const files = probe({ '/ws/apps/my app/package.json': '{}', '/ws/apps/my app/wit/world.wit': '', '/ws/Cargo.toml': '[workspace]' });
  assert.equal((await findProject('/ws/apps/my app/wit', '/ws', files))?.dir, '/ws/apps/my app');
  assert.equal((await findProject('/ws/other', '/ws', files))?.kind, 'cargo');
  assert.equal(await findProject('/elsewhere/x', '/ws', probe({})), undefined);
});

test('the JS entry: setting, then <world>.js, then package.json main, then app.js', async () => {
  const files = probe({ '/p/greeter-cli.js': '', '/p/app.js': '', '/p/package.json': '{"main": "./src/main.js"}', '/p/src/main.js': '' });
  assert.equal(await jsEntry('/p', 'greeter-cli', undefined, files), '/p/greeter-cli.js');
  assert.equal(await jsEntry('/p', 'greeter-app', undefined, files), '/p/src/main.js');
  assert.equal(await jsEntry('/p', 'greeter-app', 'lib/x.js', files), '/p/lib/x.js');
  assert.equal(await jsEntry('/p', 'w', undefined, probe({ '/p/app.js': '' })), '/p/app.js');
  assert.equal(await jsEntry('/p', 'w', undefined, probe({ '/p/package.json': '{broken' , '/p/index.js': '' })), '/p/index.js');
  assert.equal(await jsEntry('/p', 'w', undefined, probe({})), undefined);
});

test('the Python module and the dependency tool', async () => {
  assert.equal(pythonModule(undefined), 'app');
  assert.equal(pythonModule('main.py'), 'main');
  assert.equal(await depsTool('/p/wit', probe({ '/p/wit/deps.toml': '' })), 'wit-deps');
  assert.equal(await depsTool('/p/wit', probe({})), 'wkg');
});
