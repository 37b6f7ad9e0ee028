// Tests for the language contributions: the TextMate grammar syntaxes/wit.tmLanguage.json (assertion
// cases in test/grammar/cases checked by vscode-tmgrammar-test, and a sweep over real-world WIT from
// ../shared), the snippets and language-configuration.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';
import { EXTERN_SNIPPETS, ITEM_SNIPPETS } from '../../server/src/ide/completion/catalog';
import { parse } from '../../server/src/syntax/parse';
import { SHARED, filesUnder } from '../support/shared';

// The test process runs from the project root (see scripts/test.mjs).
const projectRoot = process.cwd();
const grammarPath = join(projectRoot, 'syntaxes', 'wit.tmLanguage.json');
const snippetsPath = join(projectRoot, 'snippets', 'wit.json');
const languageConfigurationPath = join(projectRoot, 'language-configuration.json');
const casesDir = join(projectRoot, 'test', 'grammar', 'cases');
const wasiDir = join(SHARED, 'conformance', 'wasi');
const witParserUiDir = join(SHARED, 'conformance', 'wit-parser', 'tests', 'ui');
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

let grammarLoaded: Promise<vsctm.IGrammar> | undefined;
/** The grammar, loaded once: vscode-oniguruma's WASM can only be initialised once per process. */
function witGrammar(): Promise<vsctm.IGrammar> {
  grammarLoaded ??= loadWitGrammar();
  return grammarLoaded;
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
        if (text.startsWith('/*', i)) {
          commentDepth++;
          i += 2;
        } else if (text.startsWith('*/', i)) {
          commentDepth--;
          i += 2;
        } else {
          i++;
        }
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
        problems.push(`${where}: keyword \`${text}\` got ${showTokens(lines[word.line], covering)}`);
      }
    } else {
      const token = covering.length === 1 ? covering[0] : undefined;
      if (!token || token.scopes.some((s) => notIdentifierScope.test(s))) {
        problems.push(`${where}: identifier \`${text}\` got ${showTokens(lines[word.line], covering)}`);
      }
    }
  }
  return problems;
}

function showTokens(line: string, tokens: vsctm.IToken[]): string {
  return tokens.map((t) => `${JSON.stringify(line.slice(t.startIndex, t.endIndex))} [${t.scopes.slice(1).join(' ')}]`).join(', ');
}

