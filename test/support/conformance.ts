// Reads the reference parser's test suite in ../shared/conformance/wit-parser: the cases, their
// inputs, and for rejected cases the reference error (message, file, line, column).

import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SHARED, filesUnder } from './shared';

const WIT_PARSER_SUITE = join(SHARED, 'conformance', 'wit-parser');

export interface ConformanceCase {
  name: string;
  kind: 'pass' | 'fail';
  inputType: 'wit' | 'dir' | 'wat';
  /** Absolute path of the input file or folder. */
  input: string;
  /** Absolute path of `.wit.json` (pass) or `.wit.result` (fail). */
  expected: string;
}

export interface ReferenceError {
  /** The innermost message: what wit-parser says is wrong. */
  message: string;
  /** Path relative to the case's input (folder cases) or the file name, when given. */
  file?: string;
  line?: number;
  column?: number;
}

export function loadCases(): ConformanceCase[] {
  const index = JSON.parse(readFileSync(join(WIT_PARSER_SUITE, 'index.json'), 'utf8'));
  return index.cases
    .map((c: { name: string; kind: 'pass' | 'fail'; input: string; input_type: 'wit' | 'dir' | 'wat'; expected: string }) => ({
      name: c.name,
      kind: c.kind,
      inputType: c.input_type,
      input: join(WIT_PARSER_SUITE, c.input),
      expected: join(WIT_PARSER_SUITE, c.expected),
    }))
    .filter((c: ConformanceCase) => existsSync(c.input));
}

/** The .wit files of a case: the file itself, or every .wit file under the folder. */
export function caseFiles(c: ConformanceCase): string[] {
  return c.inputType === 'dir' ? filesUnder(c.input) : [c.input];
}

export function referenceError(c: ConformanceCase): ReferenceError {
  const text = readFileSync(c.expected, 'utf8');
  const first = text.split('\n')[0];
  // Folder cases wrap the message: "failed to resolve directory ...: failed to parse package: <dir>: <message>"
  let message = first;
  const wrapped = first.match(/failed to parse package: [^:]+: (.*)$/);
  if (wrapped) message = wrapped[1];
  else {
    const dirWrapped = first.match(/^failed to resolve directory while parsing WIT for path \[[^\]]*\]: (.*)$/);
    if (dirWrapped) message = dirWrapped[1];
  }
  const loc = text.match(/--> (\S+?):(\d+):(\d+)/) ?? first.match(/^(\S+?\.wit):(\d+):(\d+): /);
  if (!loc) return { message };
  const suiteRel = loc[1].replace(/^tests\/ui\//, '');
  const inputRel = relative(join(WIT_PARSER_SUITE, 'tests', 'ui'), c.input);
  const file = c.inputType === 'dir' ? relative(inputRel, suiteRel) : suiteRel.split('/').pop();
  if (loc[0].startsWith(loc[1]) && !wrapped) message = first.slice(loc[0].length);
  return { message, file, line: Number(loc[2]), column: Number(loc[3]) };
}

const SYNTAX_MESSAGES = [
  /^expected /, /^unknown attribute/, /^invalid character in identifier/,
  /^identifiers must have characters/, /^type nesting too deep/, /^package nesting too deep/,
  /^unterminated/, /^invalid string/, /^Control code/, /^Input contains bidirectional/,
  /^Codepoint /, /^unexpected character/, /^number is too big/, /^invalid list size/,
  /^invalid unicode/, /^cannot place attributes on nested packages/,
];

/** Whether wit-parser's error is one its parser (not its resolver) reports. */
export function isSyntaxError(e: ReferenceError): boolean {
  return SYNTAX_MESSAGES.some((r) => r.test(e.message));
}
