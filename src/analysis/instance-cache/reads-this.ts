import ts from "../../typescript.cts";

/**
 * Does a function read its receiver: `this` or `super` in its parameters or body, or in an arrow
 * function inside it (arrows share the receiver)? Nested `function`s and classes have a receiver of
 * their own and are not looked into.
 */
export function functionReadsThis(fn: ts.SignatureDeclaration): boolean {
  return ts.forEachChild(fn, (child) => (isType(child) || ts.isDecorator(child) ? false : mentionsReceiver(child))) ?? false;
}

/**
 * Does an expression read the receiver of the code it runs in: `this` or `super`, directly or in an
 * arrow function, not inside a nested `function` or class.
 */
export function mentionsReceiver(node: ts.Node): boolean {
  if (node.kind === ts.SyntaxKind.ThisKeyword || node.kind === ts.SyntaxKind.SuperKeyword) return true;
  if (isOwnReceiverScope(node) || isType(node)) return false;
  return ts.forEachChild(node, mentionsReceiver) ?? false;
}

function isOwnReceiverScope(node: ts.Node): boolean {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isClassLike(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isAccessor(node) ||
    ts.isConstructorDeclaration(node)
  );
}

/** `this` in a type (`this` types, `typeof this.x`) reads nothing at runtime. */
function isType(node: ts.Node): boolean {
  return ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node);
}
