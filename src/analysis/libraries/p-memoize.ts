import type { LibraryAdapter } from "./adapter.ts";
import { cacheOptionVerdict } from "./cache-option.ts";
import { firstArgumentKeyFindings } from "./first-argument-key.ts";
import { parameterIdentityKey } from "./object-key.ts";
import { argumentKeys } from "./cache-keys.ts";

const OPTIONS_ARGUMENT = 1;

/**
 * p-memoize 8 (ESM only, default export): `pMemoize(fn, { cacheKey?, cache?, shouldCache? })`, resolved
 * values in a Map keyed by the first argument. Rejections are not cached, so async is no finding here.
 */
export const pMemoize: LibraryAdapter = {
  id: "p-memoize",
  prefilter: /p-memoize/,
  isLibraryModule: (module) => module === "p-memoize",
  isMemoizer: (ref) => ref.module === "p-memoize" && ref.path.length === 1 && ref.path[0] === "default",
  asyncSupport: () => ({ evictsRejections: true }),
  identityKeyParts: parameterIdentityKey("first", { index: OPTIONS_ARGUMENT, keyOptions: ["cacheKey"] }),
  cacheKeys: argumentKeys("first", { index: OPTIONS_ARGUMENT, keepsKey: ["cache"] }),
  analyse(context) {
    const findings = firstArgumentKeyFindings("p-memoize", context.fn, context.call.arguments[OPTIONS_ARGUMENT]);
    return cacheOptionVerdict({ unbounded: "MC106", optionsIndex: OPTIONS_ARGUMENT, form: "instance", typesRejectLruCache: false }, context, findings);
  },
};
