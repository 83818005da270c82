import ts from "../../typescript.cts";
import { NO_ASYNC_SUPPORT, optionOutside, type AsyncSupport } from "../async-split/async-support.ts";
import { codeMessage } from "../codes.ts";
import { memoizedFunctionFacts, type FunctionFacts } from "../memoized-function.ts";
import { skipWrappers } from "../module-ref.ts";
import { mayHaveOption, optionValue } from "../options-object.ts";
import { findDeclaration } from "../scope.ts";
import type { KeyFinding, RewritePlan } from "../site.ts";
import { withoutDefault, type AdapterVerdict, type CallContext, type LibraryAdapter } from "./adapter.ts";
import { curriedApplication } from "./curried.ts";
import type { CacheKeys } from "./cache-keys.ts";
import { sizeArgument, sizeOption } from "./size-option.ts";

const MOIZE = "moize";

/**
 * The moizers that take the function (or, curried, an options object) and the cache size each
 * implies: plain `moize` keeps one entry, only `moize.infinite` keeps everything.
 */
const DEFAULT_SIZE = new Map<string, number>([
  ["moize", 1],
  ["deep", 1],
  ["promise", 1],
  ["react", 1],
  ["serialize", 1],
  ["shallow", 1],
  ["infinite", Number.POSITIVE_INFINITY],
]);

/**
 * moize 6 (CommonJS function, also `.default`): `moize(fn, options?)`, `moize.infinite(fn, options?)`,
 * the curried `moize(options)(fn)` and `moize.maxSize(n)(fn)`. An array-backed LRU of `maxSize`
 * entries, 1 by default; options given later override earlier ones.
 */
export const moize: LibraryAdapter = {
  id: "moize",
  prefilter: /\bmoize\b/,
  isLibraryModule: (module) => module === MOIZE,
  isMemoizer(ref) {
    if (ref.module !== MOIZE) return false;
    const path = withoutDefault(ref.path);
    return path.length === 0 || (path.length === 1 && (DEFAULT_SIZE.has(path[0]!) || path[0] === "maxSize"));
  },
  analyse: analyseMoize,
  cacheKeys: moizeCacheKeys,
  asyncSupport: moizeAsyncSupport,
};

function analyseMoize({ call, ref, fn, max }: CallContext): AdapterVerdict {
  const moizer = withoutDefault(ref.path)[0] ?? "moize";
  const outer = curriedApplication(call);
  if (moizer === "maxSize") return analyseMaxSizeFactory(call, outer, max);

  const [first] = call.arguments;
  if (!first) return { bounded: false, code: "MC902", detail: "moize called without a function", verdict: "skip", findings: [] };
  const curried = ts.isObjectLiteralExpression(skipWrappers(first));
  const optionsIndex = curried ? 0 : 1;
  const options = call.arguments[optionsIndex];
  const memoized = curried ? memoizedFunctionFacts(outer?.arguments[0]) : fn;
  const findings = asyncFindings(moizer, memoized, options);
  const verdict = (rest: Omit<AdapterVerdict, "findings" | "fn">): AdapterVerdict => ({ ...rest, findings, fn: memoized });
  if (curried && outer && outer.arguments.length > 1) {
    return verdict({ bounded: false, code: "MC902", detail: "options are given at both steps of a curried moize call", verdict: "skip" });
  }

  const size = sizeOption(options, "maxSize", () => true);
  const bound: RewritePlan[] = [{ kind: "set-option", argIndex: optionsIndex, name: "maxSize", value: String(max) }];
  // `moize.infinite(fn, opts)` → `moize(fn, { ...opts, maxSize })`: the same options, read as written.
  // A namespace (`import * as M`) is not callable, nor is a bare `infinite`: those keep their callee,
  // and the options given to `infinite` override its own `maxSize: Infinity` all the same.
  const callee = skipWrappers(call.expression);
  if (moizer === "infinite" && (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) && !isNamespace(callee.expression)) {
    bound.unshift({ kind: "replace-callee", text: callee.expression.getText() });
  }
  switch (size.kind) {
    case "absent": {
      const implied = DEFAULT_SIZE.get(moizer)!;
      if (implied !== Number.POSITIVE_INFINITY) return verdict({ bounded: true, max: implied, code: "MC112", detail: `moize keeps ${implied} entry`, verdict: "none" });
      return verdict({ bounded: false, code: "MC107", detail: "moize.infinite", verdict: "rewrite", plan: bound });
    }
    case "unbounded":
      return verdict({ bounded: false, code: "MC107", verdict: "rewrite", plan: bound });
    case "bounded":
      return verdict({ bounded: true, max: size.max, code: "MC110", detail: `maxSize ${size.max}`, verdict: "none" });
    case "expression":
      return verdict({ bounded: true, code: "MC110", detail: `maxSize ${size.text}`, verdict: "none" });
    case "unreadable":
      return verdict({ bounded: false, code: "MC902", detail: size.detail, verdict: "skip" });
  }
}

