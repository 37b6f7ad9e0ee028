// The exact command lines of every job, for the tools that cannot be installed on this machine
// (cargo, cargo-component, componentize-py, tinygo, wac, wasmtime, wkg, wit-deps) as well as jco,
// with a project whose path has spaces and quotes: argv first, then the line in each shell.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  buildJob, buildOutputPath, cargoOutput, composeJob, depsJob, fillTemplate, invokeJob, plugJob, relativeTo, runJob, serveJob, typesJob,
  worldOutput, type ProjectKind, type ToolCommands,
} from '../../../client/src/commandLines';
import { renderCommandLine } from '../../../client/src/shell';

const TOOLS: ToolCommands = {
  cargo: ['cargo'],
  jco: ['jco'],
  componentizePy: ['componentize-py'],
  tinygo: ['tinygo'],
  wac: ['wac'],
  wasmtime: ['wasmtime'],
  wkg: ['wkg'],
  witDeps: ['wit-deps'],
};

/** A project folder with a space, a single and a double quote in its name. */
const PROJECT = `/home/ana/it's a "demo"`;
const WIT = `${PROJECT}/wit`;

function lines(argv: string[]) {
  return { bash: renderCommandLine('bash', argv), zsh: renderCommandLine('zsh', argv), pwsh: renderCommandLine('pwsh', argv), cmd: renderCommandLine('cmd', argv) };
}

test('paths inside the project become relative to its folder (the job runs there)', () => {
  assert.equal(relativeTo(PROJECT, `${PROJECT}/wit`), 'wit');
  assert.equal(relativeTo(PROJECT, PROJECT), '.');
  assert.equal(relativeTo(PROJECT, '/elsewhere/x.wasm'), '/elsewhere/x.wasm');
  assert.equal(relativeTo('C:\\my app', 'C:\\my app\\wit'), 'wit');
});

test('cargo component build (debug and release)', () => {
  const debug = buildJob(TOOLS, { kind: 'cargo-component', profile: 'debug', projectDir: PROJECT, witDir: WIT, output: '', crateName: 'my-app' });
  assert.deepEqual(debug.argv, ['cargo', 'component', 'build']);
  assert.equal(debug.cwd, PROJECT);
  assert.equal(debug.output, `${PROJECT}/target/wasm32-wasip1/debug/my_app.wasm`);
  const release = buildJob(TOOLS, { kind: 'cargo-component', profile: 'release', projectDir: PROJECT, witDir: WIT, output: '', crateName: 'my-app' });
  assert.deepEqual(lines(release.argv), {
    bash: 'cargo component build --release',
    zsh: 'cargo component build --release',
    pwsh: 'cargo component build --release',
    cmd: 'cargo component build --release',
  });
});

test('cargo build --target wasm32-wasip2, with a cargo from a folder with spaces', () => {
  const tools = { ...TOOLS, cargo: [`/opt/rust tools/it's/cargo`] };
  const job = buildJob(tools, { kind: 'cargo', profile: 'release', projectDir: PROJECT, witDir: WIT, output: '', crateName: 'app' });
  assert.deepEqual(job.argv, [`/opt/rust tools/it's/cargo`, 'build', '--target', 'wasm32-wasip2', '--release']);
  assert.equal(job.output, `${PROJECT}/target/wasm32-wasip2/release/app.wasm`);
  assert.deepEqual(lines(job.argv), {
    bash: `'/opt/rust tools/it'\\''s/cargo' build --target wasm32-wasip2 --release`,
    zsh: `'/opt/rust tools/it'\\''s/cargo' build --target wasm32-wasip2 --release`,
    pwsh: `& '/opt/rust tools/it''s/cargo' build --target wasm32-wasip2 --release`,
    cmd: `"/opt/rust tools/it's/cargo" build --target wasm32-wasip2 --release`,
  });
  assert.equal(cargoOutput({ kind: 'cargo', projectDir: PROJECT, profile: 'debug' }), undefined, 'no crate name, no known output');
});

