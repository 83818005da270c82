import ts from "../../typescript.cts";

/**
 * What the type checker says about a value. Every fact may be `undefined`: the types cannot tell
 * (`any`, an unconstrained type parameter, an import that does not resolve, no checker at all).
 */
export interface ValueTypeFacts {
  /** The type as TypeScript writes it, for messages. */
  text: string;
  /** "object" values are compared by reference when used as a key; "primitive" ones by value. */
  kind: "object" | "primitive" | undefined;
  mayBeUndefined: boolean | undefined;
  mayBeNull: boolean | undefined;
  /** A promise or another object with a callable `then`. */
  thenable: boolean | undefined;
  /**
   * How many values the type has when it has a few: a boolean 2, an enum or a union of literals one
   * per member (`undefined` and `null` count one each); undefined for any other type.
   */
  finiteValues?: number;
}

export interface ParameterTypeFacts extends ValueTypeFacts {
  name: string;
  /** Has a default value: it and those after it do not count in `fn.length`. */
  defaulted: boolean;
  rest: boolean;
}

export interface FunctionTypeFacts {
  parameters: ParameterTypeFacts[];
  /** What a call returns (the promise itself for a promise-returning function). */
  result: ValueTypeFacts;
  /** Returns a promise or another thenable (declared `async` or not). */
  returnsPromise: boolean | undefined;
  /** What a call settles to: the awaited result when it returns a promise, else the result. */
  settled: ValueTypeFacts;
}

/** The type facts of one call's file, asked for by syntax node; built only when first asked. */
export interface TypeFacts {
  /** The function an expression evaluates to, when it has exactly one call signature. */
  functionOf(expression: ts.Expression): FunctionTypeFacts | undefined;
  /** The value an expression evaluates to. */
  valueOf(expression: ts.Expression): ValueTypeFacts | undefined;
}

/** For analyses without a type checker: nothing is known. */
export const NO_TYPE_FACTS: TypeFacts = {
  functionOf: () => undefined,
  valueOf: () => undefined,
};

const MAX_TYPE_TEXT = 60;

export function valueFacts(type: ts.Type, checker: ts.TypeChecker): ValueTypeFacts {
  const text = checker.typeToString(type);
  return {
    text: text.length > MAX_TYPE_TEXT ? `${text.slice(0, MAX_TYPE_TEXT - 3)}...` : text,
    kind: valueKind(type, checker),
    mayBeUndefined: mayInclude(type, checker, ts.TypeFlags.Undefined | ts.TypeFlags.Void),
    mayBeNull: mayInclude(type, checker, ts.TypeFlags.Null),
    thenable: isThenable(type, checker),
    ...finiteValuesOf(type),
  };
}

const UNIT = ts.TypeFlags.BooleanLiteral | ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral | ts.TypeFlags.BigIntLiteral | ts.TypeFlags.EnumLiteral | ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void | ts.TypeFlags.UniqueESSymbol;

/**
 * The number of values of a union of unit types (`boolean` is `true | false`, a union enum the union
 * of its members). A numeric enum with a computed member is a plain number to the checker, and so
 * is not finite here; nor is a literal intersected with a brand.
 */
function finiteValuesOf(type: ts.Type): { finiteValues?: number } {
  const members = type.isUnion() ? type.types : [type];
  if (members.some((member) => !(member.flags & UNIT) || member.flags & ts.TypeFlags.Intersection)) return {};
  return { finiteValues: members.length };
}

export function functionFacts(type: ts.Type, checker: ts.TypeChecker, location: ts.Node): FunctionTypeFacts | undefined {
  const [signature, ...overloads] = type.getCallSignatures();
  if (!signature || overloads.length > 0) return undefined;
  const resultType = signature.getReturnType();
  const returnsPromise = isThenable(resultType, checker);
  const result = valueFacts(resultType, checker);
  const awaited = returnsPromise ? checker.getAwaitedType(resultType) : undefined;
  return {
    parameters: signature.getParameters().map((parameter) => parameterFacts(parameter, checker, location)),
    result,
    returnsPromise,
    settled: awaited ? valueFacts(awaited, checker) : result,
  };
}

