// Canonical ABI inlay hints (setting `wit.inlayHints.abiOffsets`): the size and alignment after
// each type definition's name, and each record field's offset after the field name.

import { defInlayText, fieldInlayTexts } from '../semantics/abiText';
import type { Range } from '../semantics/hir';
import { Analysis, declarationsInFile } from './analysis';
import type { InlayHint } from './inlayHints';

export function abiInlayHints(a: Analysis, range: Range): InlayHint[] {
  const out: InlayHint[] = [];
  const inRange = (o: number) => range.start <= o && o <= range.end;
  for (const { symbol } of declarationsInFile(a.resolution, a.file.path)) {
    if (symbol.kind !== 'typedef' || !symbol.active || symbol.body.kind === 'use') continue;
    const at = symbol.loc.nameRange.end;
    if (inRange(at)) {
      const text = defInlayText(symbol);
      if (text) out.push({ offset: at, label: text, kind: 'type', paddingLeft: true, tooltip: 'Canonical ABI size and alignment (32-bit memory)' });
    }
    if (symbol.body.kind === 'record') {
      const texts = fieldInlayTexts(symbol);
      for (const f of symbol.body.fields) {
        const t = texts.find((x) => x.name === f.name);
        if (t && inRange(f.nameRange.end)) out.push({ offset: f.nameRange.end, label: t.text, kind: 'type', paddingLeft: true, tooltip: `offset of \`${f.name}\` in \`${symbol.name}\`` });
      }
    }
  }
  return out;
}