function invalidScopes(file: string, lines: string[], tokens: vsctm.IToken[][]): string[] {
  const problems: string[] = [];
  tokens.forEach((lineTokens, line) => {
    for (const t of lineTokens) {
      if (t.scopes.some((s) => s.startsWith('invalid.'))) {
        problems.push(`${file}:${line + 1}:${t.startIndex + 1}: ${showTokens(lines[line], [t])}`);
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
  const cases = filesUnder(casesDir);
  assert.ok(cases.length > 0, `no .wit cases under ${casesDir}`);
  const cli = require.resolve('vscode-tmgrammar-test/dist/unit.js');
  // The tool also registers the grammars package.json contributes; `-g` makes sure the file under
  // test is the one used for source.wit even if that contribution moves.
  const run = spawnSync(process.execPath, [cli, '-g', grammarPath, ...cases], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
    // An assertion line the tool cannot parse (say, two `-` exclusion lists) can make its
    // parser backtrack for minutes; fail instead of hanging the suite.
    timeout: 120_000,
  });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  assert.equal(run.error, undefined, `vscode-tmgrammar-test did not finish: ${String(run.error)}\n${output}`);
  assert.equal(run.status, 0, `vscode-tmgrammar-test failed:\n${output}`);
  for (const file of cases) {
    assert.ok(output.includes(file), `vscode-tmgrammar-test did not report ${relative(projectRoot, file)}:\n${output}`);
  }
  console.log(`# grammar: ${cases.length} assertion case files passed`);
});

test('grammar: real-world WIT tokenizes cleanly', async (t) => {
  if (!existsSync(wasiDir) || !existsSync(witParserUiDir)) {
    t.skip(`reference material not found at ${SHARED} (expected ../shared from the project root, or WIT_SHARED)`);
    return;
  }
  const grammar = await witGrammar();
  const accepted = [...filesUnder(wasiDir), ...filesUnder(witParserUiDir).filter((p) => !p.startsWith(parseFailDir + '/'))];
  const rejected = filesUnder(parseFailDir);

  let lineCount = 0;
  let keywordCount = 0;
  let identifierCount = 0;
  const problems: string[] = [];
  for (const path of accepted) {
    const file = relative(SHARED, path);
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

  // Rejected files are malformed on purpose (some are cut off mid-item), so only the tokenizer
  // itself must cope; ending inside an open rule is expected for those.
  let rejectedLeftOpen = 0;
  for (const path of rejected) {
    const lines = sourceLines(path);
    lineCount += lines.length;
    const result = tokenizeLines(grammar, lines, relative(SHARED, path));
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

interface Snippet {
  prefix: string;
  body: string[];
  description: string;
}

/** Replaces snippet tab stops by their default text: `${1:a}` → a, `${2|x,y|}` → x, `$0` → nothing. */
function expandSnippet(body: string): string {
  let text = body;
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text
      .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
      .replace(/\$\{\d+:((?:[^${}]|\\\})*)\}/g, '$1')
      .replace(/\$\{\d+\}|\$\d+/g, '');
  }
  return text.replace(/\\([$}\\])/g, '$1');
}

/** Where each snippet is meant to be typed, so that its expansion can be checked in context. */
const snippetContexts: Record<string, (text: string) => string> = {
  package: (text) => text,
  interface: (text) => text,
  world: (text) => text,
  record: inInterface,
  variant: inInterface,
  enum: inInterface,
  flags: inInterface,
  resource: inInterface,
  type: inInterface,
  func: inInterface,
  'async func': inInterface,
  constructor: inResource,
  'static func': inResource,
  use: inInterface,
  import: inWorld,
  'import func': inWorld,
  export: inWorld,
  'export func': inWorld,
  include: inWorld,
  'include with': inWorld,
  'package file': (text) => text,
  'command world': (text) => text,
  'HTTP world': (text) => text,
  'resource with methods': inInterface,
  'fallible function': inInterface,
};
function inInterface(text: string): string {
  return `interface host {\n${text}\n}`;
}
function inResource(text: string): string {
  return `interface host {\nresource r {\n${text}\n}\n}`;
}
function inWorld(text: string): string {
  return `world host {\n${text}\n}`;
}

test('snippets: every template expands to well-formed WIT that our parser accepts', async () => {
  const snippets = JSON.parse(readFileSync(snippetsPath, 'utf8')) as Record<string, Snippet>;
  assert.deepEqual(Object.keys(snippets).sort(), Object.keys(snippetContexts).sort());
  const grammar = await witGrammar();
  const problems: string[] = [];
  for (const [name, snippet] of Object.entries(snippets)) {
    const body = snippet.body.join('\n');
    if (!snippet.prefix || !snippet.description) problems.push(`${name}: needs a prefix and a description`);
    if (!/\$\{?1\b/.test(body)) problems.push(`${name}: has no first tab stop`);
    const lines = snippetContexts[name](expandSnippet(body)).split('\n');
    const result = tokenizeLines(grammar, lines, `snippet ${name}`);
    problems.push(...result.problems);
    if (result.finalDepth !== 1) problems.push(`snippet ${name}: the expansion leaves a rule open:\n${lines.join('\n')}`);
    problems.push(...checkWords(`snippet ${name}`, lines, result.tokens, scanWords(lines)));
    problems.push(...invalidScopes(`snippet ${name}`, lines, result.tokens));
    const expanded = lines.join('\n');
    const parsed = parse(/^(?:\/\/\/.*\n)?package /.test(expanded) ? expanded : `package t:t;\n${expanded}`);
    for (const e of parsed.errors) problems.push(`snippet ${name}: ${e.message}:\n${lines.join('\n')}`);
  }
  assert.equal(problems.length, 0, firstFew(problems));
});

test('snippets: every item keyword the server completes has a static snippet too', () => {
  // The VS Code client tells the server it has these (initializationOptions.clientSnippets), and
  // the server then leaves its own item snippets out, so the suggestion list holds each once.
  const snippets = JSON.parse(readFileSync(snippetsPath, 'utf8')) as Record<string, Snippet>;
  const prefixes = new Set(Object.values(snippets).map((s) => s.prefix));
  const serverKeywords = new Set([...Object.values(ITEM_SNIPPETS).flat(), ...EXTERN_SNIPPETS].map((s) => s.keyword));
  const missing = [...serverKeywords].filter((k) => !prefixes.has(k));
  assert.deepEqual(missing, []);
});

interface OnEnterRule {
  beforeText: string;
  afterText?: string;
  action: { indent: string; appendText?: string; removeText?: number };
}

test('language configuration: words, indentation and comment continuation', () => {
  const configuration = JSON.parse(readFileSync(languageConfigurationPath, 'utf8'));
  assert.deepEqual(configuration.comments, { lineComment: '//', blockComment: ['/*', '*/'] });

  // VS Code scans for words with the global flag.
  const words = (text: string) => text.match(new RegExp(configuration.wordPattern, 'g'));
  assert.deepEqual(words('import %variant: my-list@1.2.3-rc.1+build.5;'), ['import', '%variant', 'my-list', '1.2.3-rc.1+build.5']);
  assert.deepEqual(words('parse-XML-document: func(a1: list<u8, 4>)'), ['parse-XML-document', 'func', 'a1', 'list', 'u8', '4']);

  const increase = new RegExp(configuration.indentationRules.increaseIndentPattern);
  const decrease = new RegExp(configuration.indentationRules.decreaseIndentPattern);
  assert.ok(increase.test('interface foo {'));
  assert.ok(increase.test('  f: func('));
  assert.ok(!increase.test('record point { x: u32 }'));
  assert.ok(!increase.test('// an example: interface foo {'));
  assert.ok(decrease.test('  }'));

  /** The action VS Code takes on Enter: the first rule whose texts match. */
  const onEnter = (before: string, after = '') =>
    (configuration.onEnterRules as OnEnterRule[]).find(
      (rule) => new RegExp(rule.beforeText).test(before) && (!rule.afterText || new RegExp(rule.afterText).test(after)),
    )?.action;
  assert.deepEqual(onEnter('  /// Returns the size.'), { indent: 'none', appendText: '/// ' });
  assert.deepEqual(onEnter('  /**', ' */'), { indent: 'indentOutdent', appendText: ' * ' });
  assert.deepEqual(onEnter('  /** Starts here'), { indent: 'none', appendText: ' * ' });
  assert.deepEqual(onEnter('   * continues here'), { indent: 'none', appendText: '* ' });
  assert.deepEqual(onEnter('   */'), { indent: 'none', removeText: 1 });
  assert.equal(onEnter('  // an ordinary comment'), undefined);
  assert.equal(onEnter('  //// an ordinary comment'), undefined);
  assert.equal(onEnter('  /** one line */'), undefined);
  assert.equal(onEnter('  f: func();'), undefined);
});
