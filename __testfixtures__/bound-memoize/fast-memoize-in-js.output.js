import memoize from "fast-memoize";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

export const route = memoize((method, path) => {
  computed.count++;
  return `${method.toUpperCase()} ${path}`;
}, { cache: { create: () => /** @type {any} */ (new LRUCache({ max: 500 })) } });

/** @param {number} cents */
function formatCents(cents) {
  computed.count++;
  return `$${(cents / 100).toFixed(2)}`;
}

export const price = memoize(formatCents, { cache: { create: () => /** @type {any} */ (new LRUCache({ max: 500 })) } });
