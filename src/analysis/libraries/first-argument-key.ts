import type ts from "../../typescript.cts";
import { codeMessage } from "../codes.ts";
import type { FunctionFacts } from "../memoized-function.ts";
import type { KeyFinding } from "../site.ts";
import { mayHaveOption } from "../options-object.ts";

/**
 * mem, memoize and p-memoize key on the first argument unless a `cacheKey` option says otherwise:
 * a function of several parameters answers `f(1, 3)` with the result of `f(1, 2)` (MC404).
 */
export function firstArgumentKeyFindings(library: string, fn: FunctionFacts | undefined, options: ts.Expression | undefined): KeyFinding[] {
  if (!fn || mayHaveOption(options, "cacheKey")) return [];
  if (fn.arity < 2 && !fn.hasRest) return [];
  const detail = fn.hasRest ? `${library}; the function takes rest parameters` : `${library}; the function takes ${fn.arity} parameters`;
  return [{ code: "MC404", message: codeMessage("MC404", detail) }];
}
