import ts from "../typescript.cts";
import type { RewritePlan } from "./site.ts";

/**
 * Where to give a lodash-style memoized function its bounded cache. A memoized function that is
 * assigned to a name in a statement gets `name.cache = new LRUCache(...)` right after that
 * statement, which reads best in a diff; anywhere else (an argument, a property, a class field,
 * an annotated variable or, in TypeScript, an assignment whose target may not expose `cache`) the
 * call is wrapped in `Object.assign`.
 * When results can be undefined, the cache is one that keeps them (see RewritePlan).
 */
export function cacheAssignmentPlan(call: ts.CallExpression, max: number, keepUndefined: boolean): RewritePlan {
  const keep = keepUndefined ? { keepUndefined: true as const } : {};
  // In TypeScript the target of a plain assignment has a type declared elsewhere (a class field,
  // an annotated `let`) that need not expose `cache`: there the call is wrapped.
  const assignment = assignedName(call, { plainAssignments: !isTypeScript(call.getSourceFile()) });
  if (assignment) {
    return { kind: "assign-cache-after-statement", target: assignment.target, statementEnd: assignment.statement.end, max, ...keep };
  }
  return { kind: "wrap-assign-cache", max, ...keep };
}

/** Is a cache already given to this memoized function (by memocap or by hand)? Returns its text. */
export function existingCacheAssignment(call: ts.CallExpression): ts.Expression | undefined {
  const parent = call.parent;
  if (ts.isCallExpression(parent) && isObjectAssign(parent.expression) && parent.arguments[0] === call) {
    const extra = parent.arguments[1];
    if (extra && ts.isObjectLiteralExpression(extra)) {
      const cache = extra.properties.find((property) => property.name && ts.isIdentifier(property.name) && property.name.text === "cache");
      if (cache && ts.isPropertyAssignment(cache)) return cache.initializer;
    }
  }
  const assignment = assignedName(call);
  if (!assignment) return undefined;
  const statements = (assignment.statement.parent as ts.Node & { statements?: ts.NodeArray<ts.Statement> }).statements;
  for (const statement of statements ?? []) {
    if (!ts.isExpressionStatement(statement)) continue;
    const expression = statement.expression;
    if (
      ts.isBinaryExpression(expression) &&
      expression.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(expression.left) &&
      expression.left.name.text === "cache" &&
      expression.left.expression.getText() === assignment.target
    ) {
      return expression.right;
    }
  }
  return undefined;
}

function assignedName(call: ts.CallExpression, { plainAssignments } = { plainAssignments: true }): { target: string; statement: ts.Statement } | undefined {
  const parent = call.parent;
  if (ts.isVariableDeclaration(parent) && parent.initializer === call && ts.isIdentifier(parent.name) && !parent.type) {
    const statement = parent.parent.parent;
    if (ts.isVariableStatement(statement) && isInStatementList(statement)) {
      return { target: parent.name.text, statement };
    }
  }
  if (
    plainAssignments &&
    ts.isBinaryExpression(parent) &&
    parent.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    parent.right === call &&
    isSimpleReference(parent.left) &&
    ts.isExpressionStatement(parent.parent) &&
    isInStatementList(parent.parent)
  ) {
    return { target: parent.left.getText(), statement: parent.parent };
  }
  return undefined;
}

function isTypeScript(sourceFile: ts.SourceFile): boolean {
  return /\.[cm]?tsx?$/.test(sourceFile.fileName);
}

function isInStatementList(statement: ts.Statement): boolean {
  const owner = statement.parent;
  return ts.isSourceFile(owner) || ts.isBlock(owner) || ts.isModuleBlock(owner) || ts.isCaseClause(owner) || ts.isDefaultClause(owner);
}

/** `x`, `this.x`, `exports.x`, `module.exports.x`: safe to name twice. */
function isSimpleReference(node: ts.Expression): boolean {
  if (ts.isIdentifier(node) || node.kind === ts.SyntaxKind.ThisKeyword) return true;
  return ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name) && isSimpleReference(node.expression);
}

function isObjectAssign(callee: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === "Object" && callee.name.text === "assign";
}
