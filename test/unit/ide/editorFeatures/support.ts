// Renders the results of the editor features (semantic tokens, outline, folding ranges, selection
// ranges) as readable text for golden files and assertions. Lines and columns are 1-based, as
// editors show them.

import type { Range } from '../../../../server/src/semantics/hir';
import type { OutlineSymbol } from '../../../../server/src/ide/documentSymbols';
import type { FoldingRange } from '../../../../server/src/ide/folding';
import { SemanticToken, describeToken } from '../../../../server/src/ide/semanticTokens';

/** Offset → 1-based line and column. */
class Lines {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  line(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  pos(offset: number): string {
    const line = this.line(offset);
    return `${line}:${offset - this.starts[line - 1] + 1}`;
  }

  range(r: Range): string {
    return `${this.pos(r.start)}-${this.pos(r.end)}`;
  }
}

/** `line:col len type [mods] "text"`, one token per line. */
export function renderTokens(text: string, tokens: SemanticToken[]): string {
  const lines = new Lines(text);
  return tokens
    .map((t) => {
      const d = describeToken(t);
      const mods = d.modifiers.length ? ` [${d.modifiers.join(', ')}]` : '';
      return `${lines.pos(t.start)} ${t.length} ${d.type}${mods} ${JSON.stringify(text.slice(t.start, t.start + t.length))}`;
    })
    .join('\n') + '\n';
}

/** The outline as an indented tree: `kind name — detail  range (selection "text")`. */
export function renderOutline(text: string, symbols: OutlineSymbol[]): string {
  const lines = new Lines(text);
  const out: string[] = [];
  const walk = (s: OutlineSymbol, depth: number) => {
    const detail = s.detail ? ` — ${s.detail}` : '';
    const tags = s.deprecated ? ' (deprecated)' : '';
    const sel = JSON.stringify(text.slice(s.selectionRange.start, s.selectionRange.end));
    out.push(`${'  '.repeat(depth)}${s.kind} ${s.name}${detail}${tags}  ${lines.range(s.range)} ${sel}`);
    for (const c of s.children) walk(c, depth + 1);
  };
  for (const s of symbols) walk(s, 0);
  return out.join('\n') + '\n';
}

/** Folding ranges as `start-end kind: first line of the fold`. */
export function renderFolding(text: string, ranges: FoldingRange[]): string {
  const lines = new Lines(text);
  const src = text.split('\n');
  return ranges
    .map((r) => {
      const a = lines.line(r.start);
      const b = lines.line(r.end);
      return `${a}-${b}${r.kind ? ` ${r.kind}` : ''}: ${src[a - 1].trim()}`;
    })
    .join('\n') + '\n';
}

/** Checks that every range lies inside the text; returns the problems found. */
export function outOfBounds(text: string, ranges: Range[], what: string): string[] {
  const problems: string[] = [];
  for (const r of ranges) {
    if (!(r.start >= 0 && r.start <= r.end && r.end <= text.length)) problems.push(`${what}: range ${r.start}..${r.end} outside 0..${text.length}`);
  }
  return problems;
}

/** Problems with the ranges of an outline: selections outside ranges, children outside parents. */
export function outlineProblems(symbols: OutlineSymbol[], textLength: number, parent?: OutlineSymbol): string[] {
  const out: string[] = [];
  for (const s of symbols) {
    const { range: r, selectionRange: sel } = s;
    if (!(0 <= r.start && r.start <= r.end && r.end <= textLength)) out.push(`${s.name}: range ${r.start}..${r.end} outside the file`);
    if (!(r.start <= sel.start && sel.end <= r.end)) out.push(`${s.name}: selection ${sel.start}..${sel.end} outside ${r.start}..${r.end}`);
    if (parent && !(parent.range.start <= r.start && r.end <= parent.range.end)) out.push(`${s.name}: outside its parent ${parent.name}`);
    if (!s.name.trim()) out.push('a symbol without a name');
    out.push(...outlineProblems(s.children, textLength, s));
  }
  return out;
}

/** Problems with semantic tokens: out of order or overlapping, outside the file, across lines. */
export function tokenProblems(text: string, tokens: SemanticToken[]): string[] {
  const out: string[] = [];
  let end = 0;
  for (const t of tokens) {
    if (t.start < end) out.push(`token at ${t.start} overlaps or precedes the previous one (ending at ${end})`);
    if (!(t.length > 0 && t.start >= 0 && t.start + t.length <= text.length)) out.push(`token ${t.start}+${t.length} outside the file`);
    else if (/[\r\n]/.test(text.slice(t.start, t.start + t.length))) out.push(`token at ${t.start} spans a line break`);
    end = t.start + t.length;
  }
  return out;
}
