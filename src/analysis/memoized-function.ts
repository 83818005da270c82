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

/**
 * Never returns a promise or another thenable, as its syntax alone shows: not async, and every
 * value it returns is written as something no thenable can be — a literal, arithmetic, a
 * comparison, an object literal with no `then` and no spread, an array — or its result type is
 * written as a primitive. The analysis then needs no type checker to know a memoized function is
 * synchronous (the checker gives the same answer for these, at the cost of a typed program).
 */
export function returnsPlainValue(fn: FunctionNode): boolean {
  if ((ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Async) !== 0) return false;
  if (fn.type) return isPrimitiveTypeNode(fn.type);
  if (!fn.body) return false;
  if (!ts.isBlock(fn.body)) return isPlainValue(fn.body);
  if (fn.asteriskToken) return true;
  let plain = true;
  const visit = (node: ts.Node): void => {
    if (!plain || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression && !isPlainValue(node.expression)) plain = false;
    ts.forEachChild(node, visit);
  };
  visit(fn.body);
  return plain;
}

const PRIMITIVE_KEYWORDS = new Set([ts.SyntaxKind.StringKeyword, ts.SyntaxKind.NumberKeyword, ts.SyntaxKind.BooleanKeyword, ts.SyntaxKind.BigIntKeyword, ts.SyntaxKind.SymbolKeyword, ts.SyntaxKind.UndefinedKeyword, ts.SyntaxKind.NullKeyword]);

function isPrimitiveTypeNode(node: ts.TypeNode): boolean {
  if (PRIMITIVE_KEYWORDS.has(node.kind) || ts.isLiteralTypeNode(node) || ts.isTemplateLiteralTypeNode(node)) return true;
  if (ts.isUnionTypeNode(node)) return node.types.every(isPrimitiveTypeNode);
  return ts.isParenthesizedTypeNode(node) && isPrimitiveTypeNode(node.type);
}

/** An expression whose value, by its syntax, cannot be a thenable. */
function isPlainValue(node: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(node)) return isPlainValue(node.expression);
  if (ts.isLiteralExpression(node) || ts.isTemplateExpression(node) || ts.isNoSubstitutionTemplateLiteral(node)) return true;
  if ([ts.SyntaxKind.TrueKeyword, ts.SyntaxKind.FalseKeyword, ts.SyntaxKind.NullKeyword].includes(node.kind)) return true;
  if (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node) || ts.isTypeOfExpression(node) || ts.isVoidExpression(node) || ts.isDeleteExpression(node)) return true;
  if (ts.isArrayLiteralExpression(node)) return true;
  if (ts.isObjectLiteralExpression(node)) return node.properties.every((property) => !ts.isSpreadAssignment(property) && property.name !== undefined && !ts.isComputedPropertyName(property.name) && property.name.text !== "then");
  if (ts.isConditionalExpression(node)) return isPlainValue(node.whenTrue) && isPlainValue(node.whenFalse);
  if (ts.isBinaryExpression(node)) {
    switch (node.operatorToken.kind) {
      // One of the operands.
      case ts.SyntaxKind.AmpersandAmpersandToken:
      case ts.SyntaxKind.BarBarToken:
      case ts.SyntaxKind.QuestionQuestionToken:
        return isPlainValue(node.left) && isPlainValue(node.right);
      case ts.SyntaxKind.CommaToken:
      case ts.SyntaxKind.EqualsToken:
        return isPlainValue(node.right);
      case ts.SyntaxKind.AmpersandAmpersandEqualsToken:
      case ts.SyntaxKind.BarBarEqualsToken:
      case ts.SyntaxKind.QuestionQuestionEqualsToken:
        return false;
      // Arithmetic, comparison, bitwise, `in`, `instanceof` (and their assignments): a primitive.
      default:
        return true;
    }
  }
  return false;
}
