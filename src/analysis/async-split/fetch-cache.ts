import ts from "../../typescript.cts";
import type { RewritePlan } from "../site.ts";
import type { FunctionNode } from "./async-function.ts";
import { usesOwnThisOrArguments } from "./this-use.ts";
import { needsParentheses, type Placement } from "./placement.ts";
import { baseIndentation, reindented } from "./reindent.ts";
import type { AsyncTypes } from "./type-view.ts";

export interface FetchCacheRequest {
  sourceFile: ts.SourceFile;
  call: ts.CallExpression;
  /** The memoized function as written in the call (inline, or a name). */
  argument: ts.Expression;
  fn: FunctionNode;
  cacheName: string;
  max: number;
  placement: Placement;
  types: AsyncTypes;
}

export type FetchCacheResult = { plan: RewritePlan; note?: string } | { blocked: string };

/**
 * The fallback where the library has no promise mode that evicts in time: an LRUCache whose
 * `fetchMethod` is the memoized function. `fetch` keys on the one argument (as a Map does), shares
 * a promise in flight between callers, and drops the key when its promise rejects, before the
 * caller sees the rejection, so that an immediate retry calls the function again.
 */
export function fetchCachePlan(request: FetchCacheRequest): FetchCacheResult {
  const { fn, types, placement } = request;
  const parameters = fn.parameters.filter((parameter) => !(ts.isIdentifier(parameter.name) && parameter.name.text === "this"));
  const [parameter] = parameters;
  if (parameters.length !== 1 || !parameter) {
    return { blocked: `it takes ${parameters.length === 0 ? "no parameter" : `${parameters.length} parameters`}, and an LRUCache fetch has one key` };
  }
  if (parameter.dotDotDotToken || parameter.initializer || parameter.questionToken) return { blocked: "its parameter is optional or a rest parameter, and an LRUCache fetch needs a key" };
  // Without the memoizer's signature, an untyped parameter would be an implicit any (strict TypeScript).
  if (placement.typed && !parameter.type) return { blocked: "its parameter has no type, which the memoizer's signature supplied" };
  const own = usesOwnThisOrArguments(fn);
  if (own) return { blocked: `it uses \`${own}\`, which a fetchMethod is not called with` };

  const keyType = types.valueType(parameter.name);
  if (placement.typed && (keyType.kind === "any" ? mayBeEmptyByAnnotation(parameter) : keyType.mayBeUndefined || keyType.mayBeNull)) {
    return { blocked: "its parameter can be undefined or null, which an LRUCache key cannot be" };
  }
  const { settles } = types.returnType(fn);
  if (settles.kind !== "any" && /^(void|undefined)$/.test(settles.text)) {
    return { blocked: "it resolves to nothing, which an LRUCache does not keep: every call would run it again" };
  }
  if (placement.typed && settles.kind !== "any" && settles.mayBeNull) return { blocked: "it can resolve to null, which an LRUCache value cannot be" };

  // forceFetch is typed Promise<V>; it rejects when the value is undefined, so only where it cannot be.
  const definite = placement.typed && settles.kind !== "any" && !settles.mayBeUndefined;
  const method = definite ? "forceFetch" : "fetch";
  const key = ts.isIdentifier(parameter.name) ? parameter.name.text : "key";
  const keyAnnotation = placement.typed && parameter.type ? `: ${parameter.type.getText()}` : "";
  const returnAnnotation = placement.typed && fn.type ? `: ${fn.type.getText()}` : "";
  const wrapper = `(${key}${keyAnnotation})${returnAnnotation} => ${request.cacheName}.${method}(${key})`;
  const { sourceFile, argument, call } = request;
  const plan: RewritePlan = {
    kind: "lru-fetch-cache",
    insertAt: placement.insertAt,
    cacheName: request.cacheName,
    max: request.max,
    fetchMethod: reindented(sourceFile, argument.getStart(sourceFile), argument.end, baseIndentation(sourceFile, argument, call), placement.indent),
    semicolon: placement.semicolon,
    after: placement.after,
    wrapper: needsParentheses(call, "arrow") ? `(${wrapper})` : wrapper,
    anyKeys: !placement.typed && !ts.getJSDocType(parameter),
  };
  const note = definite ? undefined : "a result that is undefined is not kept: that call runs again next time";
  return { plan, note };
}

/** Without type facts, the annotation as written: `string | undefined`, `?`... */
function mayBeEmptyByAnnotation(parameter: ts.ParameterDeclaration): boolean {
  const annotation = parameter.type?.getText() ?? "";
  return /\b(undefined|null|unknown|any|void)\b/.test(annotation);
}
