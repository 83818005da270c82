import ts from "../../typescript.cts";
import { resolveModuleRef } from "../module-ref.ts";
import { findDeclaration } from "../scope.ts";
import { isValueReference } from "./run-facts.ts";

/**
 * A use, in this file, of what the memoizer returned beyond calling it: `f.cache`, `f.clear()`,
 * `memClear(f)`. A function that is no longer memoized has none of these.
 */
export function memoizerApiUse(call: ts.CallExpression, module: string): string | undefined {
  let node: ts.Node = call;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isSatisfiesExpression(node.parent) || ts.isNonNullExpression(node.parent)) {
    node = node.parent;
  }
  const declaration = node.parent;
  if (!ts.isVariableDeclaration(declaration) || declaration.initializer !== node || !ts.isIdentifier(declaration.name)) return undefined;
  const name = declaration.name.text;
  let found: string | undefined;
  const visit = (at: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(at) && at.text === name && at !== declaration.name && isValueReference(at) && findDeclaration(at) === declaration) {
      const parent = at.parent;
      if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === at) {
        found = parent.getText().replace(/\s+/g, " ");
      } else if (ts.isCallExpression(parent) && parent.arguments.includes(at) && resolveModuleRef(parent.expression)?.module === module) {
        found = `${parent.expression.getText()}(${name})`;
      }
    }
    ts.forEachChild(at, visit);
  };
  visit(call.getSourceFile());
  return found;
}
