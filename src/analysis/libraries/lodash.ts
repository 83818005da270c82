import { ts } from "ts-morph";
import { cacheAssignmentPlan, existingCacheAssignment } from "../cache-placement.ts";
import type { KeyFinding } from "../site.ts";
import { codeMessage } from "../codes.ts";
import { lruCacheMax } from "../options-object.ts";
import { resolveModuleRef } from "../module-ref.ts";
import { withoutDefault, type AdapterVerdict, type CallContext, type LibraryAdapter } from "./adapter.ts";

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
};

function analyseLodash({ call, fn, max, sourceFile }: CallContext): AdapterVerdict {
  const findings = lodashFindings(call, fn);
  if (replacesCacheClass(sourceFile)) {
    return { bounded: false, code: "MC904", verdict: "skip", findings };
  }
  const existing = existingCacheAssignment(call);
  if (existing) {
    const bound = lruCacheMax(existing);
    return { bounded: true, max: bound, code: "MC111", detail: bound ? `LRUCache max ${bound}` : undefined, verdict: "none", findings };
  }
  return {
    bounded: false,
    code: "MC101",
    verdict: "rewrite",
    plan: [cacheAssignmentPlan(call, max)],
    needsLruCache: true,
    findings,
  };
}

function lodashFindings(call: ts.CallExpression, fn: CallContext["fn"]): KeyFinding[] {
  const findings: KeyFinding[] = [];
  const hasResolver = call.arguments.length > 1;
  if (fn && !hasResolver && (fn.arity > 1 || fn.hasRest)) {
    const detail = fn.hasRest ? "the function takes rest parameters" : `the function takes ${fn.arity} parameters`;
    findings.push({ code: "MC402", message: codeMessage("MC402", detail) });
  }
  if (fn?.async) findings.push({ code: "MC201", message: codeMessage("MC201") });
  return findings;
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
