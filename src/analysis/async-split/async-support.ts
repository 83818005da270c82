import ts from "../../typescript.cts";

/**
 * What a library adapter tells split-async about one call of its memoizer (`asyncSupport`). An
 * adapter without it gets NO_ASYNC_SUPPORT: its async sites are left to its own bound, reported.
 */
export interface AsyncSupport {
  /**
   * A fresh memoizer of this library around a synchronous core: `callee(core, options)`, unbounded
   * as written (the adapter bounds it in the next step, as it bounds any call of its own), keying on
   * the first or on every argument. Absent when the library cannot memoize a synchronous function.
   */
  syncCore?: { callee: string; options?: string; keys: "first-argument" | "all-arguments" };
  /** The call already evicts a rejected promise in time for an immediate retry (p-memoize, moize `isPromise`). */
  evictsRejections: boolean;
  /** The option that gives the call such a promise mode (moize `isPromise`, micro-memoize v4 `isPromise`, v5 `async`). */
  promiseOption?: { argIndex: number; name: string; value: string };
  /**
   * Why an LRUCache with a `fetchMethod` cannot stand in for this call of a one-parameter function
   * (a resolver, key or lifetime options of its own); undefined when it can: the call keys on that
   * one argument as a Map does.
   */
  fetchCacheBlocked?: string;
}

export const NO_ASYNC_SUPPORT: AsyncSupport = {
  evictsRejections: false,
  fetchCacheBlocked: "memocap does not know how this library keys promises",
};

/**
 * The first option of an options argument outside `allowed` (a spread or a computed name counts as
 * one): such an option may change the keys or the lifetime of what is cached.
 */
export function optionOutside(options: ts.Expression | undefined, allowed: readonly string[]): string | undefined {
  if (!options) return undefined;
  if (!ts.isObjectLiteralExpression(options)) return "options that are not an object literal";
  for (const property of options.properties) {
    const name = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
    if (!name) return ts.isSpreadAssignment(property) ? "spread options" : "a computed option";
    if (!allowed.includes(name)) return `the \`${name}\` option`;
  }
  return undefined;
}

/**
 * mem and memoize (sindresorhus): a Map keyed by the first argument (unless `cacheKey` says
 * otherwise), rejections cached; a fresh call memoizes a synchronous function the same way.
 */
export function firstArgumentMapSupport(library: string, optionsIndex: number): (context: { call: ts.CallExpression }) => AsyncSupport {
  return ({ call }) => {
    const option = optionOutside(call.arguments[optionsIndex], []);
    return {
      syncCore: { callee: call.expression.getText(), keys: "first-argument" },
      evictsRejections: false,
      fetchCacheBlocked: option && `${option} of ${library} has no LRUCache fetch counterpart`,
    };
  };
}
