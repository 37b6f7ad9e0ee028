// "Did you mean" suggestions: the closest candidate by edit distance, counting kebab-case parts
// so that `get-usr` finds `get-user` and `user-get` still finds `get-user`.

/**
 * Edit distance where swapping two neighbouring letters counts as one edit (optimal string
 * alignment), since `cuont` for `count` is among the most common typos; with an early exit once
 * it exceeds `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  if (rows[0].length < width) for (let k = 0; k < 3; k++) rows[k] = new Int32Array(2 * width);
  // Three rows, reused between calls: the one before the previous (for swaps), the previous, this one.
  let before = rows[0];
  let prev = rows[1];
  let cur = rows[2];
  for (let j = 0; j < width; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, before[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const spare = before;
    before = prev;
    prev = cur;
    cur = spare;
  }
  return prev[b.length];
}

const rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * How many candidates suggestions may look at in one check. A file with 50k unknown names in an
 * interface of 50k types would otherwise compare every name with every type, for minutes; past
 * the budget, messages go without a suggestion.
 */
export class SuggestionBudget {
  constructor(public left = 2_000_000) {}
}

/**
 * The candidate closest to `name`, if one is close enough to be a plausible typo. With a budget,
 * each candidate looked at is spent from it, and none is suggested once it runs out.
 */
export function closestName(name: string, candidates: Iterable<string>, budget?: SuggestionBudget): string | undefined {
  const lower = name.toLowerCase();
  let sortedParts: string | undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (budget && budget.left-- <= 0) return undefined;
    if (c === name) continue;
    const max = Math.max(1, Math.floor(Math.max(name.length, c.length) / 3));
    // Names whose lengths differ by more than `max` are neither close nor the same parts reordered.
    if (Math.abs(name.length - c.length) > max) continue;
    const cl = c.toLowerCase();
    if (cl === lower) return c;
    let score = editDistance(lower, cl, max);
    if (score > 1 && cl.length === lower.length && cl.includes('-')) {
      sortedParts ??= lower.split('-').sort().join('-');
      if (cl.split('-').sort().join('-') === sortedParts) score = 1;
    }
    if (score <= max && score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** `; did you mean `x`?`, or nothing. */
export function didYouMean(suggestion: string | undefined): string {
  return suggestion ? `; did you mean \`${suggestion}\`?` : '';
}
