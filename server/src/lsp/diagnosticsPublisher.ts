// Publishes the diagnostics of checked units: every file of a unit (open or not), with the
// document's version for open files, only when something changed, and clearing files that
// left a unit. Results computed from text that has since changed are not published: a newer
// check is already on its way. Checks of one unit can finish out of order (the first indexing
// runs beside the checks that edits start), so a result older than the unit's last published
// one is dropped, and a unit only clears files that it was the last to publish.

import * as lsp from 'vscode-languageserver';
import { unitFiles } from '../semantics/resolve';
import type { UnitResult } from '../semantics/workspace';
import { toLspDiagnostic } from './convert';
import { LineIndex } from './lineIndex';
import type { Session } from './session';

const DOCS = 'https://github.com/wit-language-tools/wit-language-tools/blob/main/docs/diagnostics.md';
const docsUrl = (code: string) => `${DOCS}#${code}`;
/** Where a load problem is shown: the start of its file, which may have no text to index. */
const FILE_START = new LineIndex('');

export class DiagnosticsPublisher {
  /** uri → what was last published there (to skip repeats). */
  private readonly published = new Map<string, string>();
  /** unit root → uris it published to. */
  private readonly unitFiles = new Map<string, Set<string>>();
  /** unit root → revision of its last published result. */
  private readonly revisions = new Map<string, number>();
  /** uri → root of the unit that last published there. */
  private readonly owners = new Map<string, string>();
  /** uri → the check's list it was last published from, and the document version then. */
  private readonly sources = new Map<string, { ds: readonly unknown[]; version: number | undefined }>();

  constructor(private readonly session: Session) {}

  publish(result: UnitResult): void {
    const s = this.session;
    // An older result, or the same one again (a check that found nothing changed returns it).
    if (result.revision <= (this.revisions.get(result.root) ?? -1)) return;
    this.revisions.set(result.root, result.revision);
    const uris = new Set<string>();
    const texts = new Map<string, string>();
    for (const f of unitFiles(result.input)) texts.set(f.path, f.text);
    for (const [path, ds] of result.diagnostics) {
      const uri = s.pathToUri(path);
      const text = texts.get(path) ?? '';
      const doc = s.documents.get(uri);
      if (doc && doc.text !== text) {
        uris.add(uri); // stale: a newer check will publish this file
        continue;
      }
      uris.add(uri);
      this.owners.set(uri, result.root);
      // A re-check after an edit keeps the lists of the files it did not touch: nothing to convert.
      const last = this.sources.get(uri);
      if (last && last.ds === ds && last.version === doc?.version) continue;
      this.sources.set(uri, { ds, version: doc?.version });
      const index = s.lineIndex(path, text);
      const diagnostics = ds.map((d) => {
        const out = toLspDiagnostic(index, d, docsUrl);
        if (d.related?.length) {
          out.relatedInformation = d.related.map((r) => {
            const rpath = r.file ?? path;
            const rtext = texts.get(rpath) ?? '';
            return { location: { uri: s.pathToUri(rpath), range: s.toLspRange(rpath, rtext, r.start, r.end) }, message: r.message };
          });
        }
        return out;
      });
      this.send(uri, doc?.version, diagnostics);
    }
    for (const p of result.problems) {
      const uri = s.pathToUri(p.path);
      uris.add(uri);
      this.owners.set(uri, result.root);
      this.sources.delete(uri);
      this.send(uri, undefined, [toLspDiagnostic(FILE_START, { code: 'io-error', start: 0, end: 0, message: p.message }, docsUrl)]);
    }
    for (const old of this.unitFiles.get(result.root) ?? []) {
      // A file that moved to another unit (a buffer saved to a package folder) is that unit's now.
      if (uris.has(old) || (this.owners.get(old) ?? result.root) !== result.root) continue;
      this.owners.delete(old);
      this.sources.delete(old);
      this.send(old, s.documents.get(old)?.version, []);
    }
    this.unitFiles.set(result.root, uris);
  }

  /** Clears a file's diagnostics (its document closed and it is not on disk). */
  clear(uri: string): void {
    this.owners.delete(uri);
    this.sources.delete(uri);
    this.send(uri, undefined, []);
  }

  private send(uri: string, version: number | undefined, diagnostics: lsp.Diagnostic[]): void {
    const key = JSON.stringify([version, diagnostics]);
    if (this.published.get(uri) === key) return;
    this.published.set(uri, key);
    void this.session.connection.sendDiagnostics({ uri, version, diagnostics });
  }
}
