import ts from "../../typescript.cts";
import { findDeclaration } from "../scope.ts";
import { skipParentheses } from "./candidates.ts";

export type FunctionBody = ts.FunctionLikeDeclaration;

/**
 * The function a node runs in, or undefined when it runs while the module loads: at the top level,
 * in a static block or field initializer, or in a function expression called on the spot (an IIFE).
 */
export function runtimeFunction(node: ts.Node): FunctionBody | undefined {
  for (let current = node.parent; current && !ts.isSourceFile(current); current = current.parent) {
    if (ts.isClassStaticBlockDeclaration(current)) return undefined;
    if (ts.isPropertyDeclaration(current) && (ts.getCombinedModifierFlags(current) & ts.ModifierFlags.Static) !== 0) return undefined;
    if (!isFunctionWithBody(current)) continue;
    if (isCalledOnTheSpot(current)) continue;
    return current;
  }
  return undefined;
}

function isFunctionWithBody(node: ts.Node): node is FunctionBody {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isGetAccessor(node) ||
    ts.isSetAccessor(node) ||
    ts.isConstructorDeclaration(node)
  );
}

function isCalledOnTheSpot(fn: ts.Node): boolean {
  if (!ts.isFunctionExpression(fn) && !ts.isArrowFunction(fn)) return false;
  let outer: ts.Node = fn;
  while (ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
  const call = outer.parent;
  return ts.isCallExpression(call) && call.expression === outer && runtimeFunction(call) === undefined;
}

/** Does `inner` run inside `outer` (the same function, or one nested in it)? */
export function encloses(outer: FunctionBody, inner: FunctionBody): boolean {
  return outer.pos <= inner.pos && inner.end <= outer.end;
}

const MAX_DERIVATION_DEPTH = 6;

/**
 * Is the value of `expression` computed from what the function was called with: its parameters,
 * `this`, `arguments`, or locals computed from them? Module-level names and literals are not inputs.
 */
export function derivesFromInputs(expression: ts.Expression, depth = 0, seen = new Set<ts.Node>()): boolean {
  if (depth > MAX_DERIVATION_DEPTH) return false;
  let found = false;
  const look = (node: ts.Node): void => {
    if (found) return;
    if (node.kind === ts.SyntaxKind.ThisKeyword && runtimeFunction(node)) found = true;
    else if (ts.isIdentifier(node) && isReadOfVariable(node)) found = identifierDerives(node, depth, seen);
    if (!found && !ts.isFunctionLike(node)) ts.forEachChild(node, look);
  };
  look(expression);
  return found;
}

function identifierDerives(identifier: ts.Identifier, depth: number, seen: Set<ts.Node>): boolean {
  if (identifier.text === "arguments" && runtimeFunction(identifier)) return true;
  const declaration = findDeclaration(identifier);
  if (!declaration || seen.has(declaration)) return false;
  seen.add(declaration);
  if (isParameterBinding(declaration) || ts.isCatchClause(declaration.parent)) return true;
  if (!ts.isVariableDeclaration(declaration) || !runtimeFunction(declaration)) return false;
  const list = declaration.parent;
  const loop = list.parent;
  if ((ts.isForOfStatement(loop) || ts.isForInStatement(loop)) && loop.initializer === list) return derivesFromInputs(loop.expression, depth + 1, seen);
  const sources = [declaration.initializer, ...assignmentsTo(declaration), ...methodArguments(declaration)].filter(
    (source): source is ts.Expression => source !== undefined,
  );
  return sources.some((source) => derivesFromInputs(source, depth + 1, seen));
}

function isParameterBinding(declaration: ts.Node): boolean {
  let current: ts.Node = declaration;
  while (ts.isBindingElement(current) || ts.isObjectBindingPattern(current) || ts.isArrayBindingPattern(current)) current = current.parent;
  return ts.isParameter(current);
}

/** Right-hand sides of `name = …` in the function that declares the variable. */
export function assignmentsTo(declaration: ts.VariableDeclaration): ts.Expression[] {
  const scope = runtimeFunction(declaration);
  if (!scope || !ts.isIdentifier(declaration.name)) return [];
  const name = declaration.name.text;
  const found: ts.Expression[] = [];
  const look = (node: ts.Node): void => {
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isIdentifier(skipParentheses(node.left)) &&
      (skipParentheses(node.left) as ts.Identifier).text === name &&
      findDeclaration(skipParentheses(node.left) as ts.Identifier) === declaration
    ) {
      found.push(node.right);
    }
    ts.forEachChild(node, look);
  };
  look(scope);
  return found;
}

