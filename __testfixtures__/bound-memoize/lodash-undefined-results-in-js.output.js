import memoize from "lodash/memoize.js"
import { LRUCache } from "lru-cache"

export const computed = { count: 0 }
const ratings = new Map([["tea", 5], ["coffee", 3]])

export const ratingOf = memoize(function ratingOf(/** @type {string} */ drink) {
  computed.count++
  return ratings.get(drink)
})
ratingOf.cache = lruCacheKeepingUndefined(500)

/**
 * An LRUCache that keeps `undefined` results too (LRUCache does not store undefined); added by memocap.
 * @param {number} max
 */
function lruCacheKeepingUndefined(max) {
  /** @type {LRUCache<{}, { value: unknown }>} */
  const boxes = new LRUCache({ max })
  return {
    /** @param {{}} key */
    has: (key) => boxes.has(key),
    /** @param {{}} key */
    get: (key) => boxes.get(key)?.value,
    /** @param {{}} key @param {unknown} value */
    set(key, value) {
      boxes.set(key, { value })
      return this
    },
    /** @param {{}} key */
    delete: (key) => boxes.delete(key),
    clear: () => boxes.clear(),
  }
}
