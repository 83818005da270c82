const memoize = require("lodash.memoize");
const { LRUCache } = require("lru-cache");

const computed = { count: 0 };
const discounts = new Map([["SPRING10", 10]]);

const discountFor = memoize((/** @type {string} */ code) => {
  computed.count++;
  return discounts.get(code.toUpperCase());
});
discountFor.cache = lruCacheKeepingUndefined(500);

module.exports = { computed, discountFor };

/**
 * An LRUCache that keeps `undefined` results too (LRUCache does not store undefined); added by memocap.
 * @param {number} max
 */
function lruCacheKeepingUndefined(max) {
  /** @type {LRUCache<{}, { value: unknown }>} */
  const boxes = new LRUCache({ max });
  return {
    /** @param {{}} key */
    has: (key) => boxes.has(key),
    /** @param {{}} key */
    get: (key) => boxes.get(key)?.value,
    /** @param {{}} key @param {unknown} value */
    set(key, value) {
      boxes.set(key, { value });
      return this;
    },
    /** @param {{}} key */
    delete: (key) => boxes.delete(key),
    clear: () => boxes.clear(),
  };
}
