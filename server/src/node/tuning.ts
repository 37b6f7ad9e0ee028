// V8 settings for the Node entry points (server, command line): a larger young generation, so
// that the many short-lived objects of parsing and resolving a large package die young instead
// of being copied into the old generation. Must run before the first large allocation.

import { setFlagsFromString } from 'node:v8';

export function tuneHeap(): void {
  setFlagsFromString('--max-semi-space-size=64');
}
