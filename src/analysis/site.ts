/**
 * The record the analysis hands on: `scan` prints it, `fix` gives it to the transforms.
 * Everything here is plain data (JSON-serialisable) so that it can cross a worker or process
 * boundary and be passed to a jscodeshift transform through its options.
 */

export type SiteKind = "memoize-call";

/** What the transform must do to the site; decided by the analysis, carried out by the transform. */
export type RewritePlan =
  /** lodash family: after the statement that assigns the memoized function, `target.cache = new LRUCache({ max })`. */
  | { kind: "assign-cache-after-statement"; target: string; statementEnd: number; max: number }
  /** lodash family, anywhere else: `Object.assign(<call>, { cache: new LRUCache({ max }) })`. */
  | { kind: "wrap-assign-cache"; max: number }
  /** An option in the options object (argument `argIndex`): added, or its value replaced. */
  | { kind: "set-option"; argIndex: number; name: string; value: string };

export interface KeyFinding {
  code: string;
  message: string;
}

export interface Site {
  /** Absolute path of the file. */
  file: string;
  /** Offsets of the memoizer call in the file's text (BOM stripped), end exclusive. */
  start: number;
  end: number;
  /** 1-based. */
  line: number;
  column: number;
  kind: SiteKind;
  /** Library id, e.g. "lodash", "memoizee". */
  library: string;
  /** The module the memoizer was imported from, e.g. "lodash/memoize.js". */
  module: string;
  /** Source text of the callee, e.g. "_.memoize". */
  callee: string;
  /** Name of what is memoized when it has one (the variable, property or function). */
  name?: string;
  /** Number of declared parameters of the memoized function, when it is visible. */
  arity?: number;
  async: boolean;
  bounded: boolean;
  /** The bound when one is known (undefined when bounded by other means). */
  max?: number;
  /** MCxxx code saying why the site is, or is not, a problem. */
  code: string;
  message: string;
  verdict: "rewrite" | "skip" | "none";
  /** The transform that carries out the rewrite (verdict "rewrite"). */
  transform?: string;
  plan?: RewritePlan[];
  /** Needs `import { LRUCache } from "lru-cache"` in the file. */
  needsLruCache?: boolean;
  /** Key bugs and other facts worth a reviewer's attention; reported, never silently changed. */
  findings: KeyFinding[];
}
