// Matches what is typed against candidate names the way kebab-case names are read: by their
// dash-separated parts, so `gu`, `get-u` and `g-user` all find `get-user` and `uc` finds
// `user-count`. Matching is monotone in the typed text (a match of `abc` is also a match of
// `ab`), which lets the client keep filtering a list the server has already filtered.

/** Match quality, lower is better. */
export enum Tier {
  Exact = 0,
  Prefix = 1,
  /** Every typed character continues a part or starts a later one, from the first part. */
  Parts = 2,
  /** As Parts, but starting at a later part (`count` in `user-count`). */
  LaterPart = 3,
  /** The typed characters appear in order, the first one at the start of a part (`strm` in `stream`). */
  Scattered = 4,
}

/** How well `typed` matches `candidate`, or undefined when it does not. Case-insensitive; a leading `%` is ignored on both sides. */
export function matchTier(typed: string, candidate: string): Tier | undefined {
  const t = stripPercent(typed).toLowerCase();
  const c = stripPercent(candidate).toLowerCase();
  if (t.length === 0) return Tier.Prefix;
  if (c === t) return Tier.Exact;
  if (c.startsWith(t)) return Tier.Prefix;
  if (t.charCodeAt(0) === DASH) return undefined;
  if (c.charCodeAt(0) === t.charCodeAt(0) && partsMatch(t, c, 1, 1)) return Tier.Parts;
  for (let k = c.indexOf('-') + 1; k > 0; k = c.indexOf('-', k) + 1) {
    if (c.charCodeAt(k) === t.charCodeAt(0) && partsMatch(t, c, 1, k + 1)) return Tier.LaterPart;
  }
  return scattered(t, c) ? Tier.Scattered : undefined;
}

/** A subsequence match whose first character starts a part: the loosest match still offered. */
function scattered(t: string, c: string): boolean {
  for (let k = 0; k < c.length; k++) {
    const partStart = k === 0 || c.charCodeAt(k - 1) === DASH;
    if (!partStart || c.charCodeAt(k) !== t.charCodeAt(0)) continue;
    let i = 1;
    for (let j = k + 1; i < t.length && j < c.length; j++) if (c.charCodeAt(j) === t.charCodeAt(i)) i++;
    if (i === t.length) return true;
  }
  return false;
}

const DASH = 0x2d;

function stripPercent(s: string): string {
  return s.charCodeAt(0) === 0x25 ? s.slice(1) : s;
}

/**
 * Whether t[i..] matches c from position j, where j follows a matched character: each typed
 * character either continues the current part (c[j]) or starts a later part; a typed `-` moves
 * to a later part start. Names are short, so plain backtracking is cheap.
 */
function partsMatch(t: string, c: string, i: number, j: number): boolean {
  if (i === t.length) return true;
  const ch = t.charCodeAt(i);
  if (ch === DASH) {
    // `get-` matches `get-user` (a dash the candidate has, at a part boundary or later).
    for (let k = c.indexOf('-', j); k >= 0; k = c.indexOf('-', k + 1)) {
      if (partsMatch(t, c, i + 1, k + 1)) return true;
    }
    return false;
  }
  if (j < c.length && c.charCodeAt(j) === ch && partsMatch(t, c, i + 1, j + 1)) return true;
  for (let k = c.indexOf('-', j); k >= 0; k = c.indexOf('-', k + 1)) {
    if (c.charCodeAt(k + 1) === ch && partsMatch(t, c, i + 1, k + 2)) return true;
  }
  return false;
}
