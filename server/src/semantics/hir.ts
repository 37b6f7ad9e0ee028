// The per-file item summary ("HIR"): what a file declares, lowered from its syntax tree into
// plain data with offsets. Resolution works from these summaries only, so a file whose summary
// is unchanged is not looked at again.

export interface Range {
  start: number;
  end: number;
}

export interface PackageName {
  namespace: string;
  name: string;
  /** Semantic version text, when given (`1.2.3-pre`). */
  version?: string;
}

export type PrimName =
  | 'bool' | 's8' | 'u8' | 's16' | 'u16' | 's32' | 'u32' | 's64' | 'u64' | 'f32' | 'f64'
  | 'char' | 'string' | 'error-context';

export interface Attr<T> {
  value: T;
  /** The whole attribute, `@` to `)`. */
  range: Range;
}

export interface Attrs {
  since?: Attr<string>;
  unstable?: Attr<string>;
  deprecated?: Attr<string>;
  externalId?: Attr<string>;
  /** A second `@since` (or other) on the same item: each is an error. */
  repeated: { name: string; range: Range }[];
}

export interface Docs {
  /** The doc text as wit-parser computes it (markers stripped, common indentation removed). */
  text: string;
  range: Range;
}

interface Declared {
  name: string;
  nameRange: Range;
  /** The whole item, docs and attributes included. */
  range: Range;
  docs?: Docs;
  attrs: Attrs;
}

export type TypeExpr = { range: Range } & (
  | { kind: 'prim'; name: PrimName }
  | { kind: 'named'; name: string }
  | { kind: 'list'; elem: TypeExpr; length?: number; lengthRange?: Range }
  | { kind: 'map'; key: TypeExpr; value: TypeExpr }
  | { kind: 'option'; inner: TypeExpr }
  | { kind: 'result'; ok?: TypeExpr; err?: TypeExpr }
  | { kind: 'tuple'; items: TypeExpr[] }
  | { kind: 'future'; inner?: TypeExpr }
  | { kind: 'stream'; inner?: TypeExpr }
  | { kind: 'handle'; own: boolean; resource: string; resourceRange: Range }
  /** Left incomplete by a syntax error; resolves silently to an error type. */
  | { kind: 'missing' }
);

export interface MemberHir {
  name: string;
  nameRange: Range;
  range: Range;
  docs?: Docs;
}

export interface FieldHir extends MemberHir {
  type: TypeExpr;
}

export interface CaseHir extends MemberHir {
  type?: TypeExpr;
}

export type FuncKind = 'freestanding' | 'method' | 'static' | 'constructor';

export interface ParamHir {
  name: string;
  nameRange: Range;
  type: TypeExpr;
}

export interface FuncHir extends Declared {
  kind: 'func';
  funcKind: FuncKind;
  async: boolean;
  params: ParamHir[];
  result?: TypeExpr;
  /** Where `async` is written, to point at it. */
  asyncRange?: Range;
}

export type TypeDefBody =
  | { kind: 'alias'; type: TypeExpr }
  | { kind: 'record'; fields: FieldHir[] }
  | { kind: 'variant'; cases: CaseHir[] }
  | { kind: 'enum'; cases: MemberHir[] }
  | { kind: 'flags'; flags: MemberHir[] }
  | { kind: 'resource'; funcs: FuncHir[] };

export interface TypeDefHir extends Declared {
  kind: 'typedef';
  def: TypeDefBody;
  /** The keyword (`record`, `type`, ...), for messages that point at the definition. */
  keywordRange: Range;
}

export type UsePathHir =
  | { kind: 'local'; name: string; range: Range }
  | {
      kind: 'foreign';
      package: PackageName;
      packageRange: Range;
      name: string;
      nameRange: Range;
      versionRange?: Range;
      range: Range;
    };

export interface UseNameHir {
  name: string;
  nameRange: Range;
  alias?: string;
  aliasRange?: Range;
}

export interface UseHir {
  kind: 'use';
  path: UsePathHir;
  names: UseNameHir[];
  range: Range;
  attrs: Attrs;
}

export type InterfaceMemberHir = TypeDefHir | FuncHir | UseHir;

export interface InterfaceHir extends Declared {
  kind: 'interface';
  members: InterfaceMemberHir[];
}

export type ExternHir =
  | { kind: 'path'; path: UsePathHir }
  | { kind: 'func'; func: FuncHir }
  | { kind: 'interface'; name: string; nameRange: Range; members: InterfaceMemberHir[] }
  | { kind: 'labeled'; name: string; nameRange: Range; path: UsePathHir };

export interface ImportExportHir {
  kind: 'import' | 'export';
  ext: ExternHir;
  range: Range;
  docs?: Docs;
  attrs: Attrs;
}

export interface IncludeNameHir {
  name: string;
  nameRange: Range;
  as: string;
  asRange: Range;
}

export interface IncludeHir {
  kind: 'include';
  path: UsePathHir;
  names: IncludeNameHir[];
  range: Range;
  attrs: Attrs;
}

export type WorldMemberHir = ImportExportHir | UseHir | TypeDefHir | IncludeHir;

export interface WorldHir extends Declared {
  kind: 'world';
  members: WorldMemberHir[];
}

export interface TopUseHir {
  kind: 'top-use';
  path: UsePathHir;
  alias?: string;
  aliasRange?: Range;
  range: Range;
  /** Attributes are not allowed here (the parser reports them); kept for completeness. */
  hasAttrs: boolean;
}

export type TopItemHir = InterfaceHir | WorldHir | TopUseHir;

export interface PackageDeclHir {
  name: PackageName;
  nameRange: Range;
  range: Range;
  docs?: Docs;
}

export interface NestedPackageHir {
  decl: PackageDeclHir;
  items: TopItemHir[];
  range: Range;
}

export interface FileHir {
  /** The `package ns:name;` header, if the file has one. */
  packageDecl?: PackageDeclHir;
  /** Items of the file's own package (everything outside nested `package { }` blocks). */
  items: TopItemHir[];
  nested: NestedPackageHir[];
}
