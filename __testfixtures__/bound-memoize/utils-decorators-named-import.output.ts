import { memoizeAsyncify, memoizify } from "utils-decorators";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

export const price = memoizify((sku: string, quantity: number) => {
  computed.count++;
  return sku.length * quantity;
}, { cache: new LRUCache({ max: 500 }) });

export const tax = memoizify((cents: number) => Math.round(cents * 0.2), { keyResolver: (cents: number) => String(cents), cache: new LRUCache({ max: 500 }) });

export const loadRate = memoizeAsyncify(async (currency: string) => {
  computed.count++;
  return { currency, rate: currency.length / 3 };
}, { cache: new LRUCache({ max: 500 }) });

// A number as the config sets only a time to live: reported, left for a person.
export const expiring = memoizify((n: number) => n * 2, 60_000);
