import { ts } from "ts-morph";
import { skipWrappers } from "./module-ref.ts";
import { findDeclaration } from "./scope.ts";

export interface FunctionFacts {
  /** Declared parameters, rest parameter included. */
  arity: number;
  hasRest: boolean;
  hasDefaults: boolean;
  /** Declared `async` (the type checker widens this for promise-returning functions later). */
  async: boolean;
}

/** The function passed to a memoizer: inline, or a local function or const the analysis can see. */
export function memoizedFunctionFacts(argument: ts.Expression | undefined): FunctionFacts | undefined {
  const fn = argument && functionNode(argument);
  if (!fn) return undefined;
  const parameters = fn.parameters.filter((parameter) => !isThisParameter(parameter));
  return {
    arity: parameters.length,
    hasRest: parameters.some((parameter) => parameter.dotDotDotToken !== undefined),
    hasDefaults: parameters.some((parameter) => parameter.initializer !== undefined),
    async: (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Async) !== 0,
  };
}

type FunctionNode = ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration;

function functionNode(argument: ts.Expression): FunctionNode | undefined {
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
