import ts from "../../typescript.cts";
import type { AsyncSupport } from "../async-split/async-support.ts";
import { codeMessage } from "../codes.ts";
import { optionValue } from "../options-object.ts";
import type { KeyFinding, RewritePlan } from "../site.ts";
import { withoutDefault, type AdapterVerdict, type CallContext, type LibraryAdapter } from "./adapter.ts";
import { sizeOption } from "./size-option.ts";
import { argumentKeys } from "./cache-keys.ts";

const MICRO_MEMOIZE = "micro-memoize";
const OPTIONS_ARGUMENT = 1;

/**
 * micro-memoize: `memoize(fn, options?)`, an LRU of `maxSize` argument lists, 1 by default. v5 exports
 * the named `memoize` and calls the promise option `async`; v4 has a default export and calls it
 * `isPromise`. Each major silently ignores the other's name (and keeps rejected promises), so the
 * option is read, and written (by split-async, through `asyncSupport`), for the major installed for
 * the file. `maxSize: Infinity` is unbounded in v4 only: v5 takes a finite maxSize alone and keeps
 * one entry otherwise.
 */
export const microMemoize: LibraryAdapter = {
  id: MICRO_MEMOIZE,
  prefilter: /micro-memoize/,
  isLibraryModule: (module) => module === MICRO_MEMOIZE,
  isMemoizer(ref) {
    const path = withoutDefault(ref.path);
    return ref.module === MICRO_MEMOIZE && (path.length === 0 || (path.length === 1 && path[0] === "memoize"));
  },
  analyse: analyseMicroMemoize,
  cacheKeys: argumentKeys("all", {
    index: OPTIONS_ARGUMENT,
    keepsKey: ["maxSize", "async", "isPromise", "expires", "forceUpdate", "statsName", "onCacheAdd", "onCacheChange", "onCacheHit"],
  }),
  asyncSupport: microMemoizeAsyncSupport,
};

interface Major {
  major: number;
  /** The name of the promise option in this major. */
  promiseOption: "async" | "isPromise";
  otherName: "async" | "isPromise";
  /** "micro-memoize 5.2.0 (node_modules)", for messages. */
  described: string;
}

function analyseMicroMemoize(context: CallContext): AdapterVerdict {
  const { call, fn, max } = context;
  const options = call.arguments[OPTIONS_ARGUMENT];
  const literal = options && ts.isObjectLiteralExpression(options) ? options : undefined;
  const has = (name: string) => literal !== undefined && optionValue(literal, name).kind !== "absent";
  // The version is read from disk only when an option name depends on it.
  let known: Major | undefined;
  const major = () => (known ??= installedMajor(context));

  const findings: KeyFinding[] = [];
  if (literal && (has("async") || has("isPromise")) && !has(major().promiseOption)) {
    const { described, promiseOption, otherName } = major();
    findings.push({ code: "MC202", message: codeMessage("MC202", `${described} reads \`${promiseOption}\`, not \`${otherName}\``) });
  } else if (fn?.async && !(literal && has(major().promiseOption))) {
    findings.push({ code: "MC201", message: codeMessage("MC201", `set \`${major().promiseOption}: true\` (${major().described})`) });
  }

  const size = sizeOption(options, "maxSize", (value) => Number.isFinite(value) && value >= 0);
  switch (size.kind) {
    case "absent":
      return { bounded: true, max: 1, code: "MC112", detail: "micro-memoize keeps the last call", verdict: "none", findings };
    case "bounded":
      return { bounded: true, max: size.max, code: "MC110", detail: `maxSize ${size.max}`, verdict: "none", findings };
    case "expression":
      return { bounded: true, code: "MC110", detail: `maxSize ${size.text}`, verdict: "none", findings };
    case "unreadable":
      return { bounded: false, code: "MC902", detail: size.detail, verdict: "skip", findings };
    case "unbounded": {
      // v5 takes only a finite maxSize and falls back to 1 otherwise: bounded, though not as written.
      if (major().major >= 5) {
        const ignored = { code: "MC430", message: codeMessage("MC430", `${major().described} keeps one entry when maxSize is ${size.value}`) };
        return { bounded: true, max: 1, code: "MC112", detail: `maxSize ${size.value} is not a finite number`, verdict: "none", findings: [...findings, ignored] };
      }
      const plan: RewritePlan[] = [{ kind: "set-option", argIndex: OPTIONS_ARGUMENT, name: "maxSize", value: String(max) }];
      return { bounded: false, code: "MC113", detail: `maxSize ${size.value}; ${major().described}`, verdict: "rewrite", plan, findings };
    }
  }
}

/** The promise mode split-async writes for a memoized async function: the option its major reads. */
function microMemoizeAsyncSupport(context: CallContext): AsyncSupport {
  const options = context.call.arguments[OPTIONS_ARGUMENT];
  if (options && !ts.isObjectLiteralExpression(options)) {
    return { evictsRejections: false, fetchCacheBlocked: "options that are not an object literal" };
  }
  const { promiseOption } = installedMajor(context);
  return {
    // The core keeps the call's options (its keys, and the maxSize bound-memoize bounds next).
    syncCore: { callee: context.call.expression.getText(), options: options?.getText(), keys: "all-arguments" },
    evictsRejections: options !== undefined && optionValue(options, promiseOption).kind !== "absent",
    promiseOption: { argIndex: OPTIONS_ARGUMENT, name: promiseOption, value: "true" },
  };
}

/**
 * The installed major; without one on disk, the import form tells: only v5 has the named `memoize`
 * export, only v4 a default one.
 */
function installedMajor({ ref, versionOf }: CallContext): Major {
  const installed = versionOf(MICRO_MEMOIZE);
  const major = installed?.major ?? (withoutDefault(ref.path)[0] === "memoize" ? 5 : 4);
  const described = installed ? `micro-memoize ${installed.version} (${installed.source})` : `micro-memoize ${major} (from the import form)`;
  return major >= 5 ? { major, promiseOption: "async", otherName: "isPromise", described } : { major, promiseOption: "isPromise", otherName: "async", described };
}
