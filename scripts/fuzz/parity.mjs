// Differential fuzzing against the reference parser: mutates inputs from ../shared (wit-parser's
// own suite and the WASI packages), checks each mutant with our checker and with wit-parser
// (compiled to wasm in @bytecodealliance/jco-transpile), and reports every input that one
// accepts and the other rejects, or that crashes the checker. One example of each kind of
// disagreement is written under .cache/fuzz/cases/ to become a fixture in
// test/data/semantics/parity/. Exit status 1 when there was any.
//
// Usage: node scripts/fuzz/parity.mjs [--seed N] [--count N] [--folders] [--gates] [--versions] [--features a,b | --all-features]
//        node scripts/fuzz/parity.mjs --forms all|NAME,... [--component] [--features a,b | --all-features]
//   --folders   mutate one file of a package folder (with deps/) instead of single files
//   --gates     mostly insert @since/@unstable/@deprecated before items
//   --versions  mostly change versions and the case of names
//   --features  features both sides enable (the reference then embeds the world in a dummy module)
//   --all-features  every feature on, on both sides (likewise)
//   --forms     instead of mutants, every input of the named catalogs in forms.mjs (systematic
//               forms and pairs of items; `all` for every catalog); --count and --seed do not apply
//   --component also compare with the component validator: each single-file input that both
//               accept gets a world that imports its interfaces and includes its worlds, the
//               reference builds a component from it (wasmparser validates it), and the checker
//               must warn exactly when validation fails

import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { FORMS } from './forms.mjs';

const { values: opts } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' }, count: { type: 'string', default: '2000' },
    folders: { type: 'boolean' }, gates: { type: 'boolean' }, versions: { type: 'boolean' }, features: { type: 'string', default: '' },
    'all-features': { type: 'boolean' }, forms: { type: 'string' }, component: { type: 'boolean' },
  },
});
const root = resolve(import.meta.dirname, '..', '..');
const shared = resolve(process.env.WIT_SHARED ?? join(root, '..', 'shared'));
const ui = join(shared, 'conformance', 'wit-parser', 'tests', 'ui');
const layouts = join(shared, 'conformance', 'wasi', 'layouts');
if (!existsSync(ui)) {
  console.error(`no wit-parser suite at ${ui}: set WIT_SHARED`);
  process.exit(2);
}
const work = join(root, '.cache', 'fuzz');
mkdirSync(join(work, 'cases'), { recursive: true });
const features = opts.features.split(',').filter(Boolean);
const allFeatures = opts['all-features'] === true;
const featureSet = allFeatures ? { tag: 'all' } : { tag: 'list', val: features };

