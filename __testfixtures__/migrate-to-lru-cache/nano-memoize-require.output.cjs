"use strict";
const { LRUCache } = require("lru-cache");

const computed = { count: 0 };

const slug = boundedNanomemoize((/** @type {string} */ title) => {
  computed.count++;
  return title.toLowerCase().replace(/\s+/g, "-");
}, { max: 500 });

const sum = boundedNanomemoize((/** @type {number[]} */ ...values) => {
  computed.count++;
  return values.reduce((total, value) => total + value, 0);
}, { max: 500 });

module.exports = { computed, slug, sum };

/**
 * nano-memoize's calls with at most `max` results kept (written by memocap: nano-memoize has no size limit).
 * The key is the first argument when fn.length is 1 and fn takes no rest parameter (nor `arguments`),
 * else every argument; arguments are compared by identity.
 * @template {(...args: any[]) => any} F
 * @param {F} fn
 * @param {{ max: number, maxAge?: number, vargs?: boolean, serializer?: (arg: any) => unknown }} options
 * @returns {F & { clear(): void }}
 */
function boundedNanomemoize(fn, options) {
  const source = String(fn);
  const spread = source.indexOf("...");
  const single = fn.length === 1 && !options.vargs && !(spread >= 0 && (spread < source.indexOf(")") || source.includes("arguments")));
  /** @type {WeakMap<object, number>} */
  const ids = new WeakMap();
  /** @type {Map<symbol, number>} */
  const symbols = new Map();
  let nextId = 0;
  /** @param {unknown} value */
  const keyOf = (value) => {
    if (typeof value === "string") return JSON.stringify(value);
    if (typeof value === "symbol") {
      if (!symbols.has(value)) symbols.set(value, nextId++);
      return `#${symbols.get(value)}`;
    }
    if ((typeof value !== "object" || value === null) && typeof value !== "function") return `${typeof value}:${String(value)}`;
    if (!ids.has(value)) ids.set(value, nextId++);
    return `#${ids.get(value)}`;
  };
  const maxAge = options.maxAge ?? 0;
  /** @type {LRUCache<string, { value: ReturnType<F> }>} */
  const cache = new LRUCache({ max: options.max, ttl: maxAge > 0 && maxAge < Infinity ? Math.ceil(maxAge) : 0 });
  /**
   * @this {unknown}
   * @param {...any} args
   */
  const memoized = function (...args) {
    const called = single ? [options.serializer ? options.serializer(args[0]) : args[0]] : args;
    const key = called.map(keyOf).join(",");
    let entry = cache.get(key);
    if (!entry) {
      entry = { value: fn.apply(this, called) };
      cache.set(key, entry);
    }
    return entry.value;
  };
  return Object.assign(/** @type {F} */ (memoized), { clear: () => cache.clear() });
}
