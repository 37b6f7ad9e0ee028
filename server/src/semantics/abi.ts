// The Canonical ABI of resolved WIT types and functions (sizes, alignment, offsets, flattening,
// core signatures, validity and the size diagnostic); the pieces live in ./abi/, this is the API.

export {
  type AbiProblem, type CoreType, type Flat, type IntRepr, type ProblemKind, type PtrSize, type Sized,
  FLAT_KEEP, MAX_FLAGS, MAX_FLAT_ASYNC_PARAMS, MAX_FLAT_PARAMS, MAX_FLAT_RESULTS, MAX_TYPE_SIZE,
  alignTo, coreTypesOf, defSized, defValidity, discriminantOf, flagsReprOf, join, legacyFlagsSized, sized, validity,
} from './abi/core';
export {
  type CaseLayout, type ElementLayout, type FieldLayout, type Invalid, type Layout, type LayoutShape,
  defLayout, fieldOffsets, fieldsOf, shapeOf, typeLayout,
} from './abi/layout';
export {
  type AsyncSignatures, type CoreSignature, type FuncAbi, type FuncParam, type InvalidFunc, type MemoryBlock,
  abiParams, abiResult, funcSignatures,
} from './abi/funcs';
export { defSpelling, funcSpelling, structuralType, writtenType } from './abi/spelling';
export { type AbiReport, type JsonObject, abiEntries, abiReport, entryKind, funcEntry, ownTypes, typeEntry, worldFuncs } from './abi/report';
export { type ReportSize, checkTypeSizes } from './abi/diagnostics';