test('jco componentize with an entry and WIT folder outside the project', () => {
  const job = buildJob(TOOLS, {
    kind: 'js', profile: 'debug', projectDir: PROJECT, witDir: `/shared/wit "v2"`, world: 'greeter-app',
    entry: `${PROJECT}/src/my app.js`, output: `${PROJECT}/greeter-app.wasm`,
  });
  assert.deepEqual(job.argv, ['jco', 'componentize', 'src/my app.js', '--wit', '/shared/wit "v2"', '--world-name', 'greeter-app', '-o', 'greeter-app.wasm']);
  assert.deepEqual(lines(job.argv), {
    bash: `jco componentize 'src/my app.js' --wit '/shared/wit "v2"' --world-name greeter-app -o greeter-app.wasm`,
    zsh: `jco componentize 'src/my app.js' --wit '/shared/wit "v2"' --world-name greeter-app -o greeter-app.wasm`,
    pwsh: `jco componentize 'src/my app.js' --wit '/shared/wit "v2"' --world-name greeter-app -o greeter-app.wasm`,
    cmd: `jco componentize "src/my app.js" --wit "/shared/wit \\"v2\\"" --world-name greeter-app -o greeter-app.wasm`,
  });
});

test('componentize-py -d WIT -w WORLD componentize MODULE -o OUT', () => {
  const job = buildJob(TOOLS, { kind: 'python', profile: 'debug', projectDir: PROJECT, witDir: `${PROJECT}/wit files`, world: 'app', entry: 'app', output: `${PROJECT}/out/it's.wasm` });
  assert.deepEqual(job.argv, ['componentize-py', '-d', 'wit files', '-w', 'app', 'componentize', 'app', '-o', `out/it's.wasm`]);
  assert.deepEqual(lines(job.argv), {
    bash: `componentize-py -d 'wit files' -w app componentize app -o 'out/it'\\''s.wasm'`,
    zsh: `componentize-py -d 'wit files' -w app componentize app -o 'out/it'\\''s.wasm'`,
    pwsh: `componentize-py -d 'wit files' -w app componentize app -o 'out/it''s.wasm'`,
    cmd: `componentize-py -d "wit files" -w app componentize app -o "out/it's.wasm"`,
  });
});

test('tinygo build -target=wasip2 --wit-package --wit-world', () => {
  const job = buildJob(TOOLS, { kind: 'go', profile: 'release', projectDir: PROJECT, witDir: `/w/my "wit"`, world: 'hello', output: `${PROJECT}/hello.wasm` });
  assert.deepEqual(job.argv, ['tinygo', 'build', '-target=wasip2', '--wit-package', '/w/my "wit"', '--wit-world', 'hello', '-no-debug', '-o', 'hello.wasm']);
  assert.deepEqual(lines(job.argv), {
    bash: `tinygo build -target=wasip2 --wit-package '/w/my "wit"' --wit-world hello -no-debug -o hello.wasm`,
    zsh: `tinygo build -target=wasip2 --wit-package '/w/my "wit"' --wit-world hello -no-debug -o hello.wasm`,
    pwsh: `tinygo build -target=wasip2 --wit-package '/w/my "wit"' --wit-world hello -no-debug -o hello.wasm`,
    cmd: `tinygo build -target=wasip2 --wit-package "/w/my \\"wit\\"" --wit-world hello -no-debug -o hello.wasm`,
  });
});

test('a command template from the settings replaces the built-in form', () => {
  const job = buildJob(TOOLS, {
    kind: 'js', profile: 'release', projectDir: PROJECT, witDir: WIT, world: 'w', entry: `${PROJECT}/app.js`, output: `${PROJECT}/w.wasm`,
    template: ['npx', 'jco', 'componentize', '{entry}', '--wit', '{wit}', '-n', '{world}', '-o', '{output}', '{releaseFlag}'],
  });
  assert.deepEqual(job.argv, ['npx', 'jco', 'componentize', 'app.js', '--wit', 'wit', '-n', 'w', '-o', 'w.wasm', '--release']);
  assert.deepEqual(fillTemplate(['a', '{releaseFlag}', '{unknown}'], { releaseFlag: '' }), ['a', '{unknown}']);
});

