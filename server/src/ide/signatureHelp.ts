// Signature help for the two places in WIT where arguments are written between brackets: the
// arguments of a generic type (`map<K, V>`, `result<T, E>`, `list<T, N>`, `tuple<…>`,
// `borrow<R>`, ...), whose rules are easy to forget (`_` for a missing ok type, what a map key
// may be), and the argument of an attribute (`@since(version = …)`). Purely syntactic: it reads
// the current tree, so it answers for text typed since the last check.

import { SyntaxKind as K, SyntaxNode, SyntaxTree, rootNode } from '../syntax';
import { ITEM_CONTAINERS, argumentIndex, brackets, cursorAt, openContainer } from './cursor';

export interface SignatureParameter {
  /** [start, end) of the parameter within the signature's label. */
  label: [number, number];
  documentation: string;
}

export interface Signature {
  label: string;
  documentation: string;
  parameters: SignatureParameter[];
}

export interface SignatureHelpResult {
  signatures: Signature[];
  activeSignature: number;
  activeParameter: number;
}

/** Builds a signature from a label whose parameters are marked `[[like this]]`. */
function sig(marked: string, documentation: string, paramDocs: string[]): Signature {
  const parameters: SignatureParameter[] = [];
  let label = '';
  let rest = marked;
  for (;;) {
    const a = rest.indexOf('[[');
    if (a < 0) break;
    const b = rest.indexOf(']]', a);
    label += rest.slice(0, a);
    const start = label.length;
    label += rest.slice(a + 2, b);
    parameters.push({ label: [start, label.length], documentation: paramDocs[parameters.length] ?? '' });
    rest = rest.slice(b + 2);
  }
  return { label: label + rest, documentation, parameters };
}

const ELEMENT = 'The element type.';
const GENERIC_SIGNATURES: Partial<Record<K, Signature[]>> = {
  [K.LIST_TYPE]: [
    sig('list<[[T]]>', 'A variable-length list.', [ELEMENT]),
    sig('list<[[T]], [[N]]>', 'A fixed-length list of exactly N elements.', [ELEMENT, 'The length: an integer literal greater than 0.']),
  ],
  [K.MAP_TYPE]: [sig('map<[[K]], [[V]]>', 'A map from keys to values.', ['The key type: `bool`, an integer type, `char` or `string` (or an alias of one).', 'The value type.'])],
  [K.RESULT_TYPE]: [sig('result<[[T]], [[E]]>', 'Success with a `T` or failure with an `E`.', ['The ok type; write `_` when success carries nothing (`result<_, E>`).', 'The error type; leave it out when failure carries nothing (`result<T>`).'])],
  [K.OPTION_TYPE]: [sig('option<[[T]]>', 'Either `none` or `some(T)`.', ['The type of the value when present.'])],
  [K.FUTURE_TYPE]: [sig('future<[[T]]>', 'A single value delivered later (`future` alone carries none).', ['The type of the value.'])],
  [K.STREAM_TYPE]: [sig('stream<[[T]]>', 'A sequence of values delivered over time (`stream` alone carries none).', ['The type of the values.'])],
};

const HANDLE_SIGNATURES = {
  borrow: sig('borrow<[[R]]>', 'A borrowed handle: valid only during the call; not allowed in results.', ['A resource type in scope.']),
  own: sig('own<[[R]]>', 'An owned handle (writing the resource\'s name alone means the same).', ['A resource type in scope.']),
};

const ATTRIBUTE_SIGNATURES: Record<string, Signature> = {
  since: sig('@since([[version = X.Y.Z]])', 'The item exists since this version of the package.', ['A version no newer than the package\'s own.']),
  unstable: sig('@unstable([[feature = name]])', 'The item exists only when the feature is enabled (`wit.features`).', ['The name of the feature that gates the item.']),
  deprecated: sig('@deprecated([[version = X.Y.Z]])', 'The item is deprecated since this version (needs `@since` or `@unstable` too).', ['The version that deprecated it.']),
  'external-id': sig('@external-id([["id"]])', 'An identifier for the item in an external system.', ['A string literal.']),
};

export function signatureHelp(tree: SyntaxTree, offset: number): SignatureHelpResult | undefined {
  const cursor = cursorAt(rootNode(tree), offset);
  if (cursor.inTrivia) return undefined;
  const node = signatureNode(openContainer(cursor), offset);
  if (!node) return undefined;
  const index = argumentIndex(node, offset);
  if (node.kind === K.ATTRIBUTE) {
    const s = ATTRIBUTE_SIGNATURES[node.significantTokens()[1]?.text ?? ''];
    return s && { signatures: [s], activeSignature: 0, activeParameter: 0 };
  }
  if (node.kind === K.HANDLE_TYPE) {
    const own = node.significantTokens()[0]?.kind === K.OWN_KW;
    return { signatures: [own ? HANDLE_SIGNATURES.own : HANDLE_SIGNATURES.borrow], activeSignature: 0, activeParameter: 0 };
  }
  if (node.kind === K.TUPLE_TYPE) {
    const written = node.children().filter((c) => !c.isNode() && c.kind === K.COMMA).length + 1;
    const n = Math.max(2, written, index + 1);
    const marked = `tuple<${Array.from({ length: n }, (_, i) => `[[T${i + 1}]]`).join(', ')}>`;
    return { signatures: [sig(marked, 'A fixed sequence of values of the given types.', Array.from({ length: n }, (_, i) => `The type of element ${i}.`))], activeSignature: 0, activeParameter: index };
  }
  const signatures = GENERIC_SIGNATURES[node.kind];
  if (!signatures) return undefined;
  // `list<T, N>` once a comma is written anywhere in it.
  const active = node.kind === K.LIST_TYPE && node.children().some((c) => !c.isNode() && c.kind === K.COMMA) ? 1 : 0;
  return { signatures, activeSignature: active, activeParameter: Math.min(index, signatures[active].parameters.length - 1) };
}

/** The innermost open generic type or attribute around the cursor, not beyond the item. */
function signatureNode(from: SyntaxNode, offset: number): SyntaxNode | undefined {
  for (let n: SyntaxNode | undefined = from; n && !ITEM_CONTAINERS.has(n.kind); n = n.parent) {
    if (n.kind === K.ATTRIBUTE || n.kind === K.HANDLE_TYPE || n.kind === K.TUPLE_TYPE || GENERIC_SIGNATURES[n.kind]) {
      const { open, close } = brackets(n);
      if (open && open.end <= offset && (!close || close.start >= offset)) return n;
    }
  }
  return undefined;
}
