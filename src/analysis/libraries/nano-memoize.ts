import { codeMessage } from "../codes.ts";
import type { FunctionFacts } from "../memoized-function.ts";
import { optionValue } from "../options-object.ts";
import type { KeyFinding } from "../site.ts";
import { withoutDefault, type CallContext, type LibraryAdapter } from "./adapter.ts";
import { migrationVerdict, usedHelpers, type MigratedLibrary } from "./migration.ts";
import ts from "../../typescript.cts";
import { parameterIdentityKey } from "./object-key.ts";
import { argumentKeys } from "./cache-keys.ts";

const NANO_MEMOIZE = "nano-memoize";

/**
 * nano-memoize 3 (`import nanomemoize from`, `require(...).nanomemoize` or `.default`): `nanomemoize(fn,
 * options?)` has no size limit at all (only `maxAge`), so its calls move to a wrapper over lru-cache
 * that keys as it did: by the first argument alone when `fn.length === 1` (and the function has no
 * rest parameter or `arguments`), else by every argument, each by identity.
 */
export const nanoMemoize: LibraryAdapter = {
  id: NANO_MEMOIZE,
  prefilter: /nano-memoize/,
  isLibraryModule: (module) => module === NANO_MEMOIZE,
  isMemoizer(ref) {
    const path = withoutDefault(ref.path);
    return ref.module === NANO_MEMOIZE && (path.length === 0 || (path.length === 1 && path[0] === "nanomemoize"));
  },
  analyse: (context) => migrationVerdict(NANO_MIGRATION, nanoMemoize, context, nanoFindings(context)),
  identityKeyParts: parameterIdentityKey("all", { index: 1, keyOptions: ["serializer", "equals"] }),
  cacheKeys: argumentKeys((length) => (length === 1 ? "first" : "all"), { index: 1, keepsKey: ["maxAge"] }),
};

const NANO_MIGRATION: MigratedLibrary = {
  helper: "nano-memoize",
  helperName: "boundedNanomemoize",
  unbounded: "MC115",
  options: {
    maxAge: undefined,
    vargs: undefined,
    serializer: undefined,
    equals: "an equality function cannot key an LRUCache",
    maxArgs: "nano-memoize matches maxArgs only for calls with exactly that many arguments",
  },
  blocker(call) {
    const used = usedHelpers(call, ["keys", "values"]);
    return used.length > 0 ? `the memoized function's ${used.join("() and ")}() are used, which the lru-cache wrapper does not have` : undefined;
  },
  detail: (options) => (options && optionValue(options, "maxAge").kind !== "absent" ? "maxAge becomes the LRUCache ttl" : undefined),
};

/** `(a, b = 1) => ...` has length 1: nano-memoize passes and keys the first argument only (MC405). */
function nanoFindings({ fn, call }: CallContext): KeyFinding[] {
  const findings: KeyFinding[] = [];
  if (droppedParameters(fn, call.arguments[1])) {
    findings.push({ code: "MC405", message: codeMessage("MC405", `nano-memoize; the function declares ${fn!.arity} parameters`) });
  }
  if (fn?.async) findings.push({ code: "MC201", message: codeMessage("MC201") });
  return findings;
}

function droppedParameters(fn: FunctionFacts | undefined, options: ts.Expression | undefined): boolean {
  if (!fn || fn.length !== 1 || fn.arity < 2 || fn.hasRest) return false;
  const literal = options && ts.isObjectLiteralExpression(options) ? options : undefined;
  const vargs = literal ? optionValue(literal, "vargs") : undefined;
  return !(vargs && vargs.kind !== "absent");
}
