import memoize from "@github/memoize";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

export const slug = memoize((title: string) => {
  computed.count++;
  return title.trim().toLowerCase().replace(/\s+/g, "-");
}, { cache: new LRUCache({ max: 500 }) as Map<never, never> });

export const fetchPrice = memoize(
  async (sku: string, currency: string) => {
    computed.count++;
    return { sku, currency, cents: sku.length * 100 };
  },
  { hash: (sku, currency) => `${sku}/${currency}`, cache: new LRUCache({ max: 500 }) as Map<never, never> },
);
