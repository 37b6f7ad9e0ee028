// The JSON form of the ABI report, built entry by entry: `{types, functions}` exactly as
// `JSON.stringify(report, null, 2)` prints it, without ever holding every entry's object.

import type { AbiReport } from '../semantics/abi';

/**
 * Each entry is serialized as it comes, so its objects can go at once; a later entry with the
 * same key replaces an earlier one in place, as Object.assign would (a second PATH with the same
 * package). Past `maxChars` it keeps nothing more: a chain of 100k types whose flattenings each
 * add a value would make gigabytes of JSON, more than a string can hold.
 */
export class JsonReport {
  private readonly sections: Record<keyof AbiReport, Map<string, string>> = { types: new Map(), functions: new Map() };
  private length = 0;
  tooLarge = false;

  constructor(private readonly maxChars: number) {}

  /** False once the report is too large: nothing more is kept. */
  add(section: keyof AbiReport, key: string, entry: unknown): boolean {
    if (this.tooLarge) return false;
    const text = `    ${JSON.stringify(key)}: ${JSON.stringify(entry, null, 2).replace(/\n/g, '\n    ')}`;
    this.length += text.length;
    if (this.length > this.maxChars) {
      this.tooLarge = true;
      this.sections.types.clear();
      this.sections.functions.clear();
      return false;
    }
    this.sections[section].set(key, text);
    return true;
  }

  text(): string {
    const body = (m: Map<string, string>) => (m.size === 0 ? '{}' : `{\n${[...m.values()].join(',\n')}\n  }`);
    return `{\n  "types": ${body(this.sections.types)},\n  "functions": ${body(this.sections.functions)}\n}\n`;
  }
}
