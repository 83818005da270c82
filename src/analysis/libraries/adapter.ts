import type ts from "../../typescript.cts";
import type { AsyncSupport } from "../async-split/async-support.ts";
import type { Code } from "../codes.ts";
import type { InstalledVersion } from "../installed-version.ts";
import type { FunctionFacts } from "../memoized-function.ts";
import type { KeyPart } from "./object-key.ts";
import type { CacheKeys } from "./cache-keys.ts";
import type { ModuleRef } from "../module-ref.ts";
import type { KeyFinding, RewritePlan } from "../site.ts";
import type { TypeFacts } from "../types/type-facts.ts";

/** What the driver knows about a call before a library adapter looks at it. */
export interface CallContext {
  call: ts.CallExpression;
  ref: ModuleRef;
  sourceFile: ts.SourceFile;
  /** The memoized function, when the first argument is one the analysis can see. */
  fn: FunctionFacts | undefined;
  /** The bound to write: `--max`, config, or a `memocap-max` comment. */
  max: number;
  /** The library's installed version for this file (read from disk on first use, then cached). */
  versionOf(library: string): InstalledVersion | undefined;
  /**
   * Type-checker facts about nodes of this file (the memoized function's parameters, result,
   * promise-ness). The typed program is built on the first question, so ask only when a verdict or
   * finding depends on it; every answer may be undefined ("the types cannot tell").
   */
  types: TypeFacts;
}

export interface AdapterVerdict {
  bounded: boolean;
  max?: number;
  code: Code;
  detail?: string;
  verdict: "rewrite" | "skip" | "none";
  plan?: RewritePlan[];
  needsLruCache?: boolean;
  findings: KeyFinding[];
  /** The transform that carries out `plan` (default "bound-memoize"). */
  transform?: string;
  /** Facts of the memoized function when it is not the call's first argument (curried forms: `memoizerific(n)(fn)`). */
  fn?: FunctionFacts;
}

/**
 * One module per memoization library: how to recognise its memoizer, how to tell bounded from
 * unbounded, and how to bound it. Adding a library means adding one adapter and its fixtures.
 */
export interface LibraryAdapter {
  id: string;
  /** Cheap text test: a file that does not match cannot contain a site of this library. */
  prefilter: RegExp;
  /** Is this module a source of the memoizer (used to collect candidate bindings)? */
  isLibraryModule(module: string): boolean;
  /** Does this module + property path name the memoizer function itself? */
  isMemoizer(ref: ModuleRef): boolean;
  analyse(context: CallContext): AdapterVerdict;
  /**
   * The parts of the cache key, for a library that compares them by identity (SameValueZero or ===):
   * an object-typed part misses whenever an equal object is made anew (MC401). Absent, or empty, when
   * the library serialises its key or the call's options change how it compares.
   */
  identityKeyParts?(context: CallContext): KeyPart[];
  /**
   * What the call's cache keys on, for the bounded-by-construction check (no parameters, or keys of
   * a few values only); undefined when the call's options or resolver make the key otherwise.
   */
  cacheKeys?(context: CallContext): CacheKeys | undefined;
  /** For a memoized async function: how split-async may rewrite this call (see async-support.ts). */
  asyncSupport?(context: CallContext): AsyncSupport;
}

/** `import _ from "lodash"` makes `default` the module itself for CommonJS libraries. */
export function withoutDefault(path: string[]): string[] {
  return path.filter((segment) => segment !== "default");
}
