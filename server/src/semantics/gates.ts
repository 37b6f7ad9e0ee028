// Feature gates: reads `@since`, `@unstable` and `@deprecated` into a Stability, reports the rules
// wit-parser enforces on them, and decides which items are active for a set of features.

import type { Diagnostic } from '../base/diagnostic';
import type { Attrs, Range } from './hir';
import type { Package, Stability } from './model';

export interface FeatureOptions {
  /** Features turned on (`wit.features`, `--features`). */
  features: ReadonlySet<string>;
  /** Every feature is on (`wit.allFeatures`, `--all-features`). */
  allFeatures: boolean;
}

export const NO_FEATURES: FeatureOptions = { features: new Set(), allFeatures: false };

/** The item's stability; problems with the attributes are pushed to `out`. */
export function stabilityOf(attrs: Attrs, out: Diagnostic[]): Stability {
  for (const r of attrs.repeated) {
    out.push({
      code: 'invalid-gate',
      start: r.range.start,
      end: r.range.end,
      message: `cannot specify @${r.name} twice`,
    });
  }
  const { since, unstable, deprecated } = attrs;
  if (since && unstable) {
    out.push({
      code: 'invalid-gate',
      start: since.range.start,
      end: since.range.end,
      message: 'cannot specify both @since and @unstable: an item is either released since a version, or still unstable behind a feature',
    });
  }
  if (since) return { kind: 'stable', since: since.value, deprecated: deprecated?.value };
  if (unstable) return { kind: 'unstable', feature: unstable.value, deprecated: deprecated?.value };
  if (deprecated) {
    out.push({
      code: 'invalid-gate',
      start: deprecated.range.start,
      end: deprecated.range.end,
      message: '`@deprecated` needs `@since` or `@unstable` on the same item',
    });
  }
  return { kind: 'unknown' };
}

/** Whether an item with this stability exists under the options (containers aside). */
export function isEnabled(stability: Stability, options: FeatureOptions): boolean {
  return stability.kind !== 'unstable' || options.allFeatures || options.features.has(stability.feature);
}

/**
 * `@since` needs a versioned package and a version no newer than the package's: the checks
 * wit-parser makes for every gated item.
 */
export function checkSince(stability: Stability, pkg: Package, range: Range | undefined, out: Diagnostic[]): void {
  if (stability.kind !== 'stable' || !range) return;
  const version = pkg.name.version;
  const pkgText = `${pkg.name.namespace}:${pkg.name.name}${version ? '@' + version : ''}`;
  if (!version) {
    out.push({
      code: 'gate-needs-version',
      start: range.start,
      end: range.end,
      message: `package [${pkgText}] contains a feature gate with a version specifier, so it must have a version (write \`package ${pkgText}@${stability.since};\`)`,
    });
    return;
  }
  if (compareVersions(stability.since, version) > 0) {
    out.push({
      code: 'gate-needs-version',
      start: range.start,
      end: range.end,
      message: `feature gate cannot reference unreleased version ${stability.since} of package [${pkgText}] (current version ${version})`,
    });
  }
}

const versionOrder = new Map<string, number>();

/**
 * The total order of versions that wit-parser uses (the semver crate's): semver.org's precedence
 * (§11), then build metadata as the last tie-breaker, so `1.0.0+b` comes after `1.0.0`. Memoized:
 * the same few versions recur.
 */
export function compareVersions(a: string, b: string): number {
  if (a === b) return 0;
  const key = a + '\u0000' + b;
  let r = versionOrder.get(key);
  if (r === undefined) {
    if (versionOrder.size > 10_000) versionOrder.clear();
    r = compareVersionsNow(a, b);
    versionOrder.set(key, r);
  }
  return r;
}

/** Compares digit strings without leading zeros exactly, whatever their length (parts are u64). */
function compareNumbers(p: string, q: string): number {
  if (p.length !== q.length) return p.length < q.length ? -1 : 1;
  return p === q ? 0 : p < q ? -1 : 1;
}

const DIGITS = /^\d*$/;

function compareVersionsNow(a: string, b: string): number {
  const split = (v: string) => {
    const plus = v.indexOf('+');
    const noBuild = plus >= 0 ? v.slice(0, plus) : v;
    const dash = noBuild.indexOf('-');
    const core = (dash >= 0 ? noBuild.slice(0, dash) : noBuild).split('.');
    const pre = dash >= 0 ? noBuild.slice(dash + 1).split('.') : [];
    // No build metadata reads as one empty identifier, as in the semver crate.
    const build = plus >= 0 ? v.slice(plus + 1).split('.') : [''];
    return { core, pre, build };
  };
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < 3; i++) {
    const d = compareNumbers(x.core[i] ?? '0', y.core[i] ?? '0');
    if (d !== 0) return d;
  }
  const pre = comparePrerelease(x.pre, y.pre);
  return pre !== 0 ? pre : compareBuild(x.build, y.build);
}

/** A release comes after its pre-releases; pre-release identifiers compare as semver.org says. */
function comparePrerelease(x: string[], y: string[]): number {
  if (x.length === 0 || y.length === 0) return y.length - x.length === 0 ? 0 : x.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i];
    const q = y[i];
    if (p === q) continue;
    const pn = DIGITS.test(p);
    const qn = DIGITS.test(q);
    if (pn && qn) return compareNumbers(p, q);
    if (pn) return -1;
    if (qn) return 1;
    return p < q ? -1 : 1;
  }
  return Math.sign(x.length - y.length);
}

/**
 * Build metadata, identifier by identifier: numbers by value and then by their leading zeros
 * (`1 < 01`), numbers before words, words in ASCII order, and a longer list after its prefix.
 * An empty identifier counts as a number, so no build metadata comes first.
 */
function compareBuild(x: string[], y: string[]): number {
  for (let i = 0; i < x.length; i++) {
    if (i >= y.length) return 1;
    const p = x[i];
    const q = y[i];
    const pn = DIGITS.test(p);
    const qn = DIGITS.test(q);
    if (pn && qn) {
      const d = compareNumbers(p.replace(/^0+/, ''), q.replace(/^0+/, ''));
      if (d !== 0) return d;
      if (p.length !== q.length) return p.length < q.length ? -1 : 1;
    } else if (pn !== qn) return pn ? -1 : 1;
    else if (p !== q) return p < q ? -1 : 1;
  }
  return x.length === y.length ? 0 : -1;
}

/** How an item's gate reads in messages and hovers. */
export function describeStability(s: Stability): string | undefined {
  const dep = s.deprecated ? `, deprecated since ${s.deprecated}` : '';
  if (s.kind === 'stable') return `since ${s.since}${dep}`;
  if (s.kind === 'unstable') return `unstable, feature \`${s.feature}\`${dep}`;
  return undefined;
}
