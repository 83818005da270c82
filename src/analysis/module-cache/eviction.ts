import ts from "../../typescript.cts";
import { findDeclaration } from "../scope.ts";
import { runtimeFunction } from "./functions.ts";
import type { CacheUse } from "./uses.ts";
import { snippet } from "./snippet.ts";

export interface Eviction {
  node: ts.Node;
  detail: string;
}

/**
 * The first sign that the store is kept small by hand: `clear()`, replacing it, a size check, a
 * delete that is not error handling (a delete in a `catch` drops a failed entry; the store still
 * grows with every success), or writes made only while a count is under a limit.
 */
export function findEviction(uses: CacheUse[]): Eviction | undefined {
  for (const use of uses) {
    switch (use.kind) {
      case "clear":
        return { node: use.node, detail: use.detail };
      case "reassign":
        return { node: use.node, detail: `replaced: \`${snippet(use.node, 40)}\`` };
      case "size":
        if (use.compared) return { node: use.node, detail: `a size check: \`${snippet(use.node.parent, 40)}\`` };
        break;
      case "delete":
        if (!isErrorHandling(use.node)) return { node: use.node, detail: `\`${snippet(use.node)}\`${inTimer(use.node) ? " in a timer" : ""}` };
        break;
      case "set":
      case "fill": {
        const cap = limitGuarding(use.node);
        if (cap) return { node: cap, detail: `written only while \`${snippet(cap)}\`` };
        break;
      }
    }
  }
  return undefined;
}

/** In a `catch` block, a `.catch(…)` handler or the rejection handler of `.then(…, …)`. */
function isErrorHandling(node: ts.Node): boolean {
  for (let current: ts.Node = node; current.parent && !ts.isSourceFile(current.parent); current = current.parent) {
    const parent = current.parent;
    if (ts.isCatchClause(parent)) return true;
    if (ts.isFunctionLike(current) && ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression)) {
      const method = parent.expression.name.text;
      if (method === "catch" || (method === "then" && parent.arguments[1] === current)) return true;
    }
  }
  return false;
}

function inTimer(node: ts.Node): boolean {
  for (let current: ts.Node = node; current.parent && !ts.isSourceFile(current.parent); current = current.parent) {
    const parent = current.parent;
    if (ts.isFunctionLike(current) && ts.isCallExpression(parent) && /^(setTimeout|setInterval|setImmediate)$/.test(parent.expression.getText())) return true;
  }
  return false;
}

/** `if (cacheCount < cacheLimit) cache[k] = v`: a condition around the write that compares a module-level count or a size. */
function limitGuarding(write: ts.Node): ts.Expression | undefined {
  const fn = runtimeFunction(write);
  for (let current: ts.Node = write; current.parent && current !== fn; current = current.parent) {
    const parent = current.parent;
    let condition: ts.Expression | undefined;
    if (ts.isIfStatement(parent) && parent.expression !== current) condition = parent.expression;
    else if (ts.isConditionalExpression(parent) && parent.condition !== current) condition = parent.condition;
    else if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && parent.right === current) condition = parent.left;
    const limit = condition && comparisonWithCount(condition);
    if (limit) return limit;
  }
  return undefined;
}

function comparisonWithCount(condition: ts.Expression): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  const look = (node: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(node) && isRelational(node.operatorToken.kind) && (isCount(node.left) || isCount(node.right))) found = node;
    else if (!ts.isFunctionLike(node)) ts.forEachChild(node, look);
  };
  look(condition);
  return found;
}

function isRelational(kind: ts.SyntaxKind): boolean {
  return [ts.SyntaxKind.LessThanToken, ts.SyntaxKind.LessThanEqualsToken, ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.GreaterThanEqualsToken].includes(kind);
}

/** A module-level variable (a running count) or a `.size` / `.length`. */
function isCount(node: ts.Expression): boolean {
  if (ts.isPropertyAccessExpression(node)) return node.name.text === "size" || node.name.text === "length";
  if (!ts.isIdentifier(node)) return false;
  const declaration = findDeclaration(node);
  return declaration !== undefined && ts.isVariableDeclaration(declaration) && runtimeFunction(declaration) === undefined && ts.isSourceFile(declaration.parent.parent.parent);
}
