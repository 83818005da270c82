import ts from "../../typescript.cts";
import { codeMessage } from "../codes.ts";
import { siteDirectives } from "../directives.ts";
import { skipWrappers } from "../module-ref.ts";
import { findDeclaration } from "../scope.ts";
import type { Site } from "../site.ts";
import { fieldMemoizerCall, memoizedFunctionNode } from "./class-field-site.ts";
import { hasMultilineLiteral } from "./multiline-literals.ts";
import { FileNames, joinedName } from "./names.ts";
import { SHARE_INSTANCE_CACHE, type PerInstancePrototypePlan } from "./plan.ts";
import { functionReadsThis } from "./reads-this.ts";

/** `X.prototype.m = <memoizer call>` as a statement: the parts the rewrite needs. */
export interface PrototypeAssignment {
  statement: ts.ExpressionStatement;
  classIdentifier: ts.Identifier;
  className: string;
  method: string;
  target: ts.PropertyAccessExpression;
  value: ts.Expression;
  call: ts.CallExpression;
}

export function prototypeAssignment(statement: ts.Statement): PrototypeAssignment | undefined {
  if (!ts.isExpressionStatement(statement)) return undefined;
  const assignment = statement.expression;
  if (!ts.isBinaryExpression(assignment) || assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const target = assignment.left;
  if (!ts.isPropertyAccessExpression(target) || !ts.isIdentifier(target.name)) return undefined;
  const prototype = target.expression;
  if (!ts.isPropertyAccessExpression(prototype) || prototype.name.text !== "prototype" || !ts.isIdentifier(prototype.expression)) return undefined;
  const call = fieldMemoizerCall(assignment.right);
  if (!call) return undefined;
  return { statement, classIdentifier: prototype.expression, className: prototype.expression.text, method: target.name.text, target, value: assignment.right, call };
}

/**
 * One memoized function on the prototype serves every instance with one cache keyed without `this`:
 * when the method reads `this`, an instance gets the result computed for another. Each instance gets
 * its own memoized function (same library, same bound), kept in a WeakMap so that it goes with the
 * instance.
 */
export function prototypeSite(found: PrototypeAssignment, memoizeSite: Site, sourceFile: ts.SourceFile, names: FileNames, typed: boolean): Site | undefined {
  if (memoizeSite.verdict === "skip") return undefined;
  const argument = found.call.arguments[0];
  const isOwnMethod = argument !== undefined && skipWrappers(argument).getText(sourceFile) === found.target.getText(sourceFile);
  const fn = isOwnMethod ? prototypeMethod(found) : memoizedFunctionNode(argument);
  if (!fn || ts.isArrowFunction(fn) || !functionReadsThis(fn)) return undefined;

  const site: Site = {
    ...memoizeSite,
    kind: "prototype-assignment",
    name: `${found.className}.prototype.${found.method}`,
    code: "MC302",
    message: codeMessage("MC302", "prototype method memoized once for all instances"),
    findings: [],
    usesThis: true,
    plan: undefined,
    transform: undefined,
    needsLruCache: false,
  };
  const cacheStatement = followingCacheAssignment(found);
  const blocked = blocker(found, isOwnMethod, cacheStatement, typed);
  if (blocked) return { ...site, verdict: "skip", code: "MC321", message: `${codeMessage("MC321", blocked)}; ${site.message}` };
  if (siteDirectives(sourceFile, found.statement).ignore) return { ...site, verdict: "skip", code: "MC901", message: `${codeMessage("MC901")}; ${site.message}` };

  const base = joinedName(found.className, found.method);
  const plan: PerInstancePrototypePlan = {
    kind: "per-instance-prototype",
    statementStart: found.statement.getStart(sourceFile),
    statementEnd: found.statement.end,
    target: found.target.getText(sourceFile),
    callStart: found.value.getStart(sourceFile),
    callEnd: found.value.end,
    methodArgument: isOwnMethod ? { start: argument.getStart(sourceFile), end: argument.end } : undefined,
    uncachedName: isOwnMethod ? names.fresh(`${base}Uncached`) : undefined,
    byInstanceName: names.fresh(`${base}ByInstance`),
    locals: { args: names.fresh("args"), memoized: names.fresh("memoized") },
    cacheStatement: cacheStatement && {
      start: cacheStatement.statement.getStart(sourceFile),
      end: cacheStatement.statement.end,
      expressionStart: cacheStatement.expression.getStart(sourceFile),
      expressionEnd: cacheStatement.expression.end,
    },
    className: typed ? found.className : undefined,
    reindent: !hasMultilineLiteral(found.value, sourceFile),
  };
  return { ...site, verdict: "rewrite", transform: SHARE_INSTANCE_CACHE, plan: [plan] };
}

/** The method `X.prototype.m` holds before the memoizer wraps it: a class method, or an earlier assignment. */
function prototypeMethod(found: PrototypeAssignment): ts.SignatureDeclaration | undefined {
  const declaration = findDeclaration(found.classIdentifier);
  if (declaration && ts.isClassDeclaration(declaration)) {
    return declaration.members.find(
      (member): member is ts.MethodDeclaration =>
        ts.isMethodDeclaration(member) && !!member.body && member.name.getText() === found.method && !(ts.getModifiers(member) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword),
    );
  }
  const statements = (found.statement.parent as ts.Node & { statements?: ts.NodeArray<ts.Statement> }).statements ?? [];
  const targetText = found.target.getText();
  let method: ts.SignatureDeclaration | undefined;
  for (const statement of statements) {
    if (statement === found.statement) break;
    if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression)) continue;
    const { left, right, operatorToken } = statement.expression;
    if (operatorToken.kind !== ts.SyntaxKind.EqualsToken || left.getText() !== targetText) continue;
    const value = skipWrappers(right);
    method = ts.isFunctionExpression(value) ? value : undefined;
  }
  return method;
}

