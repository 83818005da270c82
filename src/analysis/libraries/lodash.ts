import ts from "../../typescript.cts";
import { cacheAssignmentPlan, existingCacheAssignment } from "../cache-placement.ts";
import type { KeyFinding } from "../site.ts";
import { codeMessage } from "../codes.ts";
import { lruCacheMax } from "../options-object.ts";
import { resolveModuleRef } from "../module-ref.ts";
import { withoutDefault, type AdapterVerdict, type CallContext, type LibraryAdapter } from "./adapter.ts";
import { parameterKeyParts, type KeyPart } from "./object-key.ts";
import type { FunctionTypeFacts } from "../types/type-facts.ts";

const WHOLE_LIBRARY = /^lodash(-es)?$/;
const MEMOIZE_MODULE = /^(lodash(-es)?\/memoize(\.js)?|lodash\.memoize)$/;

/** lodash, lodash-es and lodash.memoize: `memoize(fn, resolver?)`, unbounded MapCache, first-argument key. */
export const lodash: LibraryAdapter = {
  id: "lodash",
  prefilter: /\blodash\b|lodash[.-]|\bmemoize\b/,
  isLibraryModule: (module) => WHOLE_LIBRARY.test(module) || MEMOIZE_MODULE.test(module),
  isMemoizer(ref) {
    const path = withoutDefault(ref.path);
    if (WHOLE_LIBRARY.test(ref.module)) return path.length === 1 && path[0] === "memoize";
    return MEMOIZE_MODULE.test(ref.module) && path.length === 0;
  },
  analyse: analyseLodash,
  identityKeyParts: ({ call, types }) => keyParts(call, types),
  cacheKeys: ({ call }) => {
    const [memoized, resolver] = call.arguments;
    return memoized && { memoized, by: resolver ? { kind: "resolver", resolver } : { kind: "arguments", which: "first" } };
  },
  asyncSupport: ({ call }) => ({
    syncCore: { callee: call.expression.getText(), keys: "first-argument" },
    evictsRejections: false,
    fetchCacheBlocked: call.arguments.length > 1 ? "the resolver decides the key" : undefined,
  }),
};

function analyseLodash({ call, fn, max, sourceFile, types }: CallContext): AdapterVerdict {
  const typed = call.arguments[0] && types.functionOf(call.arguments[0]);
  const findings = lodashFindings(call, fn, typed);
  if (replacesCacheClass(sourceFile)) {
    return { bounded: false, code: "MC904", verdict: "skip", findings };
  }
  const existing = existingCacheAssignment(call);
  if (existing) {
    const bound = lruCacheMax(existing);
    return { bounded: true, max: bound, code: "MC111", detail: bound ? `LRUCache max ${bound}` : undefined, verdict: "none", findings };
  }
  // LRUCache does not store undefined: such results would be recomputed on every call, their side
  // effects repeated. lodash caches what the function returns (a promise, for an async one).
  const keepUndefined = typed?.result.mayBeUndefined === true;
  return {
    bounded: false,
    code: "MC101",
    detail: keepUndefined ? "results can be undefined: kept by lruCacheKeepingUndefined" : undefined,
    verdict: "rewrite",
    plan: [cacheAssignmentPlan(call, max, keepUndefined)],
    needsLruCache: true,
    findings,
  };
}

/** Key bugs and cached promises; from the function's declaration, or its type when the declaration is out of sight. */
function lodashFindings(call: ts.CallExpression, fn: CallContext["fn"], typed: FunctionTypeFacts | undefined): KeyFinding[] {
  const findings: KeyFinding[] = [];
  const hasResolver = call.arguments.length > 1;
  const arity = fn?.arity ?? typed?.parameters.length ?? 0;
  const hasRest = fn?.hasRest ?? typed?.parameters.some((parameter) => parameter.rest) ?? false;
  if (!hasResolver && (arity > 1 || hasRest)) {
    const detail = hasRest ? "the function takes rest parameters" : `the function takes ${arity} parameters`;
    findings.push({ code: "MC402", message: codeMessage("MC402", detail) });
  }
  if (fn?.async || typed?.returnsPromise) findings.push({ code: "MC201", message: codeMessage("MC201") });
  return findings;
}

/** lodash keys on what the resolver returns, else on the first argument, both compared with SameValueZero. */
function keyParts(call: ts.CallExpression, types: CallContext["types"]): KeyPart[] {
  const [memoized, resolver] = call.arguments;
  if (resolver) {
    const result = types.functionOf(resolver)?.result;
    return result ? [{ label: "the resolver's result", facts: result }] : [];
  }
  return memoized ? parameterKeyParts(types.functionOf(memoized), 1) : [];
}

const replacesCacheClassMemo = new WeakMap<ts.SourceFile, boolean>();

/** `_.memoize.Cache = SomeClass` anywhere in the module: that class, not memocap, decides the bound. */
function replacesCacheClass(sourceFile: ts.SourceFile): boolean {
  let answer = replacesCacheClassMemo.get(sourceFile);
  if (answer === undefined) {
    answer = /\.Cache\s*=[^=]/.test(sourceFile.text) && containsCacheClassAssignment(sourceFile);
    replacesCacheClassMemo.set(sourceFile, answer);
  }
  return answer;
}

function containsCacheClassAssignment(node: ts.Node): boolean {
  if (
    ts.isBinaryExpression(node) &&
    node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    ts.isPropertyAccessExpression(node.left) &&
    node.left.name.text === "Cache"
  ) {
    const target = resolveModuleRef(node.left.expression);
    if (target && lodash.isMemoizer(target)) return true;
  }
  return ts.forEachChild(node, containsCacheClassAssignment) ?? false;
}
