// The custom requests between this extension and the WIT language server: the shapes are
// defined once, in server/src/lsp/protocol.ts, and only their types and names come from there.

export {
  ABI_LAYOUT_REQUEST,
  CHECK_COMPOSITION_REQUEST,
  FS_REQUESTS,
  WORLDS_REQUEST,
  type AbiLayoutParams,
  type ComponentWit,
  type CompositionInput,
  type CompositionIssue,
  type CompositionReport,
  type FsParams,
  type LayoutView,
  type Position,
  type Range,
  type WorldExport,
  type WorldInfo,
  type WorldsParams,
  type WorldsResult,
} from '../../server/src/lsp/protocol';
