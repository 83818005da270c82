import ts from "../../typescript.cts";
import { findDeclaration } from "../scope.ts";

/**
 * Why an expression cannot be evaluated once, at `insertAt`, instead of each time an instance is made
 * (or `undefined` when it can): it calls something other than the memoizer (and `Object.assign`), it
 * names a private member, or it reads a binding that is not initialised yet at `insertAt` (a `const`,
 * `let` or class declared later, or the class itself). Code inside nested functions runs later and
 * does not count.
 */
export function eagerEvaluationBlocker(expression: ts.Expression, allowedCalls: ReadonlySet<ts.Node>, insertAt: number): string | undefined {
  let reason: string | undefined;
  const visit = (node: ts.Node): void => {
    if (reason) return;
    if (ts.isPrivateIdentifier(node)) {
      reason = `it names the private member ${node.text}`;
      return;
    }
    if (ts.isFunctionLike(node)) {
      reason = privateNameIn(node);
      return;
    }
    if (ts.isTypeNode(node)) return;
    if (ts.isCallExpression(node) && !allowedCalls.has(node)) {
      reason = `it calls ${node.expression.getText()} once per instance`;
      return;
    }
    if (ts.isIdentifier(node) && isReference(node)) {
      const declaration = findDeclaration(node);
      if (declaration && !isHoisted(declaration) && declaration.getStart() >= insertAt) {
        reason = `it reads ${node.text} before it is initialised`;
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(expression);
  return reason;
}

function privateNameIn(node: ts.Node): string | undefined {
  if (ts.isPrivateIdentifier(node)) return `it names the private member ${node.text}`;
  return ts.forEachChild(node, privateNameIn);
}

function isReference(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === identifier) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent)) && parent.name === identifier) return false;
  return true;
}

/** Function declarations and imports hold their value before their line; variables (even `var`) and classes do not. */
function isHoisted(declaration: ts.Node): boolean {
  return (
    ts.isFunctionDeclaration(declaration) ||
    ts.isImportClause(declaration) ||
    ts.isImportSpecifier(declaration) ||
    ts.isNamespaceImport(declaration) ||
    ts.isImportEqualsDeclaration(declaration)
  );
}
