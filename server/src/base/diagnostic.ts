// The plain diagnostic record shared by every layer: a code from the table, offsets and a message.

import { DiagnosticCode } from './diagnosticCodes';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Extra marks an editor can show: faded (unnecessary) or struck through (deprecated). */
export type DiagnosticTag = 'unnecessary' | 'deprecated';

export interface RelatedInfo {
  /** File path, or undefined for the same file as the diagnostic. */
  file?: string;
  start: number;
  end: number;
  message: string;
}

export interface Diagnostic {
  code: DiagnosticCode;
  /** Defaults to the code's severity in the table. */
  severity?: Severity;
  /** UTF-16 offsets into the file's text. */
  start: number;
  end: number;
  message: string;
  tags?: DiagnosticTag[];
  related?: RelatedInfo[];
  /** Machine-readable payload for quick fixes (a suggested name, say). */
  data?: Record<string, unknown>;
}
