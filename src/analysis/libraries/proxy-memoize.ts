import { sizeOption } from "./size-option.ts";
import type { AdapterVerdict, CallContext, LibraryAdapter } from "./adapter.ts";

const PROXY_MEMOIZE = "proxy-memoize";
const MEMOIZERS = new Set(["memoize", "memoizeWithArgs"]);

/**
 * proxy-memoize 3: `memoize(fn, { size? })` and `memoizeWithArgs(fn, { size? })` keep `size` results
 * (1 by default) plus a WeakMap tier keyed by the argument object: bounded as they stand.
 */
export const proxyMemoize: LibraryAdapter = {
  id: PROXY_MEMOIZE,
  prefilter: /proxy-memoize/,
  isLibraryModule: (module) => module === PROXY_MEMOIZE,
  isMemoizer: (ref) => ref.module === PROXY_MEMOIZE && ref.path.length === 1 && MEMOIZERS.has(ref.path[0]!),
  analyse: analyseProxyMemoize,
};

function analyseProxyMemoize({ call }: CallContext): AdapterVerdict {
  const size = sizeOption(call.arguments[1], "size", (value) => value > 0 && Number.isFinite(value));
  switch (size.kind) {
    case "bounded":
      return { bounded: true, max: size.max, code: "MC110", detail: `size ${size.max}`, verdict: "none", findings: [] };
    case "expression":
      return { bounded: true, code: "MC110", detail: `size ${size.text}`, verdict: "none", findings: [] };
    case "unbounded":
      // proxy-memoize's ring never grows past `size`; a non-finite size is a mistake but not a leak it can have.
      return { bounded: true, code: "MC110", detail: `size ${size.value}`, verdict: "none", findings: [] };
    default:
      return { bounded: true, max: 1, code: "MC112", detail: "proxy-memoize keeps one result (and a WeakMap tier per argument object)", verdict: "none", findings: [] };
  }
}
