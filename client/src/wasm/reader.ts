// A cursor over WebAssembly binary data: LEB128 integers, names and sections. Shared by the
// core-module and component decoders; pure TypeScript so it also runs in the web extension.

export class WasmFormatError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} (at byte ${offset})`);
  }
}

export class Reader {
  constructor(
    readonly bytes: Uint8Array,
    public pos = 0,
    readonly end = bytes.length,
  ) {}

  get done(): boolean {
    return this.pos >= this.end;
  }

  fail(message: string): never {
    throw new WasmFormatError(message, this.pos);
  }

  u8(): number {
    if (this.pos >= this.end) this.fail('unexpected end of data');
    return this.bytes[this.pos++];
  }

  peek(): number {
    if (this.pos >= this.end) this.fail('unexpected end of data');
    return this.bytes[this.pos];
  }

  /** Unsigned LEB128 of at most 32 bits. */
  u32(): number {
    let result = 0;
    let shift = 0;
    while (true) {
      const b = this.u8();
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) break;
      shift += 7;
      if (shift > 35) this.fail('integer too long');
    }
    if (result > 0xffffffff) this.fail('integer out of range');
    return result;
  }

  /** Signed LEB128 of at most 33 bits (how value types tell an index from a primitive). */
  s33(): number {
    let result = 0;
    let shift = 0;
    let b: number;
    do {
      b = this.u8();
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (shift > 42) this.fail('integer too long');
    } while (b & 0x80);
    if (b & 0x40) result -= 2 ** shift;
    return result;
  }

  /** Skips a signed LEB128 of any width (core constant expressions). */
  skipLeb(): void {
    while (this.u8() & 0x80) {
      // continuation bytes
    }
  }

  take(length: number): Uint8Array {
    if (this.pos + length > this.end) this.fail(`${length} bytes expected, ${this.end - this.pos} left`);
    const slice = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return slice;
  }

  name(): string {
    return new TextDecoder('utf-8', { fatal: true }).decode(this.take(this.u32()));
  }

  vec<T>(item: () => T): T[] {
    const n = this.u32();
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(item());
    return out;
  }

  /** A reader over the next `length` bytes; this reader moves past them. */
  sub(length: number): Reader {
    if (this.pos + length > this.end) this.fail(`section of ${length} bytes runs past the end`);
    const r = new Reader(this.bytes, this.pos, this.pos + length);
    this.pos += length;
    return r;
  }
}

export type BinaryKind = 'module' | 'component';

/** Reads the 8-byte preamble: `\0asm`, then version and layer (0x1 0x0 0x1 0x0 for a module). */
export function readPreamble(r: Reader): BinaryKind {
  const magic = r.take(4);
  if (magic[0] !== 0 || magic[1] !== 0x61 || magic[2] !== 0x73 || magic[3] !== 0x6d) r.fail('not a WebAssembly binary (no \\0asm header)');
  const version = r.u8() | (r.u8() << 8);
  const layer = r.u8() | (r.u8() << 8);
  if (layer === 0 && version === 1) return 'module';
  if (layer === 1) return 'component';
  return r.fail(`unsupported WebAssembly version ${version} layer ${layer}`);
}

/** Module or component, from the header alone; undefined when it is not WebAssembly. */
export function binaryKind(bytes: Uint8Array): BinaryKind | undefined {
  try {
    return readPreamble(new Reader(bytes));
  } catch {
    return undefined;
  }
}
