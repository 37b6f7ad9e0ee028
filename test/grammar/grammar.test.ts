// Tests for the TextMate grammar syntaxes/wit.tmLanguage.json: the assertion cases in
// test/grammar/cases (checked by vscode-tmgrammar-test) and a sweep over real-world WIT from ../shared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

// The test process runs from the project root (see scripts/test.mjs).
const projectRoot = process.cwd();
const grammarPath = join(projectRoot, 'syntaxes', 'wit.tmLanguage.json');
const casesDir = join(projectRoot, 'test', 'grammar', 'cases');
const sharedDir = resolve(projectRoot, '..', 'shared');
const wasiDir = join(sharedDir, 'conformance', 'wasi');
const witParserUiDir = join(sharedDir, 'conformance', 'wit-parser', 'tests', 'ui');
const parseFailDir = join(witParserUiDir, 'parse-fail');

/** wit-parser's keyword list (WIT.md's list plus `error-context`, which wit-parser lexes as one). */
const witKeywords = new Set(
  ('as async bool borrow char constructor enum error-context export f32 f64 flags from func future ' +
    'import include interface list map option own package record resource result s8 s16 s32 s64 ' +
    'static stream string tuple type u8 u16 u32 u64 use variant with world').split(' '),
);
/** Scopes a keyword may get: keywords proper, declarations/modifiers, and the built-in types. */
const keywordScope = /^(keyword|storage|support\.type)\./;
/** Scopes an identifier must never get. */
const notIdentifierScope = /^(keyword|storage|support)\./;

// A runaway regular expression shows up as a line that takes this long; real lines take microseconds.
const lineTimeLimitMs = 1000;

function walk(dir: string, keep: (path: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, keep, out);
    else if (keep(path)) out.push(path);
  }
  return out;
}

async function loadWitGrammar(): Promise<vsctm.IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === 'source.wit' ? vsctm.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath) : null,
  });
  const grammar = await registry.loadGrammar('source.wit');
  assert.ok(grammar, 'the grammar for source.wit did not load');
  return grammar;
}

