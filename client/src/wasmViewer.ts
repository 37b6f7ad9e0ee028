// Looking inside .wasm files: a read-only custom editor (`wit.componentViewer`) that shows a
// component's WIT (or a core module's imports and exports) highlighted, and virtual documents
// (`wit-component:` URIs ending in .wit) that open the same text in a normal editor with the WIT
// grammar — what "Show Component WIT" opens. The decoding is our own (wasm/inspect.ts); on the
// desktop a component it cannot decode falls back to jco's `componentWit`, loaded only then.

import * as vscode from 'vscode';
import { inspectWasm, type Inspection } from './wasm/inspect';

export const VIEWER_TYPE = 'wit.componentViewer';
export const WIT_SCHEME = 'wit-component';

/** A second opinion for components the decoder cannot read (desktop: jco). */
export type FallbackExtractor = (bytes: Uint8Array) => Promise<string>;

export async function inspectFile(uri: vscode.Uri, fallback?: FallbackExtractor): Promise<Inspection & { via?: string }> {
  const bytes = await vscode.workspace.fs.readFile(uri);
  const result = inspectWasm(bytes);
  if (result.kind === 'error' && result.binary === 'component' && fallback) {
    try {
      return { kind: 'component', wit: await fallback(bytes), decoded: { imports: [], exports: [] }, via: `jco (the built-in decoder said: ${result.message})` };
    } catch (e) {
      return { kind: 'error', message: `${result.message}; jco could not read it either: ${e instanceof Error ? e.message : String(e)}`, binary: 'component' };
    }
  }
  return result;
}

/** The virtual document URI for a .wasm file's WIT (or core listing). */
export function witDocumentUri(wasm: vscode.Uri, core = false): vscode.Uri {
  return vscode.Uri.from({ scheme: WIT_SCHEME, path: `${wasm.path}${core ? '.wat' : '.wit'}`, query: wasm.toString() });
}

export class WitDocumentProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly fallback?: FallbackExtractor) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const wasm = vscode.Uri.parse(uri.query);
    const result = await inspectFile(wasm, this.fallback);
    switch (result.kind) {
      case 'component':
        return `// WIT of ${wasm.path.split('/').pop()}${result.via ? `, read by ${result.via}` : ''} (read-only)\n${result.wit}`;
      case 'module':
        return result.text;
      case 'error':
        return `// ${wasm.path.split('/').pop()} could not be read: ${result.message}\n`;
    }
  }
}

/** Opens the WIT of a .wasm file as a read-only WIT document beside the current editor. */
export async function openWitDocument(wasm: vscode.Uri, fallback?: FallbackExtractor): Promise<vscode.TextEditor> {
  const result = await inspectFile(wasm, fallback);
  const doc = await vscode.workspace.openTextDocument(witDocumentUri(wasm, result.kind === 'module'));
  if (result.kind === 'component' && doc.languageId !== 'wit') await vscode.languages.setTextDocumentLanguage(doc, 'wit');
  return vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Active });
}

const KEYWORDS = /^(package|world|interface|import|export|use|type|record|variant|enum|flags|resource|func|static|constructor|include|with|as|async|borrow|own)$/;
const TYPES = /^(bool|s8|u8|s16|u16|s32|u32|s64|u64|f32|f64|char|string|list|option|result|tuple|future|stream|map|error-context)$/;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** A light WIT highlighter for the webview: comments, keywords, built-in types, names. */
export function highlightWit(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const comment = line.indexOf('//');
      const code = comment >= 0 ? line.slice(0, comment) : line;
      const rest = comment >= 0 ? `<span class="c">${escapeHtml(line.slice(comment))}</span>` : '';
      const tokens = code.replace(/%?[a-z][a-z0-9-]*(?::[a-z0-9-]+)?|[^a-z%]+/gi, (tok) => {
        if (KEYWORDS.test(tok)) return `<span class="k">${tok}</span>`;
        if (TYPES.test(tok)) return `<span class="t">${tok}</span>`;
        return escapeHtml(tok);
      });
      return tokens + rest;
    })
    .join('\n');
}

function viewerHtml(webview: vscode.Webview, uri: vscode.Uri, result: Inspection & { via?: string }, size: number): string {
  const name = uri.path.split('/').pop() ?? uri.path;
  const nonce = Math.random().toString(36).slice(2);
  let summary: string;
  let body: string;
  switch (result.kind) {
    case 'component': {
      const imports = result.decoded.imports.length;
      const exports = result.decoded.exports.length;
      summary = `WebAssembly component · ${(size / 1024 / 1024).toFixed(1)} MB${result.via ? ` · read by ${escapeHtml(result.via)}` : ` · ${imports} import(s), ${exports} export(s)`}`;
      body = `<pre class="wit">${highlightWit(result.wit)}</pre>`;
      break;
    }
    case 'module':
      summary = `Core WebAssembly module · ${(size / 1024).toFixed(1)} KB · not a component`;
      body = `<pre>${escapeHtml(result.text)}</pre>`;
      break;
    case 'error':
      summary = 'Could not read this file';
      body = `<p class="error">${escapeHtml(result.message)}</p>`;
      break;
  }
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource} 'unsafe-inline'; script-src 'nonce-${nonce}';">
<style>
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 16px; }
  header { display: flex; align-items: baseline; gap: 12px; border-bottom: 1px solid var(--vscode-panel-border); padding: 8px 0; }
  h1 { font-size: 1.2em; margin: 0; }
  .summary { color: var(--vscode-descriptionForeground); }
  button { margin-left: auto; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 10px; cursor: pointer; }
  pre { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); line-height: 1.4; }
  .k { color: var(--vscode-symbolIcon-keywordForeground, #c586c0); }
  .t { color: var(--vscode-symbolIcon-typeParameterForeground, #4ec9b0); }
  .c { color: var(--vscode-descriptionForeground); font-style: italic; }
  .error { color: var(--vscode-errorForeground); }
</style></head>
<body>
<header><h1>${escapeHtml(name)}</h1><span class="summary">${summary}</span>${result.kind === 'error' ? '' : '<button id="open">Open as Text</button>'}</header>
${body}
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  document.getElementById('open')?.addEventListener('click', () => vscode.postMessage({ type: 'open' }));
</script>
</body></html>`;
}

export class ComponentViewerProvider implements vscode.CustomReadonlyEditorProvider {
  constructor(private readonly fallback?: FallbackExtractor) {}

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    panel.webview.options = { enableScripts: true };
    const render = async () => {
      const stat = await vscode.workspace.fs.stat(document.uri);
      const result = await inspectFile(document.uri, this.fallback);
      panel.webview.html = viewerHtml(panel.webview, document.uri, result, stat.size);
    };
    panel.webview.onDidReceiveMessage((m: { type?: string }) => {
      if (m.type === 'open') void openWitDocument(document.uri, this.fallback);
    });
    // A rebuilt component shows its new WIT.
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(document.uri, '..'), document.uri.path.split('/').pop()!));
    watcher.onDidChange(() => void render());
    panel.onDidDispose(() => watcher.dispose());
    await render();
  }
}

export function registerWasmViewer(context: vscode.ExtensionContext, fallback?: FallbackExtractor): void {
  context.subscriptions.push(
    vscode.window.registerCustomEditorProvider(VIEWER_TYPE, new ComponentViewerProvider(fallback), { supportsMultipleEditorsPerDocument: true }),
    vscode.workspace.registerTextDocumentContentProvider(WIT_SCHEME, new WitDocumentProvider(fallback)),
  );
}
