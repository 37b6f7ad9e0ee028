// WAVE (the WebAssembly Value Encoding `wasmtime run --invoke` reads) for calling an exported
// function: a call template whose arguments are placeholder values of the right shape, built
// from the function's type as decoded from the component, for the user to edit.

import type { Entity, FuncType } from './wasm/componentTypes';

/** A placeholder value of type `t` in WAVE syntax. */
export function waveValue(t: Entity | undefined, depth = 0): string {
  if (!t || depth > 8) return '_';
  switch (t.kind) {
    case 'prim':
      switch (t.name) {
        case 'bool': return 'false';
        case 'f32': case 'f64': return '0.0';
        case 'char': return "'a'";
        case 'string': return '""';
        case 'error-context': return '_';
        default: return '0';
      }
    case 'named': return waveValue(t.target, depth);
    case 'list': return t.length !== undefined ? `[${Array.from({ length: Math.min(t.length, 8) }, () => waveValue(t.elem, depth + 1)).join(', ')}]` : '[]';
    case 'map': return '[]';
    case 'tuple': return `(${t.items.map((i) => waveValue(i, depth + 1)).join(', ')})`;
    case 'option': return 'none';
    case 'result': return t.ok ? `ok(${waveValue(t.ok, depth + 1)})` : 'ok';
    case 'record': return `{${t.fields.map((f) => `${waveName(f.name)}: ${waveValue(f.type, depth + 1)}`).join(', ')}}`;
    case 'variant': {
      const first = t.cases[0];
      if (!first) return '_';
      return first.type ? `${waveName(first.name)}(${waveValue(first.type, depth + 1)})` : waveName(first.name);
    }
    case 'enum': return t.names[0] ? waveName(t.names[0]) : '_';
    case 'flags': return '{}';
    default: return '_';
  }
}

/** Labels that are WAVE keywords are written with a `%` prefix. */
function waveName(name: string): string {
  return ['true', 'false', 'some', 'none', 'ok', 'err', 'inf', 'nan'].includes(name) ? `%${name}` : name;
}

/** Why a function cannot be called from the command line (resource handles, streams), or undefined. */
export function invokeObstacle(f: FuncType): string | undefined {
  const bad = (t: Entity | undefined, depth = 0): string | undefined => {
    if (!t || depth > 16) return undefined;
    switch (t.kind) {
      case 'own': case 'borrow': return 'a resource handle';
      case 'future': case 'stream': return `a ${t.kind}`;
      case 'named': return bad(t.target, depth + 1);
      case 'list': return bad(t.elem, depth + 1);
      case 'option': return bad(t.inner, depth + 1);
      case 'result': return bad(t.ok, depth + 1) ?? bad(t.err, depth + 1);
      case 'tuple': return t.items.map((i) => bad(i, depth + 1)).find(Boolean);
      case 'record': return t.fields.map((f) => bad(f.type, depth + 1)).find(Boolean);
      case 'variant': return t.cases.map((c) => bad(c.type, depth + 1)).find(Boolean);
      default: return undefined;
    }
  };
  for (const p of f.params) {
    const why = bad(p.type);
    if (why) return `parameter \`${p.name}\` is ${why}, which cannot be written on a command line`;
  }
  return undefined;
}

/** `name(arg, …)` with placeholder arguments: the prefill of the invoke prompt. */
export function waveCall(name: string, f: FuncType): string {
  return `${name}(${f.params.map((p) => waveValue(p.type)).join(', ')})`;
}

/** The offset range of the first argument in a call template, to preselect it in the input box. */
export function firstArgumentSelection(call: string): [number, number] | undefined {
  const open = call.indexOf('(');
  if (open < 0 || call[open + 1] === ')') return undefined;
  let depth = 0;
  let inString = false;
  for (let i = open + 1; i < call.length; i++) {
    const c = call[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      if (depth === 0) return [open + 1, i];
      depth--;
    } else if (c === ',' && depth === 0) return [open + 1, i];
  }
  return undefined;
}
