// What a .wasm file holds, as text: a component's WIT, or a core module's imports and exports.
// Pure TypeScript over bytes, so the viewer works the same on the desktop and on the web.

import { decodeCoreModule, printCoreModule } from './coreModule';
import { decodeComponent, type DecodedComponent } from './componentTypes';
import { binaryKind } from './reader';
import { printComponentWit } from './witPrinter';

export type Inspection =
  | { kind: 'component'; wit: string; decoded: DecodedComponent }
  | { kind: 'module'; text: string }
  | { kind: 'error'; message: string; binary?: 'component' | 'module' };

export function inspectWasm(bytes: Uint8Array): Inspection {
  const kind = binaryKind(bytes);
  if (!kind) return { kind: 'error', message: 'not a WebAssembly binary (the file does not start with `\\0asm`)' };
  try {
    if (kind === 'module') return { kind: 'module', text: printCoreModule(decodeCoreModule(bytes)) };
    const decoded = decodeComponent(bytes);
    return { kind: 'component', wit: printComponentWit(decoded), decoded };
  } catch (e) {
    return { kind: 'error', message: e instanceof Error ? e.message : String(e), binary: kind };
  }
}
