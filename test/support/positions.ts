// Text offsets as LSP positions (0-based line, character in UTF-16 code units), for tests that
// point a client at a word of a file. No imports, so every kind of test can use it.

export interface Position {
  line: number;
  character: number;
}

/** The position of `offset` in `text`. */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
}

/** The position of the `n`th (0-based) occurrence of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, n = 0, delta = 0): Position {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (occurrence ${n}) is not in the text`);
  }
  return positionAt(text, at + delta);
}

/** The text without its `$0` marker, and the marker's position. */
export function cursor(text: string): { text: string; position: Position } {
  const offset = text.indexOf('$0');
  if (offset < 0) throw new Error('the text has no $0 cursor');
  return { text: text.replace('$0', ''), position: positionAt(text, offset) };
}