/** Options that leave the key as the argument list (compared by identity, deeply or shallowly). */
const KEEPS_KEY = ["maxSize", "isPromise", "maxAge", "isDeepEqual", "isShallowEqual", "isSerialized", "isReact", "profileName", "updateExpire", "onCacheAdd", "onCacheChange", "onCacheHit", "onExpire"];

/** Every argument, the function and options found at the step of a curried call that has them. */
function moizeCacheKeys({ call, ref }: CallContext): CacheKeys | undefined {
  const moizer = withoutDefault(ref.path)[0] ?? "moize";
  const outer = curriedApplication(call);
  const [first] = call.arguments;
  const curried = moizer === "maxSize" || (first !== undefined && ts.isObjectLiteralExpression(skipWrappers(first)));
  const memoized = curried ? outer?.arguments[0] : first;
  const options = moizer === "maxSize" ? outer?.arguments[1] : curried ? first : call.arguments[1];
  if (!memoized || optionOutside(options, KEEPS_KEY)) return undefined;
  return { memoized, by: { kind: "arguments", which: "all" } };
}

/** `moize.maxSize(n)`, the first step of `moize.maxSize(n)(fn, options?)`. */
function analyseMaxSizeFactory(call: ts.CallExpression, outer: ts.CallExpression | undefined, max: number): AdapterVerdict {
  const memoized = memoizedFunctionFacts(outer?.arguments[0]);
  const findings = asyncFindings("maxSize", memoized, outer?.arguments[1]);
  const verdict = (rest: Omit<AdapterVerdict, "findings" | "fn">): AdapterVerdict => ({ ...rest, findings, fn: memoized });
  if (outer && outer.arguments.length > 1) {
    return verdict({ bounded: false, code: "MC902", detail: "options are given at both steps of a curried moize call", verdict: "skip" });
  }
  const size = sizeArgument(call.arguments[0], () => true);
  switch (size.kind) {
    case "absent":
      return verdict({ bounded: false, code: "MC902", detail: "moize.maxSize without a size", verdict: "skip" });
    case "unbounded":
      return verdict({ bounded: false, code: "MC107", verdict: "rewrite", plan: [{ kind: "set-argument", argIndex: 0, value: String(max) }] });
    case "bounded":
      return verdict({ bounded: true, max: size.max, code: "MC110", detail: `maxSize ${size.max}`, verdict: "none" });
    case "expression":
      return verdict({ bounded: true, code: "MC110", detail: `maxSize ${size.text}`, verdict: "none" });
  }
}

/**
 * `moize.promise` and `isPromise: true` drop a rejected promise before an immediate retry; any other
 * moizer is given `isPromise: true` where its options are written in the call itself.
 */
function moizeAsyncSupport({ call, ref }: CallContext): AsyncSupport {
  const moizer = withoutDefault(ref.path)[0] ?? "moize";
  const [first] = call.arguments;
  if (moizer === "maxSize" || !first || ts.isObjectLiteralExpression(skipWrappers(first))) return NO_ASYNC_SUPPORT;
  const options = call.arguments[1];
  if (moizer === "promise" || isPromiseMode(options)) return { evictsRejections: true };
  if (options && !ts.isObjectLiteralExpression(options)) return NO_ASYNC_SUPPORT;
  // A core is memoized with `moize.infinite` (plain `moize` keeps one entry), which moize's bound then sizes.
  const callee = skipWrappers(call.expression);
  const infinite = moizer === "infinite" ? callee.getText() : `${(ts.isPropertyAccessExpression(callee) ? callee.expression : callee).getText()}.infinite`;
  return {
    syncCore: { callee: infinite, keys: "all-arguments" },
    evictsRejections: false,
    promiseOption: { argIndex: 1, name: "isPromise", value: "true" },
  };
}

function isPromiseMode(options: ts.Expression | undefined): boolean {
  if (!options || !ts.isObjectLiteralExpression(options)) return false;
  const value = optionValue(options, "isPromise");
  return value.kind === "expression" && value.node.kind === ts.SyntaxKind.TrueKeyword;
}

/** An async function cached without `isPromise` keeps its rejections. */
function asyncFindings(moizer: string, fn: FunctionFacts | undefined, options: ts.Expression | undefined): KeyFinding[] {
  if (!fn?.async || moizer === "promise" || mayHaveOption(options, "isPromise")) return [];
  return [{ code: "MC201", message: codeMessage("MC201") }];
}

function isNamespace(expression: ts.Expression): boolean {
  const node = skipWrappers(expression);
  if (!ts.isIdentifier(node)) return false;
  const declaration = findDeclaration(node);
  return declaration !== undefined && ts.isNamespaceImport(declaration);
}
