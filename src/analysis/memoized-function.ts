import ts from "../typescript.cts";
import { skipWrappers } from "./module-ref.ts";
import { findDeclaration } from "./scope.ts";

export interface FunctionFacts {
  /** Declared parameters, rest parameter included. */
  arity: number;
  hasRest: boolean;
  hasDefaults: boolean;
  /** `fn.length` at runtime: the parameters before the first one with a default or rest. */
  length: number;
  /**
   * Written inline with a parameter that has no type (TS annotation or JSDoc): TypeScript types it
   * from the memoizer's signature, too late to infer a cache option's type arguments from it.
   */
  untypedInline: boolean;
  /** Declared `async` (the type checker widens this for promise-returning functions later). */
  async: boolean;
}

/** The function passed to a memoizer: inline, or a local function or const the analysis can see. */
export function memoizedFunctionFacts(argument: ts.Expression | undefined): FunctionFacts | undefined {
  const fn = argument && functionNode(argument);
  if (!fn) return undefined;
  const parameters = fn.parameters.filter((parameter) => !isThisParameter(parameter));
  const firstOptional = parameters.findIndex((parameter) => parameter.dotDotDotToken !== undefined || parameter.initializer !== undefined);
  const inline = fn === skipWrappers(argument);
  return {
    arity: parameters.length,
    hasRest: parameters.some((parameter) => parameter.dotDotDotToken !== undefined),
    hasDefaults: parameters.some((parameter) => parameter.initializer !== undefined),
    length: firstOptional === -1 ? parameters.length : firstOptional,
    untypedInline: inline && parameters.some((parameter) => !parameter.type && !ts.getJSDocType(parameter)),
    async: (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Async) !== 0,
  };
}

export type FunctionNode = ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration;

/** The function node a memoizer's argument names: written inline, or a local function or const. */
export function functionNode(argument: ts.Expression): FunctionNode | undefined {
  const node = skipWrappers(argument);
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return node;
  if (!ts.isIdentifier(node)) return undefined;
  const declaration = findDeclaration(node);
  if (!declaration) return undefined;
  if (ts.isFunctionDeclaration(declaration)) return declaration;
  if (ts.isVariableDeclaration(declaration) && declaration.initializer) {
    const initializer = skipWrappers(declaration.initializer);
    if (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) return initializer;
  }
  return undefined;
}

function isThisParameter(parameter: ts.ParameterDeclaration): boolean {
  return ts.isIdentifier(parameter.name) && parameter.name.text === "this";
}
