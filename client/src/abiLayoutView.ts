// "WIT: Show Canonical ABI Layout": a panel beside the editor with the byte map of the type or
// function at the cursor, following the cursor as it moves. The server computes the layout
// (`wit/abiLayout`); abiLayoutHtml.ts draws it.

import * as vscode from 'vscode';
import { layoutBody, layoutPage } from './abiLayoutHtml';
import { ABI_LAYOUT_REQUEST, type AbiLayoutParams, type LayoutView } from './protocol';
import type { Services } from './services';

/** Cursor moves closer together than this are one update (typing or arrowing through a name). */
const FOLLOW_DELAY_MS = 120;

class AbiLayoutPanel {
  private readonly panel: vscode.WebviewPanel;
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Only the answer to the latest request is drawn; earlier ones arrive stale. */
  private generation = 0;
  private lastKey = '';
  private hasLayout = false;

  constructor(
    private readonly services: Services,
    onDispose: () => void,
  ) {
    this.panel = vscode.window.createWebviewPanel(
      'wit.abiLayout',
      'Canonical ABI Layout',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: false, enableFindWidget: true },
    );
    this.subscriptions.push(
      vscode.window.onDidChangeTextEditorSelection((e) => this.follow(e.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((e) => e && this.follow(e)),
      // An edit can change the layout without moving the cursor (a field's type, say).
      vscode.workspace.onDidChangeTextDocument((e) => {
        const editor = vscode.window.activeTextEditor;
        if (editor && e.document === editor.document) this.follow(editor, true);
      }),
    );
    this.panel.onDidDispose(() => {
      clearTimeout(this.timer);
      for (const s of this.subscriptions) s.dispose();
      onDispose();
    });
  }

  reveal(editor: vscode.TextEditor | undefined): void {
    this.panel.reveal(vscode.ViewColumn.Beside, true);
    if (editor) void this.update(editor, true);
    else if (!this.lastKey) this.draw(null, 'a .wit file');
  }

  private follow(editor: vscode.TextEditor, force = false): void {
    if (editor.document.languageId !== 'wit') return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(editor, force), FOLLOW_DELAY_MS);
  }

  private async update(editor: vscode.TextEditor, force: boolean): Promise<void> {
    const document = editor.document;
    if (document.languageId !== 'wit') return;
    const position = editor.selection.active;
    const key = `${document.uri.toString()}@${document.version}:${position.line}:${position.character}`;
    if (!force && key === this.lastKey) return;
    this.lastKey = key;
    const generation = ++this.generation;
    const client = this.services.client();
    if (!client) {
      this.panel.webview.html = layoutPage('<p class="hint">The WIT language server is not running.</p>', this.panel.webview.cspSource);
      return;
    }
    const params: AbiLayoutParams = { textDocument: { uri: document.uri.toString() }, position: { line: position.line, character: position.character } };
    let view: LayoutView | null;
    try {
      view = await client.sendRequest<LayoutView | null>(ABI_LAYOUT_REQUEST, params);
    } catch (e) {
      this.services.output.warn(`ABI layout request failed: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    if (generation !== this.generation) return;
    // Moving onto whitespace or a keyword keeps the last layout: the panel is a reference
    // the user glances at while editing, and blanking it on every stray cursor move would flicker.
    if (view === null && this.hasLayout) return;
    this.draw(view, vscode.workspace.asRelativePath(document.uri));
  }

  private draw(view: LayoutView | null, where: string): void {
    this.hasLayout = view !== null;
    if (view) this.panel.title = `ABI: ${view.name}`;
    this.panel.webview.html = layoutPage(layoutBody(view, where), this.panel.webview.cspSource);
  }
}

let current: AbiLayoutPanel | undefined;

/** Opens the layout view beside the active editor (or brings it back) for the symbol at the cursor. */
export function showAbiLayout(services: Services): void {
  const editor = vscode.window.activeTextEditor;
  current ??= new AbiLayoutPanel(services, () => (current = undefined));
  current.reveal(editor?.document.languageId === 'wit' ? editor : undefined);
}
