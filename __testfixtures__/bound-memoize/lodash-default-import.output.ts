import memoize from "lodash/memoize";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

// Price lookups are keyed by SKU.
export const priceFor = memoize((sku: string): number => {
  computed.count++;
  return sku.length * 100;
});
priceFor.cache = new LRUCache({ max: 500 });
