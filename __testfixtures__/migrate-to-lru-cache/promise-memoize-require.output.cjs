"use strict";
const { LRUCache } = require("lru-cache");

const computed = { count: 0 };

const fetchRate = boundedPromiseMemoize((/** @type {string} */ from, /** @type {string} */ to) => {
  computed.count++;
  return Promise.resolve(from.length / to.length);
}, { max: 500 });

module.exports = { computed, fetchRate };

/**
 * promise-memoize's calls with at most `max` results kept (written by memocap: promise-memoize has no size limit).
 * Same keys; calls in flight share one promise; a rejected promise is dropped, so the next call tries again.
 * @template {any[]} A
 * @template R
 * @param {(...args: A) => PromiseLike<R>} fn
 * @param {{ max: number, maxAge?: number, resolve?: "simple" | "json" | ((args: A) => unknown) }} options
 * @returns {((...args: A) => Promise<R>) & { clear(): void }}
 */
function boundedPromiseMemoize(fn, options) {
  const resolve = options.resolve;
  /** @param {A} args */
  const keyOf = (args) => {
    if (typeof resolve === "function") return String(resolve(args));
    if (args.length === 0) return "\u0001";
    return resolve === "json" ? args.map((arg) => JSON.stringify(arg)).reverse().join("\u0002") : args.join("\u0002");
  };
  const maxAge = options.maxAge ?? 0;
  /** @type {LRUCache<string, { value: R }, unknown[]>} */
  const cache = new LRUCache({
    max: options.max,
    ttl: maxAge > 0 && maxAge < Infinity ? Math.ceil(maxAge) : 0,
    fetchMethod: async (_key, _stale, { context }) => ({ value: await fn(.../** @type {A} */ (context)) }),
  });
  /** @param {A} args */
  const memoized = (...args) => cache.fetch(keyOf(args), { context: args }).then((entry) => /** @type {{ value: R }} */ (entry).value);
  return Object.assign(memoized, { clear: () => cache.clear() });
}
