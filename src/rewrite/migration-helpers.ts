import type { MigrationHelper } from "../analysis/site.ts";
import { lineEnding, preferredQuote } from "./source-layout.ts";

/**
 * The wrappers over lru-cache that replace a library with no bound of its own. Each takes the
 * library's own arguments (the function and its options) plus `max`, keys as the library did, and
 * returns a function called as the memoized one was, with its `clear()`. Results are stored as
 * `{ value }` so that an `undefined` result is kept, which a bare LRUCache would drop.
 *
 * Each is written twice, typed in TypeScript and in JSDoc (which checked JavaScript needs), then
 * given the file's indentation, quotes and semicolon style. NAME and LRU_CACHE are filled in.
 */
const NANO_MEMOIZE_DOC = `nano-memoize's calls with at most \`max\` results kept (written by memocap: nano-memoize has no size limit).
 * The key is the first argument when fn.length is 1 and fn takes no rest parameter (nor \`arguments\`),
 * else every argument; arguments are compared by identity.`;

const NANO_MEMOIZE_KEY = `    if (typeof value === "string") return JSON.stringify(value);
    if (typeof value === "symbol") {
      if (!symbols.has(value)) symbols.set(value, nextId++);
      return \`#\${symbols.get(value)}\`;
    }
    if ((typeof value !== "object" || value === null) && typeof value !== "function") return \`\${typeof value}:\${String(value)}\`;
    if (!ids.has(value)) ids.set(value, nextId++);
    return \`#\${ids.get(value)}\`;`;

const NANO_MEMOIZE_CALL = `    const called = single ? [options.serializer ? options.serializer(args[0]) : args[0]] : args;
    const key = called.map(keyOf).join(",");
    let entry = cache.get(key);
    if (!entry) {
      entry = { value: fn.apply(this, called) };
      cache.set(key, entry);
    }
    return entry.value;`;

const NANO_MEMOIZE_SINGLE = `  const source = String(fn);
  const spread = source.indexOf("...");
  const single = fn.length === 1 && !options.vargs && !(spread >= 0 && (spread < source.indexOf(")") || source.includes("arguments")));`;

const TTL = `maxAge > 0 && maxAge < Infinity ? Math.ceil(maxAge) : 0`;

const PROMISE_MEMOIZE_DOC = `promise-memoize's calls with at most \`max\` results kept (written by memocap: promise-memoize has no size limit).
 * Same keys; calls in flight share one promise; a rejected promise is dropped, so the next call tries again.`;

const PROMISE_MEMOIZE_KEY = `    if (typeof resolve === "function") return String(resolve(args));
    if (args.length === 0) return "\\u0001";
    return resolve === "json" ? args.map((arg) => JSON.stringify(arg)).reverse().join("\\u0002") : args.join("\\u0002");`;

