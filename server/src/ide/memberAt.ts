// Finds the record field, variant/enum case, flag or parameter whose name is at an offset: the
// members of definitions, which are not symbols of their own.

import type { Range } from '../semantics/hir';
import type { Func, TypeDef } from '../semantics/model';
import { Analysis, declarationsInFile } from './analysis';

export type MemberAt =
  | { kind: 'field' | 'case' | 'flag'; owner: TypeDef; index: number; name: string; range: Range }
  | { kind: 'param'; owner: Func; index: number; name: string; range: Range };

const inside = (r: Range, o: number) => r.start <= o && o <= r.end;

export function memberAt(a: Analysis, offset: number): MemberAt | undefined {
  for (const { symbol } of declarationsInFile(a.resolution, a.file.path)) {
    if (symbol.kind === 'typedef') {
      if (!inside(symbol.loc.range, offset)) continue;
      const b = symbol.body;
      const list = b.kind === 'record' ? b.fields : b.kind === 'variant' || b.kind === 'enum' ? b.cases : b.kind === 'flags' ? b.flags : [];
      const kind = b.kind === 'record' ? 'field' : b.kind === 'flags' ? 'flag' : 'case';
      const i = list.findIndex((m) => inside(m.nameRange, offset));
      if (i >= 0) return { kind, owner: symbol, index: i, name: list[i].name, range: list[i].nameRange };
    } else if (symbol.kind === 'func') {
      if (!inside(symbol.loc.range, offset)) continue;
      const i = symbol.params.findIndex((p) => inside(p.nameRange, offset));
      if (i >= 0) return { kind: 'param', owner: symbol, index: i, name: symbol.params[i].name, range: symbol.params[i].nameRange };
    }
  }
  return undefined;
}
