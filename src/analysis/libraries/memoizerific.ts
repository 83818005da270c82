import ts from "../../typescript.cts";
import { codeMessage } from "../codes.ts";
import { memoizedFunctionFacts } from "../memoized-function.ts";
import { skipWrappers } from "../module-ref.ts";
import { findDeclaration } from "../scope.ts";
import type { KeyFinding } from "../site.ts";
import { withoutDefault, type AdapterVerdict, type CallContext, type LibraryAdapter } from "./adapter.ts";
import { curriedApplication } from "./curried.ts";
import { sizeArgument } from "./size-option.ts";

/**
 * memoizerific (CommonJS function): `memoizerific(limit)(fn)`. The site is the `memoizerific(limit)`
 * call, which holds the bound: a limit of 0 or none keeps everything. Every function wrapped by one
 * `memoizerific(limit)` result shares its cache.
 */
export const memoizerific: LibraryAdapter = {
  id: "memoizerific",
  prefilter: /\bmemoizerific\b/,
  isLibraryModule: (module) => module === "memoizerific",
  isMemoizer: (ref) => ref.module === "memoizerific" && withoutDefault(ref.path).length === 0,
  analyse: analyseMemoizerific,
  // `memoizerific(limit)(fn)`: keyed on all arguments. A wrapper held in a variable may serve several functions: not described.
  cacheKeys: ({ call }) => {
    const memoized = curriedApplication(call)?.arguments[0];
    return memoized && { memoized, by: { kind: "arguments", which: "all" } };
  },
};

function analyseMemoizerific({ call, max }: CallContext): AdapterVerdict {
  const applied = curriedApplication(call);
  const fn = memoizedFunctionFacts(applied?.arguments[0]);
  const findings: KeyFinding[] = [...sharedWrapperFindings(call)];
  if (fn?.async) findings.push({ code: "MC201", message: codeMessage("MC201") });
  const setLimit = { kind: "set-argument", argIndex: 0, value: String(max) } as const;
  // memoizerific evicts only when `limit > 0`.
  const limit = sizeArgument(call.arguments[0], (value) => value > 0);
  switch (limit.kind) {
    case "absent":
      return { bounded: false, code: "MC109", verdict: "rewrite", plan: [setLimit], findings, fn };
    case "unbounded":
      return { bounded: false, code: "MC109", detail: `limit ${limit.value}`, verdict: "rewrite", plan: [setLimit], findings, fn };
    case "bounded":
      return { bounded: true, max: limit.max, code: "MC110", detail: `limit ${limit.max}`, verdict: "none", findings, fn };
    case "expression":
      return { bounded: true, code: "MC110", detail: `limit ${limit.text}`, verdict: "none", findings, fn };
  }
}

/** `const m = memoizerific(n)` then `m(f)` and `m(g)`: f and g answer from one cache (MC406). */
function sharedWrapperFindings(call: ts.CallExpression): KeyFinding[] {
  let node: ts.Node = call;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const declaration = node.parent;
  if (!ts.isVariableDeclaration(declaration) || declaration.initializer !== node || !ts.isIdentifier(declaration.name)) return [];
  const name = declaration.name.text;
  let applications = 0;
  const visit = (child: ts.Node): void => {
    if (ts.isCallExpression(child)) {
      const callee = skipWrappers(child.expression);
      if (ts.isIdentifier(callee) && callee.text === name && findDeclaration(callee) === declaration) applications++;
    }
    ts.forEachChild(child, visit);
  };
  visit(call.getSourceFile());
  if (applications < 2) return [];
  return [{ code: "MC406", message: codeMessage("MC406", `${name} wraps ${applications} functions`) }];
}
