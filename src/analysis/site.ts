/**
 * The record the analysis hands on: `scan` prints it, `fix` gives it to the transforms.
 * Everything here is plain data (JSON-serialisable) so that it can cross a worker or process
 * boundary and be passed to a jscodeshift transform through its options.
 */

import type { InstanceCachePlan } from "./instance-cache/plan.ts";

export type SiteKind = "memoize-call" | "module-cache" | "decorator" | "class-field" | "prototype-assignment";

/** What the transform must do to the site; decided by the analysis, carried out by the transform. */
export type RewritePlan =
  /** Instance-method caches (share-instance-cache): see instance-cache/plan.ts. */
  | InstanceCachePlan
  /**
   * lodash family: after the statement that assigns the memoized function, `target.cache = new LRUCache({ max })`.
   * `keepUndefined`: results can be undefined, which LRUCache does not store; the cache is
   * `lruCacheKeepingUndefined(max)`, a helper added once to the file that boxes every value.
   */
  | { kind: "assign-cache-after-statement"; target: string; statementEnd: number; max: number; keepUndefined?: true }
  /** lodash family, anywhere else: `Object.assign(<call>, { cache: new LRUCache({ max }) })` (`keepUndefined` as above). */
  | { kind: "wrap-assign-cache"; max: number; keepUndefined?: true }
  /** An option in the options object (argument `argIndex`): added, or its value replaced. */
  | { kind: "set-option"; argIndex: number; name: string; value: string }
  /**
   * An option holding a new LRUCache, added or replacing its value: `name: new LRUCache({ max })`
   * ("instance") or `name: { create: () => new LRUCache({ max }) }` ("factory", fast-memoize).
   * `anyCast` types the cache as `any` where the library's declared cache type rejects LRUCache
   * ("as-map": `as Map<never, never>` where it wants a Map, which an LRUCache is not to TypeScript).
   */
  | { kind: "set-lru-option"; argIndex: number; name: string; max: number; form: "instance" | "factory"; anyCast?: "type-arguments" | "jsdoc" | "as-map" }
  /** Argument `argIndex` of the call becomes `value` (added when the call has no arguments). */
  | { kind: "set-argument"; argIndex: number; value: string }
  /** The callee of the call becomes `text` (`moize.infinite` → `moize`). */
  | { kind: "replace-callee"; text: string }
  /** Module cache: the text at [start, end) becomes `new LRUCache<typeArguments>({ max })`. */
  | { kind: "new-lru-cache"; start: number; end: number; typeArguments: string; max: number }
  /** Module cache: the type at [start, end) becomes `LRUCache<typeArguments>`. */
  | { kind: "lru-cache-type"; start: number; end: number; typeArguments: string }
  /** Module cache: the text at [start, end) is replaced by `text` (inserted when start === end). */
  | { kind: "replace-text"; start: number; end: number; text: string }
  /**
   * Several options of the options object (argument `argIndex`) in one step, some inside a nested
   * object option (`within`, e.g. reselect's `memoizeOptions`): added, or their values replaced; a
   * missing options argument or nested object is created once, holding them all.
   */
  | { kind: "set-options"; argIndex: number; options: Array<{ name: string; value: string; within?: string }> }
  /** Migration to lru-cache: the file gets the named helper function (once, at its end). */
  | { kind: "declare-helper"; helper: MigrationHelper; name: string }
  /** Migration to lru-cache: the import or require statement at [start, end) is no longer used and goes. */
  | { kind: "remove-statement"; start: number; end: number }
  /**
   * split-async: `declaration` (the synchronous core, memoized with the site's library, unbounded as
   * written: bound-memoize bounds it next) is inserted at `insertAt`, and the call becomes `wrapper`:
   * the memoized function itself, no longer memoized, calling the core.
   */
  | { kind: "split-async"; insertAt: number; declaration: string; wrapper: string }
  /**
   * split-async fallback: `const <cacheName> = new LRUCache({ max, fetchMethod: <fetchMethod> })` is
   * inserted at `insertAt` (`after` is the text that follows it: line ending and indentation), and the
   * call becomes `wrapper`, which fetches through that cache. `anyKeys`: JavaScript whose parameter
   * has no type, where checkJs would infer `{}` keys: the cache is typed `LRUCache<any, any>` in JSDoc.
   */
  | { kind: "lru-fetch-cache"; insertAt: number; cacheName: string; max: number; fetchMethod: string; semicolon: boolean; after: string; wrapper: string; anyKeys: boolean }
  /**
   * split-async of a decorated method: `declaration` (the core, as above) is inserted at `insertAt`,
   * the decorator's text (its line) goes, the core's code at [coreStart, coreEnd) becomes `coreCall`,
   * `import <name> from "<module>"` is added when the file has no binding of the memoizer, and the
   * decorator's import goes when nothing else uses `decoratorBinding`.
   */
  | {
      kind: "split-async-method";
      insertAt: number;
      declaration: string;
      decorator: { start: number; end: number };
      decoratorBinding: string;
      coreStart: number;
      coreEnd: number;
      coreCall: string;
      defaultImport?: { module: string; name: string };
    };

/** The wrappers a migration to lru-cache writes into a file, one per library with no bound of its own. */
export type MigrationHelper = "nano-memoize" | "promise-memoize";

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
  /** Methods, getters, class fields and prototype methods: does the memoized function read `this` (or `super`)? */
  usesThis?: boolean;
  /**
   * For a memoized async (promise-returning) function: split into a memoized synchronous core and
   * an async wrapper, a fallback to a bounded promise cache that evicts rejections, or left; and why.
   */
  asyncVerdict?: { verdict: "split" | "fallback" | "left"; reason: string };
  /** Set when the run uses a baseline: the site's stable fingerprint (src/baseline/fingerprint.ts). */
  fingerprint?: string;
  /** The site is in the baseline, accepted as unbounded for `reason`: `scan --check` passes it and `fix` leaves it. */
  baseline?: { reason: string };
  /** With --since / --staged: whether the site's code touches a changed line (only those fail `scan --check`). */
  inChange?: boolean;
}
