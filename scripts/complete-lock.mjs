// Completes package-lock.json for `npm ci` when the registry lacks some platform packages.
// Native packages (jco-node-fs, rolldown, componentize-qjs) list one optional dependency per
// platform; the registry this project is built against does not have all of them, so
// `npm install` leaves those out of the lock file, and `npm ci` then refuses the lock file as out
// of sync ("Missing: …@ from lock file"). Each missing one is added as an optional entry whose
// os/cpu/libc (read from its name) say it is for another platform, so `npm ci` skips it and never
// fetches it. On a registry that has them, `npm install` writes the full entries and this finds
// nothing to do.
// Usage: node scripts/complete-lock.mjs [--check]   (`npm run lock` runs it after npm install)
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = 'package-lock.json';
const OSES = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openharmony', 'wasm32'];
const CPUS = ['x64', 'arm64', 'arm', 'ia32', 'ppc64', 's390x', 'riscv64'];

/** `{ os, cpu, libc? }` from a name such as `…-linux-arm64-musl`, `…-win32-x64-msvc`, `…-wasm32-wasi`. */
export function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  if (parts.includes('wasm32')) return { cpu: ['wasm32'] };
  const os = parts.find((p) => OSES.includes(p));
  const cpu = parts.find((p) => CPUS.includes(p));
  if (!os || !cpu) return undefined;
  const libc = parts.includes('musl') ? ['musl'] : os === 'linux' && parts.some((p) => p.startsWith('gnu')) ? ['glibc'] : undefined;
  return { os: [os], cpu: [cpu], ...(libc ? { libc } : {}) };
}

/** Optional dependencies of lock entries that no entry installs, as `{ path, name, version }`. */
export function missingOptional(packages) {
  const out = [];
  for (const [path, entry] of Object.entries(packages)) {
    for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
      // Node's lookup: the package's own node_modules, then each enclosing one up to the root.
      let base = path;
      let found = false;
      for (;;) {
        if (`${base ? `${base}/` : ''}node_modules/${name}` in packages) {
          found = true;
          break;
        }
        if (!base) break;
        const i = base.lastIndexOf('/node_modules/');
        base = i >= 0 ? base.slice(0, i) : '';
      }
      if (!found) out.push({ path: `node_modules/${name}`, name, version });
    }
  }
  return out;
}

const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const missing = missingOptional(lock.packages);
if (process.argv.includes('--check')) {
  for (const m of missing) console.error(`${LOCK}: optional ${m.name}@${m.version} has no entry (run \`npm run lock\`)`);
  process.exit(missing.length ? 1 : 0);
}
let unknown = 0;
for (const m of missing) {
  const platform = platformOf(m.name);
  if (!platform) {
    console.error(`cannot tell the platform of ${m.name}; add its entry to ${LOCK} by hand`);
    unknown++;
    continue;
  }
  lock.packages[m.path] = { version: m.version, ...platform, optional: true };
}
// The order npm itself writes (the root entry, '', sorts first).
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => a.localeCompare(b, 'en')));
lock.packages = sorted;
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`${LOCK}: added ${missing.length - unknown} platform entr${missing.length - unknown === 1 ? 'y' : 'ies'} the registry does not have`);
process.exit(unknown ? 1 : 0);
