// One shared string per recurring identifier: lowering takes names out of the source through
// here, so that the thousands of equal names of a large package (`error-code`, `entry`, ...) are
// one string each instead of a copy per occurrence, which the garbage collector would otherwise
// copy and promote with the model that keeps them.

const TABLE_BITS = 14;
const TABLE_SIZE = 1 << TABLE_BITS;
/**
 * V8 makes a slice of 13 or more characters a view into the whole source text; kept in this table,
 * such a view would keep an old version of an edited file alive. Shorter slices are copies.
 */
const MAX_INTERNED_LENGTH = 12;
const table: (string | undefined)[] = new Array(TABLE_SIZE).fill(undefined);

/** `source.slice(start, end)`, the same string as for every equal slice seen lately. */
export function internSlice(source: string, start: number, end: number): string {
  const len = end - start;
  if (len > MAX_INTERNED_LENGTH) return source.slice(start, end);
  let h = len;
  for (let i = start; i < end; i++) h = Math.imul(h ^ source.charCodeAt(i), 0x01000193);
  const slot = (h ^ (h >>> TABLE_BITS)) & (TABLE_SIZE - 1);
  const seen = table[slot];
  if (seen !== undefined && seen.length === len) {
    let i = 0;
    while (i < len && seen.charCodeAt(i) === source.charCodeAt(start + i)) i++;
    if (i === len) return seen;
  }
  // A miss or a collision takes the slot: the table keeps what recurs lately.
  const fresh = source.slice(start, end);
  table[slot] = fresh;
  return fresh;
}
