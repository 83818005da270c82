import { memoize, strategies } from "@formatjs/fast-memoize";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

export const numberFormat = memoize((locale: string, currency: string) => {
  computed.count++;
  return new Intl.NumberFormat(locale, { style: "currency", currency });
}, { strategy: strategies.variadic, cache: { create: () => new LRUCache({ max: 500 }) } });

export const collator = memoize((locale: string) => {
  computed.count++;
  return new Intl.Collator(locale);
}, { cache: { create: () => new LRUCache({ max: 500 }) } });