/** Splits a file as wit-parser reads it: a BOM is skipped and CRLF folds to LF. */
function sourceLines(path: string): string[] {
  return readFileSync(path, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
}

interface Tokenized {
  tokens: vsctm.IToken[][];
  finalDepth: number;
  problems: string[];
}

function tokenizeLines(grammar: vsctm.IGrammar, lines: string[], file: string): Tokenized {
  const tokens: vsctm.IToken[][] = [];
  const problems: string[] = [];
  let stack = vsctm.INITIAL;
  lines.forEach((line, index) => {
    try {
      const result = grammar.tokenizeLine(line, stack, lineTimeLimitMs);
      if (result.stoppedEarly) problems.push(`${file}:${index + 1}: tokenizing stopped early (time limit)`);
      tokens.push(result.tokens);
      stack = result.ruleStack;
    } catch (error) {
      problems.push(`${file}:${index + 1}: tokenizer threw ${String(error)}`);
      tokens.push([]);
    }
  });
  return { tokens, finalDepth: stack.depth, problems };
}

/** A word of WIT source found by the independent scan below. */
interface Word {
  line: number;
  start: number;
  end: number;
  name: string;
  escaped: boolean;
}

const wordPattern = /%?[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*/y;
const numberOrVersionPattern = /[0-9][0-9A-Za-z.+-]*/y;

/**
 * Finds the identifier and keyword words of a file outside comments, strings, versions and
 * attribute names, with a small lexer of its own so that the grammar is checked against
 * something independent of it. In valid WIT every bare word that spells a keyword is one.
 */
function scanWords(lines: string[]): Word[] {
  const words: Word[] = [];
  let commentDepth = 0;
  lines.forEach((text, line) => {
    let i = 0;
    while (i < text.length) {
      if (commentDepth > 0) {
        if (text.startsWith('/*', i)) (commentDepth++, (i += 2));
        else if (text.startsWith('*/', i)) (commentDepth--, (i += 2));
        else i++;
        continue;
      }
      if (text.startsWith('//', i)) break;
      if (text.startsWith('/*', i)) {
        commentDepth = 1;
        i += 2;
        continue;
      }
      const c = text[i];
      if (c === '"') {
        i++;
        while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
        i++;
        continue;
      }
      if (c >= '0' && c <= '9') {
        numberOrVersionPattern.lastIndex = i;
        numberOrVersionPattern.exec(text);
        i = numberOrVersionPattern.lastIndex;
        continue;
      }
      wordPattern.lastIndex = i;
      const match = wordPattern.exec(text);
      if (!match) {
        i++;
        continue;
      }
      const afterAt = text[i - 1] === '@';
      if (!afterAt) {
        const escaped = match[0].startsWith('%');
        words.push({ line, start: i, end: i + match[0].length, name: escaped ? match[0].slice(1) : match[0], escaped });
      }
      i += match[0].length;
    }
  });
  return words;
}

/** Checks keyword and identifier words against the tokens; returns one message per mismatch. */
function checkWords(file: string, lines: string[], tokens: vsctm.IToken[][], words: Word[]): string[] {
  const problems: string[] = [];
  for (const word of words) {
    const where = `${file}:${word.line + 1}:${word.start + 1}`;
    const text = lines[word.line].slice(word.start, word.end);
    const covering = tokens[word.line].filter((t) => t.startIndex < word.end && t.endIndex > word.start);
    if (witKeywords.has(word.name) && !word.escaped) {
      const token = covering.length === 1 ? covering[0] : undefined;
      const innermost = token?.scopes[token.scopes.length - 1] ?? '';
      if (!token || token.startIndex !== word.start || token.endIndex !== word.end || !keywordScope.test(innermost)) {
        problems.push(`${where}: keyword \`${text}\` got ${describe(lines[word.line], covering)}`);
      }
    } else {
      const token = covering.length === 1 ? covering[0] : undefined;
      if (!token || token.scopes.some((s) => notIdentifierScope.test(s))) {
        problems.push(`${where}: identifier \`${text}\` got ${describe(lines[word.line], covering)}`);
      }
    }
  }
  return problems;
}

function describe(line: string, tokens: vsctm.IToken[]): string {
  return tokens.map((t) => `${JSON.stringify(line.slice(t.startIndex, t.endIndex))} [${t.scopes.slice(1).join(' ')}]`).join(', ');
}

function invalidScopes(file: string, lines: string[], tokens: vsctm.IToken[][]): string[] {
  const problems: string[] = [];
  tokens.forEach((lineTokens, line) => {
    for (const t of lineTokens) {
      if (t.scopes.some((s) => s.startsWith('invalid.'))) {
        problems.push(`${file}:${line + 1}:${t.startIndex + 1}: ${describe(lines[line], [t])}`);
      }
    }
  });
  return problems;
}

function firstFew(problems: string[], limit = 25): string {
  const shown = problems.slice(0, limit).join('\n');
  return problems.length > limit ? `${shown}\n... and ${problems.length - limit} more` : shown;
}

test('grammar: assertion cases pass vscode-tmgrammar-test', () => {
  const cases = walk(casesDir, (p) => p.endsWith('.wit'));
  assert.ok(cases.length > 0, `no .wit cases under ${casesDir}`);
  const cli = require.resolve('vscode-tmgrammar-test/dist/unit.js');
  // The tool also registers the grammars package.json contributes; `-g` makes sure the file under
  // test is the one used for source.wit even if that contribution moves.
  const run = spawnSync(process.execPath, [cli, '-g', grammarPath, ...cases], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  assert.equal(run.status, 0, `vscode-tmgrammar-test failed:\n${output}`);
  for (const file of cases) {
    assert.ok(output.includes(file), `vscode-tmgrammar-test did not report ${relative(projectRoot, file)}:\n${output}`);
  }
  console.log(`# grammar: ${cases.length} assertion case files passed`);
});

test('grammar: real-world WIT tokenizes cleanly', async (t) => {
  if (!existsSync(wasiDir) || !existsSync(witParserUiDir)) {
    t.skip(`reference material not found at ${sharedDir} (expected ../shared from the project root)`);
    return;
  }
  const grammar = await loadWitGrammar();
  const isWit = (p: string) => p.endsWith('.wit');
  const accepted = [...walk(wasiDir, isWit), ...walk(witParserUiDir, (p) => isWit(p) && !p.startsWith(parseFailDir + '/'))];
  const rejected = existsSync(parseFailDir) ? walk(parseFailDir, isWit) : [];

  let lineCount = 0;
  let keywordCount = 0;
  let identifierCount = 0;
  const problems: string[] = [];
  for (const path of accepted) {
    const file = relative(sharedDir, path);
    const lines = sourceLines(path);
    lineCount += lines.length;
    const result = tokenizeLines(grammar, lines, file);
    problems.push(...result.problems);
    if (result.finalDepth !== 1) problems.push(`${file}: the file ends inside an open rule (stack depth ${result.finalDepth})`);
    const words = scanWords(lines);
    for (const w of words) {
      if (witKeywords.has(w.name) && !w.escaped) keywordCount++;
      else identifierCount++;
    }
    problems.push(...checkWords(file, lines, result.tokens, words));
    problems.push(...invalidScopes(file, lines, result.tokens));
  }

  // Rejected files are malformed on purpose (unterminated comments, missing braces), so only
  // the tokenizer itself must cope; ending inside an open rule is expected for some of them.
  let rejectedLeftOpen = 0;
  for (const path of rejected) {
    const lines = sourceLines(path);
    lineCount += lines.length;
    const result = tokenizeLines(grammar, lines, relative(sharedDir, path));
    problems.push(...result.problems);
    if (result.finalDepth !== 1) rejectedLeftOpen++;
  }

  console.log(
    `# grammar: ${accepted.length + rejected.length} files, ${lineCount} lines tokenized ` +
      `(${accepted.length} valid files: ${keywordCount} keywords and ${identifierCount} identifiers checked; ` +
      `${rejected.length} parse-fail files, ${rejectedLeftOpen} of them end inside an open rule)`,
  );
  assert.equal(problems.length, 0, `${problems.length} grammar problems:\n${firstFew(problems)}`);
});