const engine = join(work, 'engine.js');
await esbuild.build({ entryPoints: [join(root, 'scripts', 'fuzz', 'engine.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'es2022', outfile: engine, logLevel: 'warning' });
const { problemsOf } = createRequire(import.meta.url)(engine);

// A panic inside the wasm poisons its instance: attempt() loads a fresh one after each.
const vendorPath = join(root, 'node_modules', '@bytecodealliance', 'jco-transpile', 'vendor', 'wasm-tools.js');
let generation = 0;
let tools;
async function loadReference() {
  const mod = await import(`${vendorPath}?instance=${generation++}`);
  await mod.$init;
  tools = mod.tools;
}
await loadReference();
// Choosing a world comes after the package is accepted; jco's own metadata step can fail after that.
const NOT_A_REJECTION = /contains no worlds|multiple worlds in|no world|missing iface name for world key/;

/** Runs a call into the reference: its error message, or undefined when it succeeds. */
async function attempt(call) {
  try {
    call();
    return undefined;
  } catch (e) {
    // A panic inside the wasm poisons its instance.
    if (e instanceof WebAssembly.RuntimeError) {
      await loadReference();
      return 'wit-parser panicked';
    }
    return String(e.payload ?? e.message ?? e);
  }
}

// The features both sides enable, as the reference's embed step takes them.
const FEATURE_OPTIONS = features.length || allFeatures ? { features: featureSet } : undefined;

/** The text with a world that imports each top-level interface and includes each top-level world. */
function withProbeWorld(text) {
  const items = [...text.matchAll(/^(interface|world)\s+(%?[A-Za-z][A-Za-z0-9-]*)/gm)].map((m) => (m[1] === 'interface' ? `import ${m[2]};` : `include ${m[2]};`));
  return `${text}\nworld zz-probe {\n  ${items.join('\n  ')}\n}\n`;
}

// Warnings that are not about component validation: a definition that a later `use` replaces
// is, unless it is a resource with functions, which wit-parser keeps and validation rejects.
const NOT_COMPONENT_WARNINGS = /^(binary-dependency:|shadowed-by-use:(?!.*functions stay in the))/;

/** The reference's error, or undefined when it accepts. */
async function reference(spec) {
  const message = await attempt(() => {
    if (FEATURE_OPTIONS) tools.componentEmbed({ ...(spec.tag === 'path' ? { witPath: spec.val } : { witSource: spec.val }), dummy: true, ...FEATURE_OPTIONS });
    else tools.componentWitMetadataForWorld(spec, undefined);
  });
  return message === undefined || NOT_A_REJECTION.test(message) ? undefined : message;
}

// ---- inputs
const witFilesIn = (dir) => readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.wit')).map((f) => join(dir, f));
const files = [
  ...readdirSync(ui).filter((f) => f.endsWith('.wit')).map((f) => join(ui, f)),
  ...readdirSync(join(ui, 'parse-fail')).filter((f) => f.endsWith('.wit')).map((f) => join(ui, 'parse-fail', f)),
  ...(existsSync(layouts) ? readdirSync(layouts).flatMap((l) => witFilesIn(join(layouts, l, 'wit'))) : []),
];
// With --component, wit-parser's stress files are left out: with a world that includes all of
// their interfaces, the reference did not finish building one in minutes.
const seeds = files.filter((f) => !(opts.component && /[/\\]stress-[^/\\]*$/.test(f))).map((f) => readFileSync(f, 'utf8'));
const isDir = (p) => statSync(p).isDirectory();
// kinds-of-deps holds binary packages, which jco's wit-parser build does not read.
const folders = [
  ...readdirSync(ui).map((f) => join(ui, f)).filter((p) => isDir(p) && !p.endsWith('parse-fail') && !p.endsWith('kinds-of-deps')),
  ...readdirSync(join(ui, 'parse-fail')).map((f) => join(ui, 'parse-fail', f)).filter(isDir),
  ...(existsSync(layouts) ? readdirSync(layouts).map((l) => join(layouts, l, 'wit')) : []),
];

// ---- mutations
let state = Number(opts.seed) || 1;
const random = () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = (xs) => xs[Math.floor(random() * xs.length)];
const TOKEN = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|[A-Za-z%][A-Za-z0-9-]*|@?[0-9]+(\.[0-9]+)*(-[A-Za-z0-9.]+)?|->|[{}()<>;:,=./@*_]|\s+|./g;
const WORDS = ['u8', 'u32', 's64', 'string', 'list', 'option', 'result', 'tuple', 'own', 'borrow', 'resource', 'record', 'variant', 'enum', 'flags',
  'type', 'use', 'as', 'from', 'include', 'with', 'import', 'export', 'world', 'interface', 'package', 'func', 'static', 'constructor', 'async',
  'future', 'stream', 'error-context', '_', 'char', 'bool', 'f32', 'map', 'a', 'b', 'x', 'foo', '%id', 'self'];
const ATTRIBUTES = ['@unstable(feature = inactive)', '@unstable(feature = active)', '@since(version = 0.2.0)', '@since(version = 1.0.0)',
  '@deprecated(version = 0.1.0)', '@since(version = 0.2.0, feature = inactive)'];
const VERSIONS = ['0.2.0', '0.2.1', '0.3.0', '1.0.0', '1.2.3', '0.2.0-rc-2023-10-18', '2.0.0', '0.0.1', '1.0.0+build', '01.0.0', '1.0'];

function tokenMutation(src) {
  const tokens = src.match(TOKEN) ?? [];
  const solid = tokens.map((_, i) => i).filter((i) => !/^\s|^\/[/*]/.test(tokens[i]));
  if (solid.length === 0) return src;
  for (let k = 1 + Math.floor(random() * 2); k > 0; k--) {
    const i = pick(solid);
    const r = random();
    if (r < 0.2) tokens[i] = '';
    else if (r < 0.4) tokens[i] = tokens[pick(solid)];
    else if (r < 0.55) tokens[i] = pick(WORDS);
    else if (r < 0.7) {
      const j = pick(solid);
      [tokens[i], tokens[j]] = [tokens[j], tokens[i]];
    } else if (r < 0.8) tokens[i] += ' ' + tokens[pick(solid)];
    else {
      const lines = tokens.join('').split('\n');
      const at = Math.floor(random() * lines.length);
      if (random() < 0.5) lines.splice(at, 0, pick(lines));
      else lines.splice(at, 1);
      return lines.join('\n');
    }
  }
  return tokens.join('');
}

function gateMutation(src) {
  const lines = src.split('\n');
  const items = lines.map((_, i) => i).filter((i) => /^\s*(interface|world|type|record|variant|enum|flags|resource|use|import|export|include|constructor|[a-z][a-z0-9-]*\s*:)/.test(lines[i]));
  if (items.length === 0) return tokenMutation(src);
  for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
    const i = pick(items);
    lines[i] = lines[i].replace(/^(\s*)/, `$1${pick(ATTRIBUTES)} `);
  }
  return lines.join('\n');
}

function versionMutation(src) {
  const tokens = src.match(TOKEN) ?? [];
  const targets = tokens.map((_, i) => i).filter((i) => /^@?[0-9]|^[a-z][a-z0-9-]*$/i.test(tokens[i]));
  if (targets.length === 0) return tokenMutation(src);
  for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
    const i = pick(targets);
    const t = tokens[i];
    if (/^@?[0-9]/.test(t)) tokens[i] = (t.startsWith('@') ? '@' : '') + pick(VERSIONS);
    else tokens[i] = random() < 0.5 ? t.toUpperCase() : random() < 0.5 ? t[0].toUpperCase() + t.slice(1) : `${t}@${pick(VERSIONS)}`;
  }
  return tokens.join('');
}

const mutate = (src) => (opts.gates && random() < 0.7 ? gateMutation(src) : opts.versions && random() < 0.7 ? versionMutation(src) : tokenMutation(src));

// ---- the inputs of the run: mutants, or the systematic forms
const formNames = opts.forms === undefined ? [] : opts.forms === 'all' ? Object.keys(FORMS) : opts.forms.split(',');
for (const name of formNames) {
  if (!FORMS[name]) {
    console.error(`no catalog called ${name}: the catalogs are ${Object.keys(FORMS).join(', ')}`);
    process.exit(2);
  }
}
const forms = formNames.flatMap((name) => FORMS[name]());

/** Writes the n-th input to check; returns its path and how the reference is given it. */
function nextInput(n) {
  if (opts.forms !== undefined) {
    const form = forms[n];
    if (form.files) {
      const target = join(work, 'input');
      rmSync(target, { recursive: true, force: true });
      for (const [rel, text] of Object.entries(form.files)) {
        mkdirSync(join(target, rel, '..'), { recursive: true });
        writeFileSync(join(target, rel), text);
      }
      return { target, spec: { tag: 'path', val: target }, label: form.name };
    }
    const target = join(work, 'input.wit');
    writeFileSync(target, form.text);
    return { target, spec: { tag: 'source', val: form.text }, label: form.name };
  }
  if (opts.folders) {
    const target = join(work, 'input');
    rmSync(target, { recursive: true, force: true });
    cpSync(pick(folders), target, { recursive: true });
    const candidates = witFilesIn(target);
    if (candidates.length === 0) return undefined;
    const file = pick(candidates);
    const donor = pick(candidates);
    if (donor !== file && random() < 0.3) {
      // Move a line across files of the package: duplicates and references between files.
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.splice(Math.floor(random() * (lines.length + 1)), 0, pick(readFileSync(donor, 'utf8').split('\n')));
      writeFileSync(file, lines.join('\n'));
    } else writeFileSync(file, mutate(readFileSync(file, 'utf8')));
    return { target, spec: { tag: 'path', val: target } };
  }
  const src = mutate(pick(seeds));
  const target = join(work, 'input.wit');
  writeFileSync(target, src);
  return { target, spec: { tag: 'source', val: src } };
}

// ---- the run
const count = opts.forms !== undefined ? forms.length : Number(opts.count);
const kinds = new Map();
let disagreements = 0;
const validation = { compared: 0, skipped: 0, disagreements: 0 };
const shape = (message) => message.split('\n')[0].replace(/`[^`]*`|'[^']*'/g, '_').slice(0, 70);
for (let n = 0; n < count; n++) {
  const input = nextInput(n);
  if (!input) continue;
  const { target, spec, label } = input;
  const theirs = await reference(spec);
  let ours;
  try {
    ours = (await problemsOf(target, features, allFeatures)).errors;
  } catch (e) {
    ours = [`CRASH: ${e.stack}`];
  }
  const crashed = ours[0]?.startsWith('CRASH');
  if (!crashed && (theirs === undefined) === (ours.length === 0)) {
    if (opts.component && theirs === undefined && spec.tag === 'source') await compareWithValidator(spec.val, label);
    continue;
  }
  disagreements++;
  const key = `${theirs === undefined ? 'accepts' : shape(theirs)} | ${ours.length ? shape(ours[0]) : 'accepts'}`;
  if (kinds.has(key)) continue;
  const saved = join(work, 'cases', `case-${kinds.size + 1}${target.endsWith('.wit') ? '.wit' : ''}`);
  rmSync(saved, { recursive: true, force: true });
  cpSync(target, saved, { recursive: true });
  kinds.set(key, saved);
  console.log(`${saved}${label ? ` (form ${label})` : ''}\n  wit-parser: ${theirs === undefined ? 'accepts' : theirs.split('\n')[0]}\n  ours:       ${ours.length ? ours[0].split('\n')[0] : 'accepts'}`);
}
/** With --component: the validator's verdict on the input with a probe world against our warnings. */
async function compareWithValidator(text, label) {
  const probed = withProbeWorld(text);
  // Embedding resolves the WIT (the probe world can make it invalid); building validates it.
  let embedded;
  if (await attempt(() => (embedded = tools.componentEmbed({ witSource: probed, dummy: true, world: 'zz-probe', ...FEATURE_OPTIONS }))) !== undefined) {
    validation.skipped++;
    return;
  }
  const invalid = (await attempt(() => tools.componentNew(embedded, [])))?.split('\n').pop().trim();
  const target = join(work, 'input.wit');
  writeFileSync(target, probed);
  const warned = (await problemsOf(target, features, allFeatures)).warnings.filter((w) => !NOT_COMPONENT_WARNINGS.test(w));
  validation.compared++;
  if ((invalid !== undefined) === (warned.length > 0)) return;
  validation.disagreements++;
  const key = `${invalid === undefined ? 'valid' : shape(invalid)} | ${warned.length ? shape(warned[0]) : 'no warning'}`;
  if (kinds.has(key)) return;
  const saved = join(work, 'cases', `case-${kinds.size + 1}.wit`);
  writeFileSync(saved, probed);
  kinds.set(key, saved);
  console.log(`${saved}${label ? ` (form ${label})` : ''}\n  validator: ${invalid ?? 'valid'}\n  ours:      ${warned[0] ?? 'no warning'}`);
}
const source = opts.forms !== undefined ? `forms: ${formNames.join(', ')}` : `seed ${opts.seed}`;
console.log(`${disagreements} disagreement(s) in ${count} inputs (${source}${allFeatures ? ', all features' : features.length ? `, features ${features.join(',')}` : ''}), ${kinds.size} kind(s)`);
if (opts.component) {
  console.log(`component validation: ${validation.disagreements} disagreement(s) in ${validation.compared} accepted inputs (${validation.skipped} skipped: the probe world made them invalid WIT)`);
}
process.exit(disagreements || validation.disagreements ? 1 : 0);
