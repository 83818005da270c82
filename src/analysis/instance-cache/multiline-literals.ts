import ts from "../../typescript.cts";

/**
 * Does the node hold a string or template literal that spans lines? Re-indenting moved code would
 * change such a literal's value, so it is moved as it is.
 */
export function hasMultilineLiteral(node: ts.Node, sourceFile: ts.SourceFile): boolean {
  if (ts.isStringLiteralLike(node) || ts.isTemplateExpression(node)) {
    return node.getText(sourceFile).includes("\n");
  }
  return ts.forEachChild(node, (child) => hasMultilineLiteral(child, sourceFile)) ?? false;
}
