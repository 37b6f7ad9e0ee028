// Path helpers for '/'-separated paths, usable in the browser as well as in Node (where the
// node entry points convert native paths to this form).

export function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

export function dirname(path: string): string {
  const i = path.replace(/\/+$/, '').lastIndexOf('/');
  return i <= 0 ? (path.startsWith('/') ? '/' : '.') : path.slice(0, i);
}

export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** `path` relative to `base` when it is inside it, else `path` unchanged. */
export function relativeTo(base: string, path: string): string {
  const b = base.endsWith('/') ? base : base + '/';
  return path.startsWith(b) ? path.slice(b.length) : path;
}
