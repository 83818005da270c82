import ts from "../../typescript.cts";
import type { FunctionNode } from "./async-function.ts";

/**
 * `this`, `super` or `arguments` as the function sees them (its own for a function expression, its
 * surroundings' for an arrow): code that depends on how, or from where, the function is called.
 */
export function usesOwnThisOrArguments(fn: FunctionNode): string | undefined {
  let found: string | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (node.kind === ts.SyntaxKind.ThisKeyword) found = "this";
    else if (node.kind === ts.SyntaxKind.SuperKeyword) found = "super";
    else if (ts.isIdentifier(node) && node.text === "arguments" && !ts.isPropertyAccessExpression(node.parent)) found = "arguments";
    else if ((ts.isFunctionLike(node) && !ts.isArrowFunction(node)) || ts.isClassLike(node)) return;
    else ts.forEachChild(node, visit);
  };
  for (const parameter of fn.parameters) visit(parameter);
  if (fn.body) visit(fn.body);
  return found;
}
