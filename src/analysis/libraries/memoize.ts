import { codeMessage } from "../codes.ts";
import { firstArgumentMapSupport } from "../async-split/async-support.ts";
import type { LibraryAdapter } from "./adapter.ts";
import { cacheOptionVerdict } from "./cache-option.ts";
import { firstArgumentKeyFindings } from "./first-argument-key.ts";
import { parameterIdentityKey } from "./object-key.ts";
import { argumentKeys } from "./cache-keys.ts";

const OPTIONS_ARGUMENT = 1;

/** memoize 11 (ESM only, default export): `memoize(fn, { cacheKey?, cache?, maxAge? })`, a Map keyed by the first argument. */
export const memoize: LibraryAdapter = {
  id: "memoize",
  prefilter: /["']memoize["']/,
  isLibraryModule: (module) => module === "memoize",
  isMemoizer: (ref) => ref.module === "memoize" && ref.path.length === 1 && ref.path[0] === "default",
  identityKeyParts: parameterIdentityKey("first", { index: OPTIONS_ARGUMENT, keyOptions: ["cacheKey"] }),
  cacheKeys: argumentKeys("first", { index: OPTIONS_ARGUMENT, keepsKey: ["cache", "maxAge"] }),
  analyse(context) {
    const findings = firstArgumentKeyFindings("memoize", context.fn, context.call.arguments[OPTIONS_ARGUMENT]);
    if (context.fn?.async) findings.push({ code: "MC201", message: codeMessage("MC201") });
    return cacheOptionVerdict({ unbounded: "MC105", optionsIndex: OPTIONS_ARGUMENT, form: "instance", typesRejectLruCache: false }, context, findings);
  },
  asyncSupport: firstArgumentMapSupport("memoize", OPTIONS_ARGUMENT),
};
