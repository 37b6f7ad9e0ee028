// Intern tables for slices of source text, looked up by the slice's position so that a hit costs
// no string allocation. The parser's token table (syntax/green.ts) and the table of names that
// lowering takes out of the source share the hash, the comparison and the length limit here.

/** Slots of a table: a bounded table cannot grow with the input. */
export const INTERN_TABLE_BITS = 14;
export const INTERN_TABLE_SIZE = 1 << INTERN_TABLE_BITS;
/**
 * The longest slice a table takes. V8 makes a slice of 13 or more characters a view into the
 * whole source text; kept in a table, such a view would keep an old version of every edited file
 * alive (22 MB after 400 edits of a 60 KB file, test/unit/syntax/retention.test.ts). Shorter
 * slices are copies.
 */
export const MAX_INTERNED_LENGTH = 12;

/** The table slot of `source.slice(start, end)`, with `seed` mixed in. */
export function internSlot(source: string, start: number, end: number, seed: number): number {
  let h = seed;
  for (let i = start; i < end; i++) h = Math.imul(h ^ source.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> INTERN_TABLE_BITS)) & (INTERN_TABLE_SIZE - 1);
}

/** Whether `text` equals `source.slice(start, end)`, without making that slice. */
export function equalsSlice(text: string, source: string, start: number, end: number): boolean {
  const len = end - start;
  if (text.length !== len) return false;
  for (let i = 0; i < len; i++) if (text.charCodeAt(i) !== source.charCodeAt(start + i)) return false;
  return true;
}

/**
 * Recurring names as one string each: the thousands of equal names of a large package
 * (`error-code`, `entry`, ...) would otherwise each be a copy, which the garbage collector
 * copies and promotes with the model that keeps them.
 */
const names: (string | undefined)[] = new Array(INTERN_TABLE_SIZE).fill(undefined);

/** `source.slice(start, end)`, the same string as for every equal slice seen lately. */
export function internSlice(source: string, start: number, end: number): string {
  if (end - start > MAX_INTERNED_LENGTH) return source.slice(start, end);
  const slot = internSlot(source, start, end, end - start);
  const seen = names[slot];
  if (seen !== undefined && equalsSlice(seen, source, start, end)) return seen;
  // A miss or a collision takes the slot: the table keeps what recurs lately.
  const fresh = source.slice(start, end);
  names[slot] = fresh;
  return fresh;
}