/** `X.prototype.m.cache = <expression>` right after the assignment: how bound-memoize bounds lodash. */
function followingCacheAssignment(found: PrototypeAssignment): { statement: ts.ExpressionStatement; expression: ts.Expression } | undefined {
  const statements: readonly ts.Statement[] = (found.statement.parent as ts.Node & { statements?: ts.NodeArray<ts.Statement> }).statements ?? [];
  const next = statements[statements.indexOf(found.statement) + 1];
  if (!next || !ts.isExpressionStatement(next) || !ts.isBinaryExpression(next.expression)) return undefined;
  const { left, right, operatorToken } = next.expression;
  if (operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isPropertyAccessExpression(left) || left.name.text !== "cache") return undefined;
  return left.expression.getText() === found.target.getText() ? { statement: next, expression: right } : undefined;
}

function blocker(found: PrototypeAssignment, isOwnMethod: boolean, cacheStatement: ReturnType<typeof followingCacheAssignment>, typed: boolean): string | undefined {
  if (!ts.isSourceFile(found.statement.parent) && !ts.isBlock(found.statement.parent) && !ts.isModuleBlock(found.statement.parent)) return "the assignment is not in a statement list";
  if (typed && !isOwnMethod) return "the memoized function is not the prototype's own method, which TypeScript needs to type each instance's function";
  if (cacheStatement && !ts.isNewExpression(skipWrappers(cacheStatement.expression))) return "the assigned cache is one object, which each instance would share";
  if (sharedCacheOption(found.value)) return "the cache option names one object, which each instance would share";
  return undefined;
}

/** A `cache: <name>` option (or property of Object.assign's second argument) that is not created in place. */
function sharedCacheOption(node: ts.Node): boolean {
  if (ts.isPropertyAssignment(node) && node.name.getText() === "cache") {
    const value = skipWrappers(node.initializer);
    return !ts.isNewExpression(value) && !ts.isObjectLiteralExpression(value);
  }
  if (ts.isShorthandPropertyAssignment(node) && node.name.text === "cache") return true;
  return ts.forEachChild(node, sharedCacheOption) ?? false;
}
