// Hover: the item's signature as WIT, its doc comment as Markdown, where it lives (package,
// interface or world, file), its feature gate, and for a name brought in by `use` the original
// definition. The Canonical ABI section is added by the caller-supplied `abi` renderer.

import { relativeTo } from '../base/paths';
import { describeStability } from '../semantics/gates';
import type { Range } from '../semantics/hir';
import type { Symbol, TypeDef } from '../semantics/model';
import { Analysis, definitionTarget, packageOf, symbolAt, symbolName, typeKeyword } from './analysis';
import { MemberAt, memberAt } from './memberAt';
import { renderFunc, renderTy, renderTypeDef } from './render';

export interface HoverResult {
  range: Range;
  /** Markdown. */
  contents: string;
}

export interface HoverOptions {
  /** Renders the Canonical ABI section for a symbol or member, or nothing. */
  abi?: (target: Symbol | MemberAt) => string | undefined;
  /** A folder to show file paths relative to. */
  workspaceRoot?: string;
}

const fence = (wit: string) => '```wit\n' + wit + '\n```';

export function hover(a: Analysis, offset: number, options: HoverOptions = {}): HoverResult | undefined {
  const at = symbolAt(a, offset);
  if (at) {
    const target = definitionTarget(at.symbol);
    const parts: string[] = [fence(signature(target))];
    if (at.symbol !== target && at.symbol.kind === 'typedef') {
      const from = at.symbol.body.kind === 'use' && at.symbol.body.from;
      parts.push(`*brought in with* \`use ${from ? symbolName(from) : '…'}.{${target.kind === 'typedef' ? target.name : ''}${'alias' in at.symbol.hir && at.symbol.hir.alias ? ` as ${at.symbol.hir.alias}` : ''}}\``);
    }
    const docs = docsOf(target);
    if (docs) parts.push(docs);
    const meta = metadata(target, options);
    if (meta) parts.push(meta);
    const abi = options.abi?.(target);
    if (abi) parts.push(abi);
    return { range: at.range, contents: parts.join('\n\n---\n\n') };
  }
  const m = memberAt(a, offset);
  if (m) {
    const parts = [fence(memberSignature(m))];
    const docs = m.kind === 'param' ? undefined : memberDocs(m);
    if (docs) parts.push(docs);
    parts.push(`*${m.kind} of* \`${m.kind === 'param' ? m.owner.qualifiedName : m.owner.name}\``);
    const abi = options.abi?.(m);
    if (abi) parts.push(abi);
    return { range: m.range, contents: parts.join('\n\n---\n\n') };
  }
  return undefined;
}

export function signature(s: Symbol): string {
  switch (s.kind) {
    case 'package': return `package ${s.id}`;
    case 'interface': return s.name ? `interface ${s.name}` : `interface (inline, imported as \`${symbolName(s)}\`)`;
    case 'world': {
      const count = (m: Map<string, unknown>, what: string) => `${m.size} ${what}${m.size === 1 ? '' : 's'}`;
      return `world ${s.name} // ${count(s.imports, 'import')}, ${count(s.exports, 'export')}`;
    }
    case 'func': return renderFunc(s) + ';';
    case 'typedef': return renderTypeDef(s);
  }
}

function docsOf(s: Symbol): string | undefined {
  const docs = s.docs;
  return docs ? cleanDocs(docs) : undefined;
}

/** Doc text as Markdown: block doc comments lose the ` * ` that starts each of their lines. */
export function cleanDocs(docs: string): string {
  const lines = docs.split('\n');
  if (lines.every((l) => l.trim() === '' || /^\s*\*/.test(l))) return lines.map((l) => l.replace(/^\s*\* ?/, '')).join('\n').trim();
  return docs.trim();
}

function metadata(s: Symbol, options: HoverOptions): string | undefined {
  const bits: string[] = [];
  const pkg = packageOf(s);
  if (s.kind === 'typedef' || s.kind === 'func') {
    const owner = s.owner;
    bits.push(`${owner.kind} \`${symbolName(owner) || '(inline)'}\``);
  }
  if (s.kind !== 'package') bits.push(`package \`${pkg.id}\``);
  const loc = s.kind === 'package' ? s.decls[0] : s.loc;
  if (loc) bits.push(`\`${options.workspaceRoot ? relativeTo(options.workspaceRoot, loc.file) : loc.file}\``);
  const lines = [bits.join(' · ')];
  const st = s.kind === 'package' ? undefined : s.stability;
  const gate = st && describeStability(st);
  if (gate) {
    const inactive = st!.kind === 'unstable' && s.kind !== 'package' && !s.active;
    lines.push(`*gate:* ${gate}${inactive ? ' — **not active** (enable it in `wit.features`)' : ''}`);
  }
  if (s.kind === 'typedef' && s.body.kind === 'resource' && s.body.funcs.length) {
    lines.push(`${s.body.funcs.length} function${s.body.funcs.length === 1 ? '' : 's'}`);
  }
  return lines.join('\n\n');
}

function memberSignature(m: MemberAt): string {
  if (m.kind === 'param') return `${m.name}: ${renderTy(m.owner.params[m.index].ty)}`;
  const b = m.owner.body;
  if (b.kind === 'record') return `${m.name}: ${renderTy(b.fields[m.index].ty)}`;
  if (b.kind === 'variant') {
    const c = b.cases[m.index];
    return c.ty ? `${c.name}(${renderTy(c.ty)})` : c.name;
  }
  return `${typeKeyword(m.owner as TypeDef)} ${m.owner.name} { ${m.name} }`;
}

function memberDocs(m: MemberAt): string | undefined {
  if (m.kind === 'param') return undefined;
  const b = m.owner.body;
  const list = b.kind === 'record' ? b.fields : b.kind === 'variant' || b.kind === 'enum' ? b.cases : b.kind === 'flags' ? b.flags : [];
  const d = list[m.index]?.docs;
  return d ? cleanDocs(d) : undefined;
}
