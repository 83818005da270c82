import { memoizeAsyncify, memoizify } from "utils-decorators";

export const computed = { count: 0 };

export const price = memoizify((sku: string, quantity: number) => {
  computed.count++;
  return sku.length * quantity;
});

export const tax = memoizify((cents: number) => Math.round(cents * 0.2), { keyResolver: (cents: number) => String(cents) });

export const loadRate = memoizeAsyncify(async (currency: string) => {
  computed.count++;
  return { currency, rate: currency.length / 3 };
});

// A number as the config sets only a time to live: reported, left for a person.
export const expiring = memoizify((n: number) => n * 2, 60_000);
