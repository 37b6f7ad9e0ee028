// wit-parser itself, compiled to wasm in @bytecodealliance/jco-transpile, for tests that ask the
// reference what it does with a path rather than trusting a fixture's claim; and the component
// validator (wasmparser) of the same build.

/** The parts of jco-transpile's wasm-tools that the tests call. */
interface Tools {
  componentEmbed(opts: { witPath: string; dummy: boolean; world?: string }): Promise<Uint8Array>;
  componentNew(bytes: Uint8Array, adapters: [string, Uint8Array][]): Promise<Uint8Array>;
}

/** jco-transpile's wasm-tools, or undefined when the dev dependency is not installed. */
async function importTools(): Promise<Tools | undefined> {
  try {
    return (await import('@bytecodealliance/jco-transpile/wasm-tools' as string)) as Tools;
  } catch {
    return undefined;
  }
}

const messageOf = (e: unknown): string => String((e as { payload?: unknown }).payload ?? e);

/** Why the reference rejects the package at `path`, or undefined when it accepts it. */
export type ReferenceVerdict = (path: string) => Promise<string | undefined>;

/** The reference's verdict function, or undefined when the dev dependency is not installed. */
export async function loadReference(): Promise<ReferenceVerdict | undefined> {
  const tools = await importTools();
  if (!tools) return undefined;
  return async (path) => {
    try {
      // Embedding the package's world in a dummy module parses and resolves it with wit-parser.
      await tools.componentEmbed({ witPath: path, dummy: true });
      return undefined;
    } catch (e) {
      const message = messageOf(e);
      // Choosing a world comes after the package is accepted: no world or several is not a rejection.
      return /contains no worlds|multiple worlds in/.test(message) ? undefined : message;
    }
  };
}

export const REFERENCE_MISSING = '@bytecodealliance/jco-transpile is not installed';

/**
 * Why the component validator (wasmparser, in the same build) rejects a component made from the
 * world `world` of the package at `path`, or undefined when it validates. The package must be
 * one that wit-parser accepts: its world is embedded in a dummy module, and componentNew builds
 * and validates the component, which is where the validator's rules apply.
 */
export type ValidatorVerdict = (path: string, world: string) => Promise<string | undefined>;

export async function loadComponentValidator(): Promise<ValidatorVerdict | undefined> {
  const tools = await importTools();
  if (!tools) return undefined;
  return async (path, world) => {
    try {
      await tools.componentNew(await tools.componentEmbed({ witPath: path, dummy: true, world }), []);
      return undefined;
    } catch (e) {
      return messageOf(e);
    }
  };
}