const TEMPLATES: Record<MigrationHelper, { typescript: string; javascript: string }> = {
  "nano-memoize": {
    typescript: `/**
 * ${NANO_MEMOIZE_DOC}
 */
function NAME<F extends (...args: any[]) => any>(fn: F, options: { max: number; maxAge?: number; vargs?: boolean; serializer?: (arg: any) => unknown }): F & { clear(): void } {
${NANO_MEMOIZE_SINGLE}
  const ids = new WeakMap<object, number>();
  const symbols = new Map<symbol, number>();
  let nextId = 0;
  const keyOf = (value: unknown): string => {
${NANO_MEMOIZE_KEY}
  };
  const maxAge = options.maxAge ?? 0;
  const cache = new LRU_CACHE<string, { value: ReturnType<F> }>({ max: options.max, ttl: ${TTL} });
  const memoized = function (this: unknown, ...args: any[]) {
${NANO_MEMOIZE_CALL}
  };
  return Object.assign(memoized as F, { clear: () => cache.clear() });
}`,
    javascript: `/**
 * ${NANO_MEMOIZE_DOC}
 * @template {(...args: any[]) => any} F
 * @param {F} fn
 * @param {{ max: number, maxAge?: number, vargs?: boolean, serializer?: (arg: any) => unknown }} options
 * @returns {F & { clear(): void }}
 */
function NAME(fn, options) {
${NANO_MEMOIZE_SINGLE}
  /** @type {WeakMap<object, number>} */
  const ids = new WeakMap();
  /** @type {Map<symbol, number>} */
  const symbols = new Map();
  let nextId = 0;
  /** @param {unknown} value */
  const keyOf = (value) => {
${NANO_MEMOIZE_KEY}
  };
  const maxAge = options.maxAge ?? 0;
  /** @type {LRU_CACHE<string, { value: ReturnType<F> }>} */
  const cache = new LRU_CACHE({ max: options.max, ttl: ${TTL} });
  /**
   * @this {unknown}
   * @param {...any} args
   */
  const memoized = function (...args) {
${NANO_MEMOIZE_CALL}
  };
  return Object.assign(/** @type {F} */ (memoized), { clear: () => cache.clear() });
}`,
  },
  "promise-memoize": {
    typescript: `/**
 * ${PROMISE_MEMOIZE_DOC}
 */
function NAME<A extends any[], R>(fn: (...args: A) => PromiseLike<R>, options: { max: number; maxAge?: number; resolve?: "simple" | "json" | ((args: A) => unknown) }): ((...args: A) => Promise<R>) & { clear(): void } {
  const resolve = options.resolve;
  const keyOf = (args: A): string => {
${PROMISE_MEMOIZE_KEY}
  };
  const maxAge = options.maxAge ?? 0;
  const cache = new LRU_CACHE<string, { value: R }, unknown[]>({
    max: options.max,
    ttl: ${TTL},
    fetchMethod: async (_key, _stale, { context }) => ({ value: await fn(...(context as A)) }),
  });
  const memoized = (...args: A) => cache.fetch(keyOf(args), { context: args }).then((entry) => entry!.value);
  return Object.assign(memoized, { clear: () => cache.clear() });
}`,
    javascript: `/**
 * ${PROMISE_MEMOIZE_DOC}
 * @template {any[]} A
 * @template R
 * @param {(...args: A) => PromiseLike<R>} fn
 * @param {{ max: number, maxAge?: number, resolve?: "simple" | "json" | ((args: A) => unknown) }} options
 * @returns {((...args: A) => Promise<R>) & { clear(): void }}
 */
function NAME(fn, options) {
  const resolve = options.resolve;
  /** @param {A} args */
  const keyOf = (args) => {
${PROMISE_MEMOIZE_KEY}
  };
  const maxAge = options.maxAge ?? 0;
  /** @type {LRU_CACHE<string, { value: R }, unknown[]>} */
  const cache = new LRU_CACHE({
    max: options.max,
    ttl: ${TTL},
    fetchMethod: async (_key, _stale, { context }) => ({ value: await fn(.../** @type {A} */ (context)) }),
  });
  /** @param {A} args */
  const memoized = (...args) => cache.fetch(keyOf(args), { context: args }).then((entry) => /** @type {{ value: R }} */ (entry).value);
  return Object.assign(memoized, { clear: () => cache.clear() });
}`,
  },
};

export interface HelperStyle {
  name: string;
  /** The local name of lru-cache's LRUCache in the file. */
  lruCache: string;
  typescript: boolean;
}

/** The helper's declaration in the file's style, with a blank line before it, to append at the end of `source`. */
export function helperDeclaration(helper: MigrationHelper, style: HelperStyle, source: string): string {
  const eol = lineEnding(source);
  const quote = preferredQuote(source);
  const indent = indentUnit(source);
  const semicolons = usesSemicolons(source);
  const text = TEMPLATES[helper][style.typescript ? "typescript" : "javascript"]
    .replace(/\bNAME\b/g, style.name)
    .replace(/\bLRU_CACHE\b/g, style.lruCache)
    .replace(/"/g, quote)
    .split("\n")
    .map((line) => line.replace(/^((?: {2})+)/, (spaces: string) => indent.repeat(spaces.length / 2)))
    .map((line) => (semicolons ? line : line.replace(/;$/, "")))
    .join(eol);
  const separator = source.length === 0 || source.endsWith("\n") ? "" : eol;
  return `${separator}${eol}${text}${eol}`;
}

/** The file's indentation step: a tab, or the smallest run of spaces that starts an indented line. */
function indentUnit(source: string): string {
  let smallest: number | undefined;
  for (const match of source.matchAll(/^([ \t]+)(?=[^\s*])/gm)) {
    const leading = match[1]!;
    if (leading.startsWith("\t")) return "\t";
    smallest = Math.min(smallest ?? leading.length, leading.length);
  }
  return " ".repeat(smallest ?? 2);
}

/** Does the file end its statements with semicolons? */
function usesSemicolons(source: string): boolean {
  return /;[ \t]*\r?$/m.test(source) || !/\S/.test(source);
}
