import type ts from "../../typescript.cts";
import { codeMessage } from "../codes.ts";
import type { FunctionFacts } from "../memoized-function.ts";
import { mayHaveOption } from "../options-object.ts";
import type { KeyFinding } from "../site.ts";
import { withoutDefault, type LibraryAdapter } from "./adapter.ts";
import { cacheOptionVerdict } from "./cache-option.ts";
import { argumentKeys } from "./cache-keys.ts";

const FAST_MEMOIZE = "fast-memoize";
/** The formatjs fork: ESM only, named `memoize`, and a cache type an LRUCache satisfies. */
const FORMATJS = "@formatjs/fast-memoize";
const OPTIONS_ARGUMENT = 1;

/**
 * fast-memoize and @formatjs/fast-memoize: `memoize(fn, { cache?, serializer?, strategy? })`, an
 * object without prototype keyed by the JSON of the arguments, or by the first argument alone when
 * `fn.length === 1`. Bounded through the documented cache factory: `cache: { create: () => store }`.
 */
export const fastMemoize: LibraryAdapter = {
  id: "fast-memoize",
  prefilter: /fast-memoize/,
  isLibraryModule: (module) => module === FAST_MEMOIZE || module === FORMATJS,
  isMemoizer(ref) {
    if (ref.module === FAST_MEMOIZE) return withoutDefault(ref.path).length === 0;
    return ref.module === FORMATJS && ref.path.length === 1 && ref.path[0] === "memoize";
  },
  // The default strategy keys on the first argument alone when `fn.length === 1`, else on the JSON of all of them.
  cacheKeys: argumentKeys((length) => (length === 1 ? "first" : "all"), { index: OPTIONS_ARGUMENT, keepsKey: ["cache"] }),
  analyse(context) {
    const options = context.call.arguments[OPTIONS_ARGUMENT];
    const findings = [...monadicFindings(context.fn, options)];
    if (context.fn?.async) findings.push({ code: "MC201", message: codeMessage("MC201") });
    // fast-memoize declares the store's `get` as returning V, never undefined, which LRUCache's does not satisfy.
    const typesRejectLruCache = context.ref.module === FAST_MEMOIZE;
    return cacheOptionVerdict({ unbounded: "MC103", optionsIndex: OPTIONS_ARGUMENT, form: "factory", typesRejectLruCache }, context, findings);
  },
};

/** The default strategy goes monadic when `fn.length === 1`: later parameters are neither passed nor keyed. */
function monadicFindings(fn: FunctionFacts | undefined, options: ts.Expression | undefined): KeyFinding[] {
  if (!fn || fn.length !== 1 || (fn.arity < 2 && !fn.hasRest) || mayHaveOption(options, "strategy")) return [];
  const detail = fn.hasRest ? "the function takes rest parameters after the first" : `the function declares ${fn.arity} parameters`;
  return [{ code: "MC405", message: codeMessage("MC405", detail) }];
}
