import ts from "../../typescript.cts";

/** The call that applies a curried memoizer's result right away: the outer call of `memoizerific(n)(fn)`. */
export function curriedApplication(call: ts.CallExpression): ts.CallExpression | undefined {
  let node: ts.Node = call;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  return ts.isCallExpression(node.parent) && node.parent.expression === node ? node.parent : undefined;
}
