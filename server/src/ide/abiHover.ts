// The Canonical ABI section of a hover: size, alignment, offsets and flattening of a type, the
// core signatures of a function, and for a field or case where it sits in its parent.

import { defLayout } from '../semantics/abi';
import { defAbiMarkdown, funcAbiMarkdown, typeAbiMarkdown } from '../semantics/abiText';
import { Symbol, underlyingDef } from '../semantics/model';
import type { MemberAt } from './memberAt';

export const ABI_DOCS_URL = 'https://github.com/wit-language-tools/wit-language-tools/blob/main/docs/canonical-abi.md';

const link = `[How the Canonical ABI lays this out](${ABI_DOCS_URL})`;

export function abiHoverSection(target: Symbol | MemberAt): string | undefined {
  if ('owner' in target && (target.kind === 'field' || target.kind === 'case' || target.kind === 'flag' || target.kind === 'param')) {
    return memberSection(target as MemberAt);
  }
  const s = target as Symbol;
  if (s.kind === 'typedef') return `${defAbiMarkdown(underlyingDef(s))}  \n${link}`;
  if (s.kind === 'func') return `${funcAbiMarkdown(s)}  \n${link}`;
  return undefined;
}

function memberSection(m: MemberAt): string | undefined {
  if (m.kind === 'param') return `${typeAbiMarkdown(m.owner.params[m.index].ty)}  \n${link}`;
  const owner = m.owner;
  const layout = defLayout(owner, 4);
  const b = owner.body;
  if (b.kind === 'record') {
    const f = layout.valid ? layout.fields?.[m.index] : undefined;
    const where = f ? `at offset ${f.offset} of \`${owner.name}\` (${layout.valid ? layout.size : '?'} bytes)  \n` : '';
    return `${where}${typeAbiMarkdown(b.fields[m.index].ty)}  \n${link}`;
  }
  if (b.kind === 'variant' || b.kind === 'enum') {
    const disc = layout.valid && layout.discriminant ? ` (discriminant \`${layout.discriminant}\`)` : '';
    const payload = b.kind === 'variant' && b.cases[m.index].ty ? `  \npayload at offset ${layout.valid ? layout.payloadOffset : '?'}: ${typeAbiMarkdown(b.cases[m.index].ty!)}` : '';
    return `case ${m.index}${disc}${payload}  \n${link}`;
  }
  if (b.kind === 'flags') {
    const repr = layout.valid && layout.flagsRepr ? `, stored in a \`${layout.flagsRepr}\`` : '';
    return `bit ${m.index}${repr}  \n${link}`;
  }
  return undefined;
}
