/** The transform that carries out these plans. */
export const SHARE_INSTANCE_CACHE = "share-instance-cache";

/**
 * The rewrites of transforms/share-instance-cache.ts, as plain data. The analysis decides every name,
 * offset and key; src/rewrite/instance-cache/ turns a plan into text edits.
 */

/** How the migrated cache computes its key from the method's parameters, as the library did. */
export type CacheKey =
  /** The first argument as it is (typescript-memoize, lodash-decorators, mem, memoize, p-memoize). */
  | { kind: "first-argument" }
  /** `String(first argument)`, lower-cased with decko's `caseSensitive: false`. */
  | { kind: "string-first-argument"; lowerCase: boolean }
  /** `JSON.stringify(arguments)` (utils-decorators). */
  | { kind: "json-arguments" }
  /** `JSON.stringify(arguments)` with every non-object turned into a string (@github/memoize). */
  | { kind: "json-arguments-as-strings" }
  /** `arguments.map(a => a.toString()).join("!")` (typescript-memoize `hashFunction: true`). */
  | { kind: "to-string-arguments" }
  /**
   * The project's own key function, source text `text`: called with the arguments spread ("spread"),
   * spread with the instance as `this` ("spread-with-this"), or as one array ("array").
   */
  | { kind: "key-function"; text: string; inline: boolean; call: "spread" | "spread-with-this" | "array" }
  /** A method of the instance computes the key (lodash-decorators / utils-decorators resolver by name). */
  | { kind: "key-method"; name: string }
  /** No arguments: one value per instance. */
  | { kind: "instance" };

export interface DelegateParameter {
  /** The parameter's source text, copied into the delegate (`amount: number`, `...rest: string[]`). */
  text: string;
  name: string;
  rest: boolean;
}

export interface ModifierToken {
  kind: "accessibility" | "static" | "override" | "async";
  text: string;
  start: number;
  end: number;
}

/**
 * A memoized method or getter, its decorator dropped: the original member keeps its body under the
 * name `uncachedName`, and a delegate with the original name and signature caches its results in a
 * bounded store declared before the class.
 */
export interface MemoizeMemberPlan {
  kind: "memoize-member";
  /** "shared": one LRUCache for every instance; "per-instance": a WeakMap from instance to its own cache. */
  store: "shared" | "per-instance";
  storeName: string;
  /** Where the store's declaration goes: the start of the line that opens the class statement (or its leading comment). */
  storeAt: number;
  /** TypeScript: type arguments of the store (absent in JavaScript). */
  types?: { key?: string; value: string };
  key: CacheKey;
  max: number;
  /** An expiry the library had (`expiring`, `maxAge`, `expirationTimeMs`), kept as lru-cache's `ttl` (source text, ms). */
  ttl?: string;
  /** The library drops a rejected promise so that the next call tries again: the delegate does too. */
  evictRejections: boolean;
  /** Ranges to remove: the memoizing decorator with the space after it. */
  decorators: Array<{ start: number; end: number }>;
  /** The member's first token once the decorator is gone: where the delegate is inserted. */
  memberStart: number;
  accessor: "method" | "get";
  name: string;
  nameStart: number;
  nameEnd: number;
  uncachedName: string;
  modifiers: ModifierToken[];
  parameters: DelegateParameter[];
  /** The return type annotation's text, without the colon. */
  returnType?: string;
  /** Emit TypeScript (`private`, type arguments). */
  typed: boolean;
  /** The decorator's local binding: its import goes when nothing else uses it. */
  decoratorBinding: string;
}

/**
 * A class field holding a memoized function that does not read `this`: the memoizer call (with its
 * bound, if bound-memoize gave it one) moves to a constant before the class, and the field keeps
 * that one function, so that all instances share one cache.
 */
export interface ShareClassFieldPlan {
  kind: "share-class-field";
  initializerStart: number;
  initializerEnd: number;
  constName: string;
  constAt: number;
  /** The initializer may be re-indented to its new place (it holds no string or template spanning lines). */
  reindent: boolean;
}

/**
 * `X.prototype.m = memoize(X.prototype.m)` for a method that reads `this`: one memoized function per
 * instance, kept in a WeakMap so that it goes with the instance. The memoizer call keeps its bound.
 */
export interface PerInstancePrototypePlan {
  kind: "per-instance-prototype";
  statementStart: number;
  statementEnd: number;
  /** `X.prototype.m`. */
  target: string;
  callStart: number;
  callEnd: number;
  /** The memoized function argument when it is the prototype's method itself: replaced by `uncachedName`. */
  methodArgument?: { start: number; end: number };
  uncachedName?: string;
  byInstanceName: string;
  /** Locals of the per-instance function, named so that they shadow nothing the call uses. */
  locals: { args: string; memoized: string };
  /** `X.prototype.m.cache = <expression>` after the statement (lodash's bound): folded into each instance's function. */
  cacheStatement?: { start: number; end: number; expressionStart: number; expressionEnd: number };
  /** TypeScript: the class name, for `this: X` and the WeakMap's value type. */
  className?: string;
  /** The call may be re-indented into the function (it holds no string or template spanning lines). */
  reindent: boolean;
}

export type InstanceCachePlan = MemoizeMemberPlan | ShareClassFieldPlan | PerInstancePrototypePlan;
