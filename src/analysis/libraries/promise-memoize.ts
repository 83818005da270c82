import ts from "../../typescript.cts";
import { memoizedFunctionFacts } from "../memoized-function.ts";
import { optionValue } from "../options-object.ts";
import { withoutDefault, type LibraryAdapter } from "./adapter.ts";
import { migrationVerdict, stringOption, type MigratedLibrary } from "./migration.ts";
import { argumentKeys } from "./cache-keys.ts";

const PROMISE_MEMOIZE = "promise-memoize";

/**
 * promise-memoize 1 (CommonJS function, no types): `promiseMemoize(fn, { maxAge?, maxErrorAge?, resolve? })`,
 * an object keyed by the joined arguments with no size limit, so its calls move to a wrapper over
 * lru-cache's `fetch()`: the same keys, concurrent calls shared, and rejected promises dropped.
 */
export const promiseMemoize: LibraryAdapter = {
  id: PROMISE_MEMOIZE,
  prefilter: /promise-memoize/,
  isLibraryModule: (module) => module === PROMISE_MEMOIZE,
  isMemoizer: (ref) => ref.module === PROMISE_MEMOIZE && withoutDefault(ref.path).length === 0,
  analyse: (context) => migrationVerdict(PROMISE_MIGRATION, promiseMemoize, context, []),
  cacheKeys: argumentKeys("all", { index: 1, keepsKey: ["maxAge", "maxErrorAge"] }),
  // The migration's lru-cache fetch() drops a rejected promise before the caller sees the rejection.
  asyncSupport: () => ({ evictsRejections: true }),
};

const PROMISE_MIGRATION: MigratedLibrary = {
  helper: "promise-memoize",
  helperName: "boundedPromiseMemoize",
  unbounded: "MC116",
  options: {
    maxAge: undefined,
    resolve: undefined,
    maxErrorAge: "rejections kept for a while have no lru-cache fetch() equivalent",
  },
  blocker(call) {
    const options = call.arguments[1];
    const literal = options && ts.isObjectLiteralExpression(options) ? options : undefined;
    const resolve = literal && optionValue(literal, "resolve");
    if (!resolve || resolve.kind === "absent") return undefined;
    const name = stringOption(literal, "resolve");
    if (name === "simple" || name === "json") return undefined;
    if (resolve.kind === "expression" && memoizedFunctionFacts(resolve.node)) return undefined;
    return "resolve is not \"simple\", \"json\" or a function the analysis can see (per-argument resolvers are not kept)";
  },
  detail(options, { fn }) {
    const notes: string[] = [];
    if (options && optionValue(options, "maxAge").kind !== "absent") notes.push("maxAge becomes the LRUCache ttl; promise-memoize's refresh before expiry is not kept");
    // promise-memoize calls the function directly; fetch() calls it inside a promise.
    if (!fn?.async) notes.push("if the function throws instead of rejecting, the call now returns a rejected promise");
    return notes.length > 0 ? notes.join("; ") : undefined;
  },
};
