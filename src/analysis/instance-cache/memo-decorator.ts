import ts from "../../typescript.cts";
import { resolveModuleRef } from "../module-ref.ts";
import { DECORATOR_LIBRARIES, type DecoratorLibrary } from "./decorator-libraries.ts";

export interface MemoDecorator {
  node: ts.Decorator;
  library: DecoratorLibrary;
  exportName: string;
  module: string;
  /** The local binding the decorator is reached through (`Memoize` in `@Memoize()`, `tsm` in `@tsm.Memoize()`). */
  binding: string;
  args: readonly ts.Expression[] | undefined;
}

/** A member's memoizing decorators, and how many other decorators it has. */
export interface MemoDecorators {
  memo: MemoDecorator[];
  others: number;
}

/** The memoizing decorator on a class member, if it has one, resolved through the file's imports. */
export function memoDecoratorOf(member: ts.ClassElement): MemoDecorators | undefined {
  if (!ts.canHaveDecorators(member)) return undefined;
  const decorators = ts.getDecorators(member) ?? [];
  const memo: MemoDecorator[] = [];
  for (const node of decorators) {
    const expression = node.expression;
    const callee = ts.isCallExpression(expression) ? expression.expression : expression;
    const ref = resolveModuleRef(callee);
    if (!ref) continue;
    for (const library of DECORATOR_LIBRARIES) {
      const exportName = library.exportOf(ref);
      if (exportName === undefined) continue;
      memo.push({ node, library, exportName, module: ref.module, binding: rootName(callee), args: ts.isCallExpression(expression) ? expression.arguments : undefined });
      break;
    }
  }
  return memo.length > 0 ? { memo, others: decorators.length - memo.length } : undefined;
}

function rootName(expression: ts.Expression): string {
  let node = expression;
  while (ts.isPropertyAccessExpression(node)) node = node.expression;
  return ts.isIdentifier(node) ? node.text : node.getText();
}
