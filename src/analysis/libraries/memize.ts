import { codeMessage } from "../codes.ts";
import type { RewritePlan } from "../site.ts";
import { withoutDefault, type AdapterVerdict, type CallContext, type LibraryAdapter } from "./adapter.ts";
import { sizeOption } from "./size-option.ts";
import { parameterIdentityKey } from "./object-key.ts";
import { argumentKeys } from "./cache-keys.ts";

const OPTIONS_ARGUMENT = 1;

/** memize (ESM default export, CommonJS function): `memize(fn, { maxSize? })`, an LRU list, unbounded without maxSize. */
export const memize: LibraryAdapter = {
  id: "memize",
  prefilter: /\bmemize\b/,
  isLibraryModule: (module) => module === "memize",
  isMemoizer: (ref) => ref.module === "memize" && withoutDefault(ref.path).length === 0,
  analyse: analyseMemize,
  identityKeyParts: parameterIdentityKey("all"),
  cacheKeys: argumentKeys("all", { index: OPTIONS_ARGUMENT, keepsKey: ["maxSize"] }),
};

function analyseMemize({ call, fn, max }: CallContext): AdapterVerdict {
  const findings = fn?.async ? [{ code: "MC201", message: codeMessage("MC201") }] : [];
  const setMaxSize: RewritePlan = { kind: "set-option", argIndex: OPTIONS_ARGUMENT, name: "maxSize", value: String(max) };
  const current = sizeOption(call.arguments[OPTIONS_ARGUMENT], "maxSize", evictsAt);
  switch (current.kind) {
    case "absent":
      return { bounded: false, code: "MC108", verdict: "rewrite", plan: [setMaxSize], findings };
    case "unbounded":
      return { bounded: false, code: "MC108", detail: `maxSize ${current.value}`, verdict: "rewrite", plan: [setMaxSize], findings };
    case "bounded":
      return { bounded: true, max: current.max, code: "MC110", detail: `maxSize ${current.max}`, verdict: "none", findings };
    case "expression":
      return { bounded: true, code: "MC110", detail: `maxSize ${current.text}`, verdict: "none", findings };
    case "unreadable":
      return { bounded: false, code: "MC902", detail: current.detail, verdict: "skip", findings };
  }
}

/** memize evicts when `size === maxSize`: a size of 0, below 0 or fractional is never reached. */
function evictsAt(maxSize: number): boolean {
  return maxSize >= 1 && Number.isInteger(maxSize);
}