test('the build output Run looks for is where cargo leaves the component, not <world>.wasm', () => {
  const placement = { projectDir: PROJECT, crateName: 'my-app', world: 'greeter', outputDirectory: '' };
  assert.equal(buildOutputPath({ ...placement, kind: 'cargo-component', profile: 'debug' }), `${PROJECT}/target/wasm32-wasip1/debug/my_app.wasm`);
  assert.equal(buildOutputPath({ ...placement, kind: 'cargo', profile: 'release' }), `${PROJECT}/target/wasm32-wasip2/release/my_app.wasm`);
  assert.equal(buildOutputPath({ ...placement, kind: 'cargo', profile: 'debug', outputDirectory: 'dist' }), `${PROJECT}/target/wasm32-wasip2/debug/my_app.wasm`, 'outputDirectory is for the other kinds');
  assert.equal(buildOutputPath({ ...placement, kind: 'cargo', profile: 'debug', crateName: undefined }), undefined);
  assert.equal(buildOutputPath({ ...placement, kind: 'js', profile: 'debug', outputDirectory: 'dist' }), `${PROJECT}/dist/greeter.wasm`);
  assert.equal(buildOutputPath({ ...placement, kind: 'go', profile: 'debug' }), `${PROJECT}/greeter.wasm`);
});

test('buildOutputPath agrees with the output of the build job of every kind', () => {
  for (const kind of ['cargo-component', 'cargo', 'js', 'python', 'go'] as ProjectKind[]) {
    for (const profile of ['debug', 'release'] as const) {
      const placement = { kind, profile, projectDir: PROJECT, crateName: 'my-app', world: 'greeter', outputDirectory: 'out' };
      const job = buildJob(TOOLS, { ...placement, witDir: WIT, entry: `${PROJECT}/app.js`, output: worldOutput(placement) });
      assert.equal(buildOutputPath(placement), job.output, `${kind} ${profile}`);
    }
  }
});

test('wac plug and wac compose', () => {
  const dir = `/home/ana/comp "x"`;
  const plug = plugJob(TOOLS, { cwd: dir, socket: `${dir}/greeter app.wasm`, plugs: [`${dir}/logger.wasm`, `/other/it's plug.wasm`], output: `${dir}/composed.wasm` });
  assert.deepEqual(plug.argv, ['wac', 'plug', 'greeter app.wasm', '--plug', 'logger.wasm', '--plug', `/other/it's plug.wasm`, '-o', 'composed.wasm']);
  assert.deepEqual(lines(plug.argv), {
    bash: `wac plug 'greeter app.wasm' --plug logger.wasm --plug '/other/it'\\''s plug.wasm' -o composed.wasm`,
    zsh: `wac plug 'greeter app.wasm' --plug logger.wasm --plug '/other/it'\\''s plug.wasm' -o composed.wasm`,
    pwsh: `wac plug 'greeter app.wasm' --plug logger.wasm --plug '/other/it''s plug.wasm' -o composed.wasm`,
    cmd: `wac plug "greeter app.wasm" --plug logger.wasm --plug "/other/it's plug.wasm" -o composed.wasm`,
  });
  const compose = composeJob(TOOLS, { cwd: dir, wacFile: `${dir}/my app.wac`, output: `${dir}/out.wasm` });
  assert.deepEqual(compose.argv, ['wac', 'compose', 'my app.wac', '-o', 'out.wasm']);
  assert.equal(renderCommandLine('bash', compose.argv), `wac compose 'my app.wac' -o out.wasm`);
});

