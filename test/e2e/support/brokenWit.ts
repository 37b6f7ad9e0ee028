// The deliberately broken WIT file every real-editor test opens, with what the server must say
// about it; one definition so the UI, extension-host and Neovim tests check the same thing.

export const BROKEN_WIT_NAME = 'broken.wit';

/**
 * A new file of the greeter package (the tests put it in examples/greeter/wit/, so it must name
 * the same package), valid except for the missing `;` after `hello`'s signature (line 4, 1-based).
 */
export const BROKEN_WIT_TEXT = `package example:greeter@0.1.0;

interface oops {
    hello: func(name: string) -> string
}
`;

/** What the server reports: a syntax error naming the missing token. */
export const BROKEN_WIT_EXPECTED = {
  messageIncludes: 'expected `;`',
  code: 'expected-token',
  source: 'wit',
  /** 0-based lines the error may be placed on: after `string` (line 3) or at the `}` (line 4). */
  lines: [3, 4],
};
