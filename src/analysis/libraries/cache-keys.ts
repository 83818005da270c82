import type ts from "../../typescript.cts";
import { optionOutside } from "../async-split/async-support.ts";
import { memoizedFunctionFacts } from "../memoized-function.ts";
import type { CallContext } from "./adapter.ts";

/**
 * What one call's cache keys on, as far as the bounded-by-construction check needs it
 * (src/analysis/bounded-keys.ts). An adapter answers undefined when an option or a resolver of its
 * own makes the key in a way this does not describe.
 */
export interface CacheKeys {
  /** The memoized function (the call's first argument; the outer call's for a curried memoizer). */
  memoized: ts.Expression;
  by: KeySource;
}

export type KeySource =
  /** The first `count` declared parameters whatever a call passes (memoizee: `fn.length`); all before the first default or rest by default. */
  | { kind: "declared-parameters"; count?: number }
  /** What a call passes: its first argument (lodash, mem), or all of them (moize, memize). */
  | { kind: "arguments"; which: "first" | "all" }
  /** What this function returns for the call's arguments (lodash's resolver). */
  | { kind: "resolver"; resolver: ts.Expression };

/**
 * Keys on the arguments a call passes, unless the options argument (at `optionsIndex`) holds an
 * option outside `keepsKey`, the options that do not change the key, or is not an object literal.
 * `which` may depend on `fn.length` (fast-memoize, nano-memoize): a function then.
 */
export function argumentKeys(
  which: "first" | "all" | ((length: number) => "first" | "all"),
  options?: { index: number; keepsKey: readonly string[] },
): (context: CallContext) => CacheKeys | undefined {
  return ({ call }) => {
    const memoized = call.arguments[0];
    if (!memoized) return undefined;
    if (options && optionOutside(call.arguments[options.index], options.keepsKey)) return undefined;
    if (typeof which === "string") return { memoized, by: { kind: "arguments", which } };
    const fn = memoizedFunctionFacts(memoized);
    return fn ? { memoized, by: { kind: "arguments", which: which(fn.length) } } : undefined;
  };
}
