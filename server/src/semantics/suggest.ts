// "Did you mean" suggestions: the closest candidate by edit distance, counting kebab-case parts
// so that `get-usr` finds `get-user` and `user-get` still finds `get-user`.

/**
 * Edit distance where swapping two neighbouring letters counts as one edit (optimal string
 * alignment), since `cuont` for `count` is among the most common typos; with an early exit once
 * it exceeds `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      cur[j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    before = prev;
    prev = cur;
  }
  return prev[b.length];
}

/** The candidate closest to `name`, if one is close enough to be a plausible typo. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const sortedParts = lower.split('-').sort().join('-');
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c === name) continue;
    const cl = c.toLowerCase();
    if (cl === lower) return c;
    const max = Math.max(1, Math.floor(Math.max(name.length, c.length) / 3));
    let score = editDistance(lower, cl, max);
    if (cl.split('-').sort().join('-') === sortedParts) score = Math.min(score, 1);
    if (score <= max && score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** ` (did you mean `x`?)`, or nothing. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const c = closestName(name, candidates);
  return c ? `; did you mean \`${c}\`?` : '';
}
