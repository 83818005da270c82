import { codeMessage } from "../codes.ts";
import { firstArgumentMapSupport } from "../async-split/async-support.ts";
import type { LibraryAdapter } from "./adapter.ts";
import { cacheOptionVerdict } from "./cache-option.ts";
import { firstArgumentKeyFindings } from "./first-argument-key.ts";
import { parameterIdentityKey } from "./object-key.ts";
import { argumentKeys } from "./cache-keys.ts";

const OPTIONS_ARGUMENT = 1;

/** mem 10 (ESM only, default export): `mem(fn, { cacheKey?, cache?, maxAge? })`, a Map keyed by the first argument. */
export const mem: LibraryAdapter = {
  id: "mem",
  prefilter: /["']mem["']/,
  isLibraryModule: (module) => module === "mem",
  isMemoizer: (ref) => ref.module === "mem" && ref.path.length === 1 && ref.path[0] === "default",
  identityKeyParts: parameterIdentityKey("first", { index: OPTIONS_ARGUMENT, keyOptions: ["cacheKey"] }),
  cacheKeys: argumentKeys("first", { index: OPTIONS_ARGUMENT, keepsKey: ["cache", "maxAge"] }),
  analyse(context) {
    const findings = firstArgumentKeyFindings("mem", context.fn, context.call.arguments[OPTIONS_ARGUMENT]);
    if (context.fn?.async) findings.push({ code: "MC201", message: codeMessage("MC201") });
    return cacheOptionVerdict({ unbounded: "MC104", optionsIndex: OPTIONS_ARGUMENT, form: "instance", typesRejectLruCache: false }, context, findings);
  },
  asyncSupport: firstArgumentMapSupport("mem", OPTIONS_ARGUMENT),
};