function parameterFacts(parameter: ts.Symbol, checker: ts.TypeChecker, location: ts.Node): ParameterTypeFacts {
  const declaration = parameter.valueDeclaration;
  const isParameter = declaration !== undefined && ts.isParameter(declaration);
  return {
    name: parameter.name,
    defaulted: isParameter && declaration.initializer !== undefined,
    rest: isParameter && declaration.dotDotDotToken !== undefined,
    ...valueFacts(checker.getTypeOfSymbolAtLocation(parameter, location), checker),
  };
}

const PRIMITIVE =
  ts.TypeFlags.StringLike |
  ts.TypeFlags.NumberLike |
  ts.TypeFlags.BigIntLike |
  ts.TypeFlags.BooleanLike |
  ts.TypeFlags.EnumLike |
  ts.TypeFlags.ESSymbolLike |
  ts.TypeFlags.Undefined |
  ts.TypeFlags.Null |
  ts.TypeFlags.Void |
  ts.TypeFlags.Never;

/** Compared by reference (objects, arrays, functions) or by value (primitives)? */
function valueKind(type: ts.Type, checker: ts.TypeChecker): "object" | "primitive" | undefined {
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return undefined;
  if (type.isUnion()) {
    const kinds = type.types.map((member) => valueKind(member, checker));
    if (kinds.includes("object")) return "object";
    return kinds.includes(undefined) ? undefined : "primitive";
  }
  // A branded primitive (`string & { __brand: "Sku" }`) is still a primitive.
  if (type.isIntersection()) {
    const kinds = type.types.map((member) => valueKind(member, checker));
    if (kinds.includes("primitive")) return "primitive";
    return kinds.includes("object") ? "object" : undefined;
  }
  if (type.flags & ts.TypeFlags.TypeParameter) {
    const constraint = checker.getBaseConstraintOfType(type);
    return constraint && constraint !== type ? valueKind(constraint, checker) : undefined;
  }
  if (type.flags & (ts.TypeFlags.Object | ts.TypeFlags.NonPrimitive)) return "object";
  if (type.flags & PRIMITIVE) return "primitive";
  return undefined;
}

/** Can a value of this type be `undefined` (flags Undefined | Void) or `null` (Null)? */
function mayInclude(type: ts.Type, checker: ts.TypeChecker, flags: ts.TypeFlags): boolean | undefined {
  if (type.flags & ts.TypeFlags.Any) return undefined;
  if (type.flags & (ts.TypeFlags.Unknown | flags)) return true;
  if (type.isUnion()) {
    const answers = type.types.map((member) => mayInclude(member, checker, flags));
    if (answers.includes(true)) return true;
    return answers.includes(undefined) ? undefined : false;
  }
  if (type.flags & ts.TypeFlags.TypeParameter) {
    const constraint = checker.getBaseConstraintOfType(type);
    return constraint && constraint !== type && !(constraint.flags & ts.TypeFlags.Unknown) ? mayInclude(constraint, checker, flags) : undefined;
  }
  if (type.flags & (ts.TypeFlags.Index | ts.TypeFlags.IndexedAccess | ts.TypeFlags.Conditional | ts.TypeFlags.Substitution)) return undefined;
  return false;
}

/** A promise or another object with a callable `then`; undefined when some members are and some are not. */
function isThenable(type: ts.Type, checker: ts.TypeChecker): boolean | undefined {
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return undefined;
  if (type.isUnion()) {
    const answers = type.types.filter((member) => !(member.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void))).map((member) => isThenable(member, checker));
    if (answers.length === 0) return false;
    if (answers.every((answer) => answer === true)) return true;
    return answers.every((answer) => answer === false) ? false : undefined;
  }
  const then = checker.getPropertyOfType(type, "then");
  if (!then) return false;
  const declaration = then.valueDeclaration ?? then.declarations?.[0];
  const thenType = declaration ? checker.getTypeOfSymbolAtLocation(then, declaration) : checker.getTypeOfSymbol(then);
  return checker.getNonNullableType(thenType).getCallSignatures().length > 0;
}
