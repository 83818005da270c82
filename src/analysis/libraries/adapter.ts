import type { ts } from "ts-morph";
import type { Code } from "../codes.ts";
import type { FunctionFacts } from "../memoized-function.ts";
import type { ModuleRef } from "../module-ref.ts";
import type { KeyFinding, RewritePlan } from "../site.ts";

/** What the driver knows about a call before a library adapter looks at it. */
export interface CallContext {
  call: ts.CallExpression;
  ref: ModuleRef;
  sourceFile: ts.SourceFile;
  /** The memoized function, when the first argument is one the analysis can see. */
  fn: FunctionFacts | undefined;
  /** The bound to write: `--max`, config, or a `memocap-max` comment. */
  max: number;
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
}

/** `import _ from "lodash"` makes `default` the module itself for CommonJS libraries. */
export function withoutDefault(path: string[]): string[] {
  return path.filter((segment) => segment !== "default");
}
