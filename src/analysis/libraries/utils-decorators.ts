import ts from "../../typescript.cts";
import { codeMessage } from "../codes.ts";
import { skipWrappers } from "../module-ref.ts";
import type { KeyFinding } from "../site.ts";
import type { AdapterVerdict, CallContext, LibraryAdapter } from "./adapter.ts";
import { cacheOptionVerdict } from "./cache-option.ts";
import { argumentKeys } from "./cache-keys.ts";

const UTILS_DECORATORS = "utils-decorators";
/** The function forms; the decorators `@memoize()` / `@memoizeAsync()` are another rewrite. */
const MEMOIZERS = new Set(["memoizify", "memoizeAsyncify"]);
const CONFIG_ARGUMENT = 1;

/**
 * utils-decorators 2: `memoizify(fn, config?)` and `memoizeAsyncify(fn, config?)`, a Map keyed by the
 * JSON of the arguments (or `keyResolver`). Bounded through the `cache` option; `memoizeAsyncify`
 * drops rejections itself, `memoizify` keeps them.
 */
export const utilsDecorators: LibraryAdapter = {
  id: UTILS_DECORATORS,
  prefilter: /utils-decorators/,
  isLibraryModule: (module) => module === UTILS_DECORATORS,
  isMemoizer: (ref) => ref.module === UTILS_DECORATORS && ref.path.length === 1 && MEMOIZERS.has(ref.path[0]!),
  analyse: analyseUtilsDecorators,
  cacheKeys: argumentKeys("all", { index: CONFIG_ARGUMENT, keepsKey: ["cache", "expirationTimeMs"] }),
  asyncSupport: ({ call, ref }) =>
    ref.path[0] === "memoizeAsyncify"
      ? { evictsRejections: true }
      : {
          syncCore: call.arguments.length > 1 ? undefined : { callee: call.expression.getText(), keys: "all-arguments" },
          evictsRejections: false,
          fetchCacheBlocked: "memoizify keys by the JSON of the arguments, not by identity",
        },
};

function analyseUtilsDecorators(context: CallContext): AdapterVerdict {
  const findings: KeyFinding[] = [];
  if (context.fn?.async && context.ref.path[0] === "memoizify") {
    findings.push({ code: "MC201", message: codeMessage("MC201", "memoizeAsyncify drops them") });
  }
  const config = context.call.arguments[CONFIG_ARGUMENT];
  if (config && ts.isNumericLiteral(skipWrappers(config))) {
    const detail = `a number as config only sets expirationTimeMs; write { expirationTimeMs: ${config.getText()} } and memocap adds the cache`;
    return { bounded: false, code: "MC906", detail, verdict: "skip", findings };
  }
  return cacheOptionVerdict({ unbounded: "MC117", optionsIndex: CONFIG_ARGUMENT, form: "instance", typesRejectLruCache: false }, context, findings);
}
