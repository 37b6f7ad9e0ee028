// Generates WIT packages of a given size for the benchmark: deterministic, realistic content
// (doc comments, records, variants, enums, flags, resources with methods, functions, `use`
// between interfaces and into a dependency, a world importing and exporting interfaces).
// Usage: node bench/generate.mjs LINES FILES OUTDIR

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function generatePackage(outDir, targetLines, fileCount) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'deps', 'common'), { recursive: true });
  writeFileSync(join(outDir, 'deps', 'common', 'types.wit'), `package bench:common@1.0.0;

/// Shared types.
interface types {
  /// Errors every interface can return.
  variant error-code {
    not-found,
    access-denied(string),
    other(u32),
  }
  type timestamp = u64;
}
`);
  const perFile = Math.ceil(targetLines / fileCount);
  const interfaces = [];
  let total = 0;
  for (let f = 0; f < fileCount; f++) {
    const lines = [`package bench:big@1.0.0;`, ''];
    let i = 0;
    while (lines.length < perFile) {
      const name = `api-${f}-${i}`;
      interfaces.push(name);
      const prev = i > 0 ? `api-${f}-${i - 1}` : undefined;
      lines.push(`/// Interface ${i} of file ${f}: operations on items of kind ${i}.`);
      lines.push(`interface ${name} {`);
      lines.push(`  use bench:common/types@1.0.0.{error-code, timestamp};`);
      if (prev) lines.push(`  use ${prev}.{entry as prev-entry};`);
      lines.push('');
      lines.push(`  /// One stored entry.`);
      lines.push(`  record entry {`);
      lines.push(`    /// The key.`);
      lines.push(`    key: string,`);
      lines.push(`    value: list<u8>,`);
      lines.push(`    created: timestamp,`);
      lines.push(`    tags: option<list<tuple<string, u32>>>,`);
      lines.push(`  }`);
      lines.push('');
      lines.push(`  enum mode { read, write, append, truncate }`);
      lines.push('');
      lines.push(`  flags permissions { owner, group, other, sticky }`);
      lines.push('');
      lines.push(`  variant change {`);
      lines.push(`    added(entry),`);
      lines.push(`    removed(string),`);
      lines.push(`    renamed(tuple<string, string>),`);
      lines.push(`    cleared,`);
      lines.push(`  }`);
      lines.push('');
      lines.push(`  /// A handle to an open store.`);
      lines.push(`  resource store {`);
      lines.push(`    constructor(path: string, mode: mode);`);
      lines.push(`    /// Reads an entry.`);
      lines.push(`    get: func(key: string) -> result<option<entry>, error-code>;`);
      lines.push(`    put: func(e: entry, perms: permissions) -> result<_, error-code>;`);
      lines.push(`    changes: func(since: timestamp) -> list<change>;`);
      lines.push(`    open: static func(path: string) -> result<store, error-code>;`);
      lines.push(`  }`);
      lines.push('');
      lines.push(`  /// Copies an entry between stores.`);
      lines.push(`  copy: func(src: borrow<store>, dst: borrow<store>, key: string) -> result<u64, error-code>;`);
      lines.push(`  summarize: func(items: list<entry>) -> tuple<u32, u64, option<string>>;`);
      if (prev) lines.push(`  convert: func(e: prev-entry) -> entry;`);
      lines.push(`}`);
      lines.push('');
      i++;
    }
    total += lines.length;
    writeFileSync(join(outDir, `part-${String(f).padStart(3, '0')}.wit`), lines.join('\n'));
  }
  // One world that imports every interface and exports a few.
  const world = ['package bench:big@1.0.0;', '', '/// The benchmark world.', 'world bench {'];
  // Interfaces that start a file's `use` chain: exporting them needs nothing exported imported.
  const exported = new Set(interfaces.filter((n) => n.endsWith('-0')).slice(0, 8));
  for (const n of interfaces) if (!exported.has(n)) world.push(`  import ${n};`);
  for (const n of exported) world.push(`  export ${n};`);
  world.push('  export main: func(args: list<string>) -> result;', '}', '');
  writeFileSync(join(outDir, 'world.wit'), world.join('\n'));
  return { lines: total + world.length, files: fileCount + 1, world: 'bench' };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [lines, files, out] = process.argv.slice(2);
  console.log(generatePackage(out, Number(lines), Number(files)));
}
