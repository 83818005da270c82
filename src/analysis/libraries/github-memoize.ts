import { withoutDefault, type LibraryAdapter } from "./adapter.ts";
import { cacheOptionVerdict } from "./cache-option.ts";
import { argumentKeys } from "./cache-keys.ts";

const GITHUB_MEMOIZE = "@github/memoize";
const OPTIONS_ARGUMENT = 1;

/**
 * @github/memoize (the function; `@github/memoize/decorator` is a decorator): `memoize(fn, { hash?, cache? })`,
 * a Map keyed by the JSON of all arguments that drops rejected promises itself. Bounded through its
 * `cache` option, typed as a `Map`, which TypeScript does not take an LRUCache for: the rewrite says
 * `as Map<never, never>` in TypeScript (and types it in a JSDoc cast in JavaScript).
 */
export const githubMemoize: LibraryAdapter = {
  id: GITHUB_MEMOIZE,
  prefilter: /@github\/memoize/,
  isLibraryModule: (module) => module === GITHUB_MEMOIZE,
  isMemoizer: (ref) => ref.module === GITHUB_MEMOIZE && withoutDefault(ref.path).length === 0,
  cacheKeys: argumentKeys("all", { index: OPTIONS_ARGUMENT, keepsKey: ["cache"] }),
  analyse: (context) =>
    cacheOptionVerdict({ unbounded: "MC118", optionsIndex: OPTIONS_ARGUMENT, form: "instance", typesRejectLruCache: true, typesWantMap: true }, context, []),
  // A promise result gets a `.catch` that deletes its entry before the rejection reaches the caller.
  asyncSupport: () => ({ evictsRejections: true }),
};
