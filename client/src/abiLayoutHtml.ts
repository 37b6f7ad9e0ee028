// Draws a Canonical ABI layout (the server's `wit/abiLayout` answer) as the HTML of the layout
// view: a byte map where every byte is a cell colored by what occupies it, the table of spans
// and the flattened core signatures. Pure string building, so it is tested without VS Code.

import type { LayoutView } from './protocol';

type Span = Extract<LayoutView, { kind: 'type' }>['spans'][number];

/** Above this many bytes the map draws one cell per `bytesPerCell` bytes instead of one per byte. */
const MAX_CELLS = 256;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page around `body`: theme colors from VS Code's CSS variables, no script at all. */
export function layoutPage(body: string, cspSource: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'unsafe-inline';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Canonical ABI Layout</title>
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1em 1em; }
code, pre, .map { font-family: var(--vscode-editor-font-family); }
pre { background: var(--vscode-textCodeBlock-background); padding: .5em; white-space: pre-wrap; }
h2 { font-size: 1.2em; margin-bottom: .3em; }
.map { display: grid; grid-template-columns: repeat(8, 2.6em); gap: 2px; margin: .8em 0; }
.cell { height: 2.2em; border-radius: 2px; font-size: .75em; display: flex; flex-direction: column; align-items: center; justify-content: center; overflow: hidden; color: var(--vscode-editor-background); }
.cell .off { opacity: .85; font-size: .85em; }
.field { background: var(--vscode-charts-blue); }
.field.alt { background: var(--vscode-charts-purple); }
.discriminant { background: var(--vscode-charts-orange); }
.payload { background: var(--vscode-charts-green); }
.element { background: var(--vscode-charts-blue); }
.element.alt { background: var(--vscode-charts-purple); }
.value { background: var(--vscode-charts-yellow); }
.padding { background: repeating-linear-gradient(45deg, var(--vscode-editorWidget-border, #888) 0 3px, transparent 3px 6px); color: var(--vscode-foreground); }
table { border-collapse: collapse; margin: .5em 0; }
th, td { text-align: left; padding: .15em .8em .15em 0; border-bottom: 1px solid var(--vscode-editorWidget-border, #8884); }
.swatch { display: inline-block; width: .9em; height: .9em; border-radius: 2px; vertical-align: middle; margin-right: .4em; }
.hint { color: var(--vscode-descriptionForeground); }
</style></head>
<body>${body}</body></html>`;
}

/** The body for a layout, or for `null` (nothing at the cursor) a hint naming the file. */
export function layoutBody(view: LayoutView | null, where: string): string {
  if (!view) {
    return `<p class="hint" id="empty">Put the cursor on a type or function in ${escapeHtml(where)} to see its Canonical ABI layout.</p>`;
  }
  const head = `<h2 id="name">${escapeHtml(view.name)}</h2><pre>${escapeHtml(view.wit)}</pre>`;
  if (view.kind === 'invalid') return `${head}<p id="problem">No layout: ${escapeHtml(view.problem)}</p>`;
  if (view.kind === 'function') {
    const asyncRows = view.async
      ? `<tr><th>async lower</th><td><code>${escapeHtml(view.async.lower)}</code></td></tr>
<tr><th>async lift callback</th><td><code>${escapeHtml(view.async.liftCallback)}</code></td></tr>
<tr><th>task.return</th><td><code>${escapeHtml(view.async.taskReturn)}</code></td></tr>`
      : '';
    return `${head}<table id="signatures">
<tr><th>lifted (export)</th><td><code>${escapeHtml(view.lift)}</code></td></tr>
<tr><th>lowered (import)</th><td><code>${escapeHtml(view.lower)}</code></td></tr>${asyncRows}
</table><ul>${view.details.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>`;
  }
  const m64 = view.memory64
    ? `<p>memory64: size ${view.memory64.size}, align ${view.memory64.align}, flat <code>${escapeHtml(view.memory64.flat)}</code></p>`
    : '';
  const notes = view.notes.length ? `<ul>${view.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : '';
  const summary = [`size <b>${view.size}</b>`, `align <b>${view.align}</b>`, `flat <code>${escapeHtml(view.flat)}</code>`, `spills to memory: ${escapeHtml(view.spills)}`];
  return `${head}<p class="summary" id="summary">${summary.join(' · ')}</p>
${byteMap(view.spans, view.size)}
${spanTable(view.spans)}${notes}${m64}`;
}

/** Class of a span's cells: neighbouring fields (and elements) alternate colors so their borders show. */
function spanClasses(spans: readonly Span[]): string[] {
  let n = 0;
  return spans.map((s) => (s.kind === 'field' || s.kind === 'element' ? `${s.kind}${n++ % 2 ? ' alt' : ''}` : s.kind));
}

function byteMap(spans: readonly Span[], size: number): string {
  if (size === 0) return '<p class="hint">Zero bytes: nothing is stored.</p>';
  const bytesPerCell = Math.max(1, Math.ceil(size / MAX_CELLS));
  const classes = spanClasses(spans);
  const cells: string[] = [];
  for (let at = 0; at < size; at += bytesPerCell) {
    const i = spans.findIndex((s) => s.offset <= at && at < s.offset + s.size);
    const span = i >= 0 ? spans[i] : undefined;
    const cls = span ? classes[i] : 'padding';
    const label = span ? span.label : 'padding';
    const first = span && span.offset === at;
    const range = bytesPerCell === 1 ? `byte ${at}` : `bytes ${at}–${Math.min(size, at + bytesPerCell) - 1}`;
    cells.push(
      `<div class="cell ${cls}" title="${escapeHtml(`${range}: ${label}${span?.type ? ` (${span.type})` : ''}`)}">` +
        `<span class="off">${at}</span>${first && span.kind !== 'padding' ? `<span>${escapeHtml(shortLabel(label))}</span>` : ''}</div>`,
    );
  }
  const scale = bytesPerCell === 1 ? '' : `<p class="hint">One cell per ${bytesPerCell} bytes.</p>`;
  return `${scale}<div class="map" id="bytes" role="img" aria-label="byte map, ${size} bytes">${cells.join('')}</div>`;
}

function shortLabel(label: string): string {
  return label.length > 6 ? `${label.slice(0, 5)}…` : label;
}

function spanTable(spans: readonly Span[]): string {
  const classes = spanClasses(spans);
  const rows = spans.map(
    (s, i) =>
      `<tr><td><span class="swatch ${classes[i]}"></span>${escapeHtml(s.label)}</td><td>${s.offset}</td><td>${s.size}</td><td>${s.type ? `<code>${escapeHtml(s.type)}</code>` : ''}</td></tr>`,
  );
  return `<table id="spans"><tr><th>what</th><th>offset</th><th>size</th><th>type</th></tr>${rows.join('')}</table>`;
}
