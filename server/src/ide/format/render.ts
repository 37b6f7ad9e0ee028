// Turns a layout plan into the text of every gap between two non-whitespace tokens (placing the
// comments that sit in them) and returns the gaps whose text changes, so that edits touch only
// whitespace (and the commas the plan adds or drops).

import { SyntaxKind as K } from '../../syntax';
import { ENFORCE, FORBID, NEWLINE, PRESERVE, Plan, SPACE } from './layout';

export interface RenderOptions {
  /** One level of indentation: spaces or a tab. */
  readonly indent: string;
  /** The line break to write: the file's own (`\r\n` if its first line ends so). */
  readonly eol: string;
  /** End the file with exactly one line break; otherwise keep the file's choice. */
  readonly finalNewline: boolean;
}

/** A gap between two tokens, from the end of one to the start of the next, and its new text. */
export interface GapEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** Every gap whose text changes, in document order. */
export function renderGaps(plan: Plan, options: RenderOptions): GapEdit[] {
  const { text, elKind, elStart, elEnd, elSig, space, blankFirst, blankLast, depth, closer, commaAfter, drop } = plan;
  const n = plan.sigKind.length;
  const m = elKind.length;
  const indentCache: string[] = [];
  const indentOf = (level: number) => indentCache[level] ??= options.indent.repeat(level);
  const edits: GapEdit[] = [];

  // For each element, the significant token whose gap it sits in (n: the end of the file).
  const gapOf = new Int32Array(m);
  let next = n;
  for (let e = m - 1; e >= 0; e--) {
    const s = elSig[e];
    if (s >= 0 && !drop[s]) next = s;
    gapOf[e] = next;
  }

  let leftEnd = 0;
  let leftKind: K | -1 = -1; // -1: the start of the file
  let leftSig = -1;
  let pendingFirst = true;
  for (let e = 0; e <= m; e++) {
    if (e < m && elSig[e] >= 0 && drop[elSig[e]]) continue;
    const atEnd = e === m;
    const rightStart = atEnd ? text.length : elStart[e];
    const rightIsComment = !atEnd && elSig[e] < 0;
    const g = atEnd ? n : gapOf[e];
    const original = text.slice(leftEnd, rightStart);
    let out: string;
    if (leftKind === -1) {
      // Nothing before the first token but a byte order mark.
      out = original.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
    } else if (atEnd) {
      out = options.finalNewline || original.includes('\n') ? options.eol : '';
    } else {
      const lines = countLineBreaks(original);
      const leftIsComment = leftSig < 0;
      const structural = g < n ? space[g] : NEWLINE;
      let newline: boolean;
      if (rightIsComment) newline = lines > 0 || leftKind === K.LINE_COMMENT;
      else if (!leftIsComment) newline = structural === NEWLINE;
      else newline = lines > 0 || leftKind === K.LINE_COMMENT || structural === NEWLINE;
      if (!newline) {
        if (rightIsComment || leftIsComment) out = hasWhitespace(original) ? ' ' : '';
        else out = structural === SPACE ? ' ' : '';
      } else {
        const last = !rightIsComment;
        let policy = PRESERVE;
        if (g === n) {
          policy = PRESERVE;
        } else if (structural === NEWLINE) {
          if (pendingFirst && last) policy = combine(blankFirst[g], blankLast[g]);
          else if (pendingFirst) policy = blankFirst[g];
          else if (last) policy = blankLast[g];
        } else if (last) {
          policy = FORBID;
        }
        pendingFirst = false;
        const blanks = policy === ENFORCE ? 1 : policy === FORBID ? 0 : Math.min(1, Math.max(0, lines - 1));
        let level = 0;
        if (g < n) {
          if (structural !== NEWLINE) level = depth[g] + 1; // a comment broke a line: continuation
          else level = rightIsComment ? depth[g] + closer[g] : depth[g];
        }
        out = (blanks ? options.eol + options.eol : options.eol) + indentOf(level);
      }
    }
    if (leftSig >= 0 && commaAfter[leftSig]) out = ',' + out;
    if (out !== original) edits.push({ start: leftEnd, end: rightStart, newText: out });
    if (atEnd) break;
    leftEnd = elEnd[e];
    leftKind = elKind[e];
    leftSig = elSig[e];
    if (leftSig >= 0) pendingFirst = true;
  }
  return edits;
}

function combine(a: number, b: number): number {
  if (a === FORBID || b === FORBID) return FORBID;
  if (a === ENFORCE || b === ENFORCE) return ENFORCE;
  return PRESERVE;
}

function countLineBreaks(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** The gap holds whitespace (it may also hold a dropped comma, which does not count). */
function hasWhitespace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== 0x2c) return true;
  return false;
}