function isReadOfVariable(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === identifier) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent)) && parent.name === identifier) return false;
  return true;
}

/**
 * A key that can be written twice without changing what it means: names, literals, `this`, property
 * chains, templates and arithmetic over those, and `String(…)` of one. No calls, no assignments.
 */
export function isRepeatableKey(expression: ts.Expression): boolean {
  const node = skipParentheses(expression);
  if (ts.isIdentifier(node) || ts.isStringLiteralLike(node) || ts.isNumericLiteral(node) || node.kind === ts.SyntaxKind.ThisKeyword) return true;
  if (ts.isPropertyAccessExpression(node)) return !node.questionDotToken && isRepeatableKey(node.expression);
  if (ts.isTemplateExpression(node)) return node.templateSpans.every((span) => isRepeatableKey(span.expression));
  if (ts.isBinaryExpression(node)) {
    const arithmetic = [ts.SyntaxKind.PlusToken, ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.SlashToken];
    return arithmetic.includes(node.operatorToken.kind) && isRepeatableKey(node.left) && isRepeatableKey(node.right);
  }
  if (ts.isCallExpression(node)) {
    return ts.isIdentifier(node.expression) && node.expression.text === "String" && node.arguments.length === 1 && isRepeatableKey(node.arguments[0]!);
  }
  return false;
}

/**
 * The expression last assigned to a local before `use`, when the statements before it say so plainly:
 * `width = text.length * 7; widths.set(text, width)`. Undefined when a branch or loop may have
 * assigned it too.
 */
export function reachingAssignment(use: ts.Identifier): ts.Expression | undefined {
  const declaration = findDeclaration(use);
  if (!declaration || !ts.isVariableDeclaration(declaration) || !runtimeFunction(declaration)) return undefined;
  const fn = runtimeFunction(use);
  let current: ts.Node = use;
  while (current.parent && current !== fn) {
    const owner = current.parent;
    if (ts.isBlock(owner) || ts.isCaseClause(owner) || ts.isDefaultClause(owner)) {
      const statements = owner.statements;
      for (let index = statements.indexOf(current as ts.Statement) - 1; index >= 0; index--) {
        const statement = statements[index]!;
        const assigned = plainAssignment(statement, declaration);
        if (assigned) return assigned;
        if (mentionsAssignment(statement, declaration)) return undefined;
      }
    }
    if (ts.isIterationStatement(owner, false) || current === declaration.parent.parent) return undefined;
    current = owner;
  }
  return undefined;
}

function plainAssignment(statement: ts.Statement, declaration: ts.VariableDeclaration): ts.Expression | undefined {
  if (ts.isVariableStatement(statement) && statement.declarationList.declarations.includes(declaration)) return declaration.initializer;
  if (!ts.isExpressionStatement(statement)) return undefined;
  const expression = skipParentheses(statement.expression);
  return isAssignmentTo(expression, declaration) ? (expression as ts.BinaryExpression).right : undefined;
}

function mentionsAssignment(statement: ts.Node, declaration: ts.VariableDeclaration): boolean {
  if (isAssignmentTo(statement, declaration)) return true;
  if (ts.isVariableDeclaration(statement) && statement === declaration) return true;
  return ts.forEachChild(statement, (child) => mentionsAssignment(child, declaration)) ?? false;
}

function isAssignmentTo(node: ts.Node, declaration: ts.VariableDeclaration): boolean {
  if (!ts.isBinaryExpression(node) || node.operatorToken.kind < ts.SyntaxKind.FirstAssignment || node.operatorToken.kind > ts.SyntaxKind.LastAssignment) return false;
  const target = skipParentheses(node.left);
  return ts.isIdentifier(target) && findDeclaration(target) === declaration;
}

/** Arguments of method calls on the local (`parts.push(name)`): what it is built from besides assignments. */
function methodArguments(declaration: ts.VariableDeclaration): ts.Expression[] {
  const scope = runtimeFunction(declaration);
  if (!scope || !ts.isIdentifier(declaration.name)) return [];
  const name = declaration.name.text;
  const found: ts.Expression[] = [];
  const look = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const receiver = skipParentheses(node.expression.expression);
      if (ts.isIdentifier(receiver) && receiver.text === name && findDeclaration(receiver) === declaration) found.push(...node.arguments);
    }
    ts.forEachChild(node, look);
  };
  look(scope);
  return found;
}
