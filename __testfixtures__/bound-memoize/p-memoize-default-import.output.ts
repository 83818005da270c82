import pMemoize from "p-memoize";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

export const fetchRate = pMemoize(async (currency: string): Promise<number> => {
  computed.count++;
  await Promise.resolve();
  return currency.length / 10;
}, { cache: new LRUCache({ max: 500 }) });

// Keyed on `id` alone (reported, left as it is).
export const fetchPage = pMemoize(async (id: string, page: number) => `${id}#${page}`, { cache: new LRUCache({ max: 500 }) });

export const inFlightOnly = pMemoize(async (id: string) => id.length, { cache: false });
