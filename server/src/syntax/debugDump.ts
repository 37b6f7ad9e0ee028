// Renders a syntax tree as indented text (kind@start..end and token texts), for golden files
// and for comparing trees in tests.

import { GreenElement, isGreenNode } from './green';
import { SyntaxKind, kindName } from './syntaxKind';

export function debugDump(root: GreenElement): string {
  const lines: string[] = [];
  const walk = (e: GreenElement, depth: number, offset: number): number => {
    const pad = '  '.repeat(depth);
    if (isGreenNode(e)) {
      lines.push(`${pad}${kindName(e.kind)}@${offset}..${offset + e.width}`);
      let o = offset;
      for (const c of e.children) o = walk(c, depth + 1, o);
      return offset + e.width;
    }
    lines.push(`${pad}${kindName(e.kind as SyntaxKind)}@${offset}..${offset + e.text.length} ${JSON.stringify(e.text)}`);
    return offset + e.text.length;
  };
  walk(root, 0, 0);
  return lines.join('\n') + '\n';
}