test('wasmtime run, run --invoke and serve', () => {
  const run = runJob(TOOLS, { runtime: 'wasmtime', cwd: PROJECT, component: `${PROJECT}/my "cli".wasm`, args: ['--name', `Ana's`, '$HOME'] });
  assert.deepEqual(run.argv, ['wasmtime', 'run', 'my "cli".wasm', '--name', `Ana's`, '$HOME']);
  assert.deepEqual(lines(run.argv), {
    bash: `wasmtime run 'my "cli".wasm' --name 'Ana'\\''s' '$HOME'`,
    zsh: `wasmtime run 'my "cli".wasm' --name 'Ana'\\''s' '$HOME'`,
    pwsh: `wasmtime run 'my "cli".wasm' --name 'Ana''s' '$HOME'`,
    cmd: `wasmtime run "my \\"cli\\".wasm" --name "Ana's" "$HOME"`,
  });
  const invoke = invokeJob(TOOLS, { cwd: PROJECT, component: `${PROJECT}/lib.wasm`, call: `greet("it's me", {name: "Ana"})` });
  assert.deepEqual(invoke.argv, ['wasmtime', 'run', '--invoke', `greet("it's me", {name: "Ana"})`, 'lib.wasm']);
  assert.deepEqual(lines(invoke.argv), {
    bash: `wasmtime run --invoke 'greet("it'\\''s me", {name: "Ana"})' lib.wasm`,
    zsh: `wasmtime run --invoke 'greet("it'\\''s me", {name: "Ana"})' lib.wasm`,
    pwsh: `wasmtime run --invoke 'greet("it''s me", {name: "Ana"})' lib.wasm`,
    cmd: `wasmtime run --invoke "greet(\\"it's me\\", {name: \\"Ana\\"})" lib.wasm`,
  });
  const serve = serveJob(TOOLS, { runtime: 'wasmtime', cwd: PROJECT, component: `${PROJECT}/http handler.wasm`, port: 8080 });
  assert.deepEqual(serve.argv, ['wasmtime', 'serve', '--addr', '127.0.0.1:8080', 'http handler.wasm']);
  assert.equal(renderCommandLine('pwsh', serve.argv), `wasmtime serve --addr 127.0.0.1:8080 'http handler.wasm'`);
});

test('jco run, serve and types', () => {
  const tools = { ...TOOLS, jco: ['node', `/home/ana/it's/node_modules/@bytecodealliance/jco/dist/jco.js`] };
  const run = runJob(tools, { runtime: 'jco', cwd: PROJECT, component: `${PROJECT}/cli.wasm`, args: ['a b'] });
  assert.deepEqual(run.argv, ['node', `/home/ana/it's/node_modules/@bytecodealliance/jco/dist/jco.js`, 'run', 'cli.wasm', 'a b']);
  assert.equal(renderCommandLine('bash', run.argv), `node '/home/ana/it'\\''s/node_modules/@bytecodealliance/jco/dist/jco.js' run cli.wasm 'a b'`);
  const serve = serveJob(TOOLS, { runtime: 'jco', cwd: PROJECT, component: `${PROJECT}/hello http.wasm`, port: 8123 });
  assert.deepEqual(serve.argv, ['jco', 'serve', 'hello http.wasm', '--host', '127.0.0.1', '--port', '8123']);
  const types = typesJob(TOOLS, { cwd: PROJECT, witDir: WIT, world: 'greeter-app', outDir: `${PROJECT}/types` });
  assert.deepEqual(types.argv, ['jco', 'types', 'wit', '--world-name', 'greeter-app', '-o', 'types']);
});

test('wkg wit fetch and wit-deps update', () => {
  assert.deepEqual(depsJob(TOOLS, { cwd: PROJECT, tool: 'wkg' }), { argv: ['wkg', 'wit', 'fetch'], cwd: PROJECT });
  assert.deepEqual(depsJob(TOOLS, { cwd: PROJECT, tool: 'wit-deps' }), { argv: ['wit-deps', 'update'], cwd: PROJECT });
});
