import ts from "../../typescript.cts";
import { codeMessage } from "../codes.ts";
import { optionValue } from "../options-object.ts";
import type { KeyFinding } from "../site.ts";
import { optionOutside } from "../async-split/async-support.ts";
import { withoutDefault, type AdapterVerdict, type CallContext, type LibraryAdapter } from "./adapter.ts";
import { parameterKeyParts, runtimeLength, type KeyPart } from "./object-key.ts";
import type { CacheKeys } from "./cache-keys.ts";

const MEMOIZEE_MODULE = /^memoizee(\/plain(\.js)?|\/index(\.js)?)?$/;
const OPTIONS_ARGUMENT = 1;

/** memoizee: `memoizee(fn, options?)`, unbounded unless `max` is set; LRU when it is. */
export const memoizee: LibraryAdapter = {
  id: "memoizee",
  prefilter: /\bmemoizee\b/,
  isLibraryModule: (module) => MEMOIZEE_MODULE.test(module),
  isMemoizer: (ref) => MEMOIZEE_MODULE.test(ref.module) && withoutDefault(ref.path).length === 0,
  analyse: analyseMemoizee,
  identityKeyParts: ({ call, types }) => keyParts(call, call.arguments[OPTIONS_ARGUMENT], types),
  cacheKeys: ({ call }) => cacheKeys(call),
  // `promise: true` drops a rejection one tick late (an immediate retry still gets it): not a promise mode here.
  asyncSupport: ({ call }) => {
    const options = call.arguments[OPTIONS_ARGUMENT];
    const otherOption = optionOutside(options, ["max", "promise"]);
    return {
      syncCore: optionOutside(options, ["max", "promise", "primitive", "length", "normalizer", "resolvers", "maxAge", "preFetch"])
        ? undefined
        : { callee: call.expression.getText(), keys: "all-arguments" },
      evictsRejections: false,
      fetchCacheBlocked: otherOption && `${otherOption} of memoizee has no LRUCache fetch counterpart`,
    };
  },
};

function analyseMemoizee({ call, fn, max, types }: CallContext): AdapterVerdict {
  const options = call.arguments[OPTIONS_ARGUMENT];
  const returnsPromise = fn?.async || (call.arguments[0] !== undefined && types.functionOf(call.arguments[0])?.returnsPromise === true);
  const findings = memoizeeFindings(options, fn, returnsPromise);
  const setMax = { kind: "set-option", argIndex: OPTIONS_ARGUMENT, name: "max", value: String(max) } as const;
  if (!options) {
    return { bounded: false, code: "MC102", verdict: "rewrite", plan: [setMax], findings };
  }
  if (!ts.isObjectLiteralExpression(options)) {
    return { bounded: false, code: "MC902", verdict: "skip", findings };
  }
  const current = optionValue(options, "max");
  switch (current.kind) {
    case "number":
      if (current.value > 0) return { bounded: true, max: current.value, code: "MC110", detail: `max ${current.value}`, verdict: "none", findings };
      return { bounded: false, code: "MC102", verdict: "rewrite", plan: [setMax], findings };
    case "infinite":
      return { bounded: false, code: "MC102", verdict: "rewrite", plan: [setMax], findings };
    case "expression":
      return { bounded: true, code: "MC110", detail: `max ${current.node.getText()}`, verdict: "none", findings };
    case "absent":
      if (current.hasSpread) return { bounded: false, code: "MC902", detail: "spread options may or may not set max", verdict: "skip", findings };
      return { bounded: false, code: "MC102", verdict: "rewrite", plan: [setMax], findings };
  }
}

/**
 * memoizee compares the first `length` arguments (default `fn.length`) with ===; `primitive` mode
 * turns them into strings and `normalizer`/`resolvers` make the key themselves.
 */
function keyParts(call: ts.CallExpression, options: ts.Expression | undefined, types: CallContext["types"]): KeyPart[] {
  const memoized = call.arguments[0];
  if (!memoized || (options && !ts.isObjectLiteralExpression(options))) return [];
  if (options && ts.isObjectLiteralExpression(options) && ["primitive", "normalizer", "resolvers"].some((name) => optionValue(options, name).kind !== "absent")) return [];
  const fn = types.functionOf(memoized);
  if (!fn) return [];
  const length = options && ts.isObjectLiteralExpression(options) ? optionValue(options, "length") : undefined;
  const count = length?.kind === "number" ? length.value : length?.kind === "expression" ? fn.parameters.length : runtimeLength(fn);
  return parameterKeyParts(fn, count);
}

/** The first `fn.length` (or `length`) arguments, all of them with `length: false`; a normalizer or resolvers make their own. */
function cacheKeys(call: ts.CallExpression): CacheKeys | undefined {
  const [memoized, options] = call.arguments;
  if (!memoized || optionOutside(options, ["max", "maxAge", "preFetch", "promise", "async", "primitive", "dispose", "length"])) return undefined;
  const length = options && ts.isObjectLiteralExpression(options) ? optionValue(options, "length") : undefined;
  if (!length || length.kind === "absent") return { memoized, by: { kind: "declared-parameters" } };
  if (length.kind === "number") return { memoized, by: { kind: "declared-parameters", count: length.value } };
  if (length.kind === "expression" && length.node.kind === ts.SyntaxKind.FalseKeyword) return { memoized, by: { kind: "arguments", which: "all" } };
  return undefined;
}

function memoizeeFindings(options: ts.Expression | undefined, fn: CallContext["fn"], returnsPromise: boolean): KeyFinding[] {
  const findings: KeyFinding[] = [];
  const literal = options && ts.isObjectLiteralExpression(options) ? options : undefined;
  const keysItself = literal && ["length", "normalizer", "resolvers"].some((name) => optionValue(literal, name).kind !== "absent");
  if (fn && !keysItself && (fn.hasRest || fn.hasDefaults)) {
    const detail = fn.hasRest ? "rest parameters are not part of the key" : "parameters with defaults are not part of the key";
    findings.push({ code: "MC403", message: codeMessage("MC403", detail) });
  }
  const promiseMode = literal && optionValue(literal, "promise").kind !== "absent";
  if (returnsPromise && !promiseMode) findings.push({ code: "MC201", message: codeMessage("MC201") });
  return findings;
}
