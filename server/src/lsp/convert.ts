// Conversions between the server's plain data (offsets, our Diagnostic) and LSP types.

import * as lsp from 'vscode-languageserver';
import type { Diagnostic, Severity } from '../base/diagnostic';
import { defaultSeverity } from '../base/diagnosticCodes';
import { LineIndex } from './lineIndex';

export function toRange(index: LineIndex, start: number, end: number): lsp.Range {
  return { start: index.positionAt(start), end: index.positionAt(end) };
}

const SEVERITY: Record<Severity, lsp.DiagnosticSeverity> = {
  error: lsp.DiagnosticSeverity.Error,
  warning: lsp.DiagnosticSeverity.Warning,
  info: lsp.DiagnosticSeverity.Information,
  hint: lsp.DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(index: LineIndex, d: Diagnostic, docsUrl?: (code: string) => string): lsp.Diagnostic {
  const out: lsp.Diagnostic = {
    range: toRange(index, d.start, d.end),
    severity: SEVERITY[d.severity ?? defaultSeverity(d.code)],
    code: d.code,
    source: 'wit',
    message: d.message,
  };
  if (docsUrl) out.codeDescription = { href: docsUrl(d.code) };
  if (d.tags?.length) {
    out.tags = d.tags.map((t) => (t === 'unnecessary' ? lsp.DiagnosticTag.Unnecessary : lsp.DiagnosticTag.Deprecated));
  }
  if (d.data) out.data = d.data;
  return out;
}
