// Core wasm signatures of a WIT function (`flatten_functype`): flat parameters and results, when
// they spill to memory, the lift and lower signatures, and for `async func` the async lower, the
// callback and stackful async lifts and the `task.return` built-in.

import type { Func, Ty } from '../model';
import {
  type AbiProblem, type CoreType, type Flat, type PtrSize, MAX_FLAT_ASYNC_PARAMS, MAX_FLAT_PARAMS,
  MAX_FLAT_RESULTS, coreTypesOf, flatConcat, ptrCore, sized, validity,
} from './core';
import { fieldsOf } from './layout';

export interface CoreSignature {
  params: CoreType[];
  results: CoreType[];
}

export interface FuncParam {
  name: string;
  ty: Ty;
}

export interface MemoryBlock {
  size: number;
  align: number;
}

export interface AsyncSignatures {
  /** `canon lift async (callback ...)`: returns the i32 callback code. */
  liftCallback: CoreSignature;
  /** Stackful `canon lift async` without a callback. */
  liftStackful: CoreSignature;
  /** `canon lower async`: params spill above 4, a result adds an out-pointer, returns an i32 status. */
  lower: CoreSignature;
  /** The `task.return` built-in: the result as parameters (spilled above 16). */
  taskReturn: CoreSignature;
}

export interface FuncAbi {
  valid: true;
  ptr: PtrSize;
  /** The parameters the ABI sees: a method's implicit `self: borrow<R>` first. */
  params: FuncParam[];
  /** The result the ABI sees: a constructor without one returns `own<R>`. */
  result?: Ty;
  flatParams: CoreType[];
  flatParamCount: number;
  flatResults: CoreType[];
  flatResultCount: number;
  /** More than 16 flat params: a synchronous call passes one pointer to `tuple<params...>`. */
  paramsSpill: boolean;
  /** More than 1 flat result: returned through memory (a return pointer). */
  resultsSpill: boolean;
  /** The core function a component exports (`canon lift`). */
  lift: CoreSignature;
  /** The core function a component imports (`canon lower`); a spilled result adds a trailing out-pointer. */
  lower: CoreSignature;
  /** The parameter block in memory, when params are passed by pointer (sync spill, or async lower above 4). */
  paramsTuple?: MemoryBlock & { offsets: number[] };
  /** The result block in memory, when the result goes through memory (sync spill, or any async result). */
  resultsTuple?: MemoryBlock;
  async?: AsyncSignatures;
}

export interface InvalidFunc {
  valid: false;
  problem: AbiProblem;
  /** The parameter (or `result`) whose type is invalid. */
  where: string;
}

/** The parameter list the ABI sees, with a method's implicit `self`. */
export function abiParams(func: Func): FuncParam[] {
  const params = func.params.map((p) => ({ name: p.name, ty: p.ty }));
  if (func.funcKind === 'method' && func.resource) params.unshift({ name: 'self', ty: { kind: 'handle', own: false, resource: func.resource } });
  return params;
}

/** The result the ABI sees: a constructor without a declared result returns `own<R>`. */
export function abiResult(func: Func): Ty | undefined {
  if (func.result) return func.result;
  if (func.funcKind === 'constructor' && func.resource) return { kind: 'handle', own: true, resource: func.resource };
  return undefined;
}

function flatten(tys: readonly Ty[], ptr: PtrSize): Flat {
  return flatConcat(tys.map((t) => sized(t, ptr).flat));
}

/** Every signature of a function, with 4-byte (wasm32) or 8-byte (memory64) pointers. */
export function funcSignatures(func: Func, ptr: PtrSize): FuncAbi | InvalidFunc {
  const params = abiParams(func);
  const result = abiResult(func);
  for (const p of params) {
    const problem = validity(p.ty);
    if (problem) return { valid: false, problem, where: p.name };
  }
  if (result) {
    const problem = validity(result);
    if (problem) return { valid: false, problem, where: 'result' };
  }
  const pt = ptrCore(ptr);
  const fp = flatten(params.map((p) => p.ty), ptr);
  const fr = flatten(result ? [result] : [], ptr);
  const paramsSpill = fp.count > MAX_FLAT_PARAMS;
  const resultsSpill = fr.count > MAX_FLAT_RESULTS;
  const paramTypes = coreTypesOf(fp);
  const resultTypes = coreTypesOf(fr);
  const syncParams = paramsSpill ? [pt] : paramTypes;
  const lift = { params: syncParams, results: resultsSpill ? [pt] : resultTypes };
  const lower = resultsSpill ? { params: [...syncParams, pt], results: [] } : { params: syncParams, results: resultTypes };

  const out: FuncAbi = {
    valid: true, ptr, params, result,
    flatParams: paramTypes, flatParamCount: fp.count, flatResults: resultTypes, flatResultCount: fr.count,
    paramsSpill, resultsSpill, lift, lower,
  };
  const asyncParamsSpill = fp.count > MAX_FLAT_ASYNC_PARAMS;
  if (paramsSpill || (func.async && asyncParamsSpill)) {
    const fields = fieldsOf(params, ptr);
    const block = sized({ kind: 'tuple', items: params.map((p) => p.ty) }, ptr);
    out.paramsTuple = { size: block.size, align: block.align, offsets: fields.map((f) => f.offset) };
  }
  if (result && (resultsSpill || func.async)) {
    const block = sized({ kind: 'tuple', items: [result] }, ptr);
    out.resultsTuple = { size: block.size, align: block.align };
  }
  if (func.async) {
    const lowerParams = asyncParamsSpill ? [pt] : paramTypes;
    out.async = {
      liftCallback: { params: syncParams, results: ['i32'] },
      liftStackful: { params: syncParams, results: [] },
      lower: { params: fr.count > 0 ? [...lowerParams, pt] : lowerParams, results: ['i32'] },
      taskReturn: { params: fr.count > MAX_FLAT_PARAMS ? [pt] : resultTypes, results: [] },
    };
  }
  return out;
}
