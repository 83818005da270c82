import ts from "../../typescript.cts";
import { skipWrappers } from "../module-ref.ts";
import { findDeclaration } from "../scope.ts";
import type { AsyncTypes } from "./type-view.ts";

export type FunctionNode = ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration | ts.MethodDeclaration;

/** The memoized function: written inline as the argument, or a local function or const it names. */
export function memoizedFunction(argument: ts.Expression | undefined): { node: ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration; inline: boolean } | undefined {
  if (!argument) return undefined;
  const node = skipWrappers(argument);
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return { node, inline: true };
  if (!ts.isIdentifier(node)) return undefined;
  const declaration = findDeclaration(node);
  if (declaration && ts.isFunctionDeclaration(declaration) && declaration.body) return { node: declaration, inline: false };
  if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && isConstDeclaration(declaration)) {
    const initializer = skipWrappers(declaration.initializer);
    if (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) return { node: initializer, inline: false };
  }
  return undefined;
}

export function hasAsyncModifier(fn: FunctionNode): boolean {
  return (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Async) !== 0;
}

/**
 * Does calling the function give a promise? `async` says so; otherwise the return annotation, the
 * returned expressions (`.then` chains, `new Promise`, calls of local async functions) and, where
 * those cannot tell, the type checker. Generators are never async sites.
 */
export function returnsPromise(fn: FunctionNode, types: AsyncTypes): boolean {
  if (fn.asteriskToken) return false;
  if (hasAsyncModifier(fn)) return true;
  if (fn.type) {
    const byAnnotation = annotationSays(fn.type);
    if (byAnnotation !== undefined) return byAnnotation;
    return types.returnType(fn).returnsPromise === true;
  }
  const returned = returnedExpressions(fn);
  if (returned.every((expression) => cannotBePromise(skipWrappers(expression)))) return false;
  if (returned.some((expression) => isPromiseExpression(skipWrappers(expression)))) return true;
  return types.returnType(fn).returnsPromise === true;
}

/** The expressions the function returns (not those of functions nested in it). */
function returnedExpressions(fn: FunctionNode): ts.Expression[] {
  const body = fn.body;
  if (!body) return [];
  if (!ts.isBlock(body)) return [body];
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression) found.push(node.expression);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}

const PROMISE_TYPES = new Set(["Promise", "PromiseLike"]);

function annotationSays(type: ts.TypeNode): boolean | undefined {
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
    return PROMISE_TYPES.has(type.typeName.text) ? true : undefined;
  }
  if (ts.isParenthesizedTypeNode(type)) return annotationSays(type.type);
  const plain =
    ts.isLiteralTypeNode(type) ||
    ts.isArrayTypeNode(type) ||
    ts.isTupleTypeNode(type) ||
    ts.isFunctionTypeNode(type) ||
    ts.isTemplateLiteralTypeNode(type) ||
    type.kind === ts.SyntaxKind.StringKeyword ||
    type.kind === ts.SyntaxKind.NumberKeyword ||
    type.kind === ts.SyntaxKind.BooleanKeyword ||
    type.kind === ts.SyntaxKind.BigIntKeyword ||
    type.kind === ts.SyntaxKind.VoidKeyword ||
    type.kind === ts.SyntaxKind.UndefinedKeyword ||
    type.kind === ts.SyntaxKind.NullKeyword ||
    type.kind === ts.SyntaxKind.SymbolKeyword ||
    type.kind === ts.SyntaxKind.NeverKeyword;
  return plain ? false : undefined;
}

/** Literals, operators and object or array literals never evaluate to a promise. */
function cannotBePromise(node: ts.Expression): boolean {
  if (ts.isLiteralExpression(node) || ts.isTemplateExpression(node) || ts.isObjectLiteralExpression(node) || ts.isArrayLiteralExpression(node)) return true;
  if (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node) || ts.isTypeOfExpression(node) || ts.isVoidExpression(node) || ts.isDeleteExpression(node)) return true;
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isClassExpression(node)) return true;
  if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword || node.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isNewExpression(node)) return !(ts.isIdentifier(node.expression) && node.expression.text === "Promise");
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    const passesOperand =
      operator === ts.SyntaxKind.BarBarToken ||
      operator === ts.SyntaxKind.QuestionQuestionToken ||
      operator === ts.SyntaxKind.AmpersandAmpersandToken ||
      operator === ts.SyntaxKind.CommaToken ||
      (operator >= ts.SyntaxKind.FirstAssignment && operator <= ts.SyntaxKind.LastAssignment);
    return !passesOperand;
  }
  if (ts.isConditionalExpression(node)) return cannotBePromise(skipWrappers(node.whenTrue)) && cannotBePromise(skipWrappers(node.whenFalse));
  return false;
}

const PROMISE_METHODS = new Set(["then", "catch", "finally"]);
const PROMISE_STATICS = new Set(["resolve", "reject", "all", "allSettled", "race", "any", "try", "withResolvers"]);

/** `x.then(...)`, `new Promise(...)`, `Promise.all(...)`, or a call of a local async function. */
function isPromiseExpression(node: ts.Expression): boolean {
  if (ts.isNewExpression(node)) return ts.isIdentifier(node.expression) && node.expression.text === "Promise";
  if (!ts.isCallExpression(node)) return false;
  const callee = skipWrappers(node.expression);
  if (ts.isPropertyAccessExpression(callee)) {
    if (PROMISE_METHODS.has(callee.name.text)) return true;
    return ts.isIdentifier(callee.expression) && callee.expression.text === "Promise" && PROMISE_STATICS.has(callee.name.text);
  }
  if (!ts.isIdentifier(callee)) return false;
  const local = memoizedFunction(callee);
  return local !== undefined && !local.node.asteriskToken && hasAsyncModifier(local.node);
}

function isConstDeclaration(declaration: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
}
