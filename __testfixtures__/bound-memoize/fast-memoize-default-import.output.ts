import memoize from "fast-memoize";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

// Several parameters: keyed by the JSON of all arguments.
export const shippingCost = memoize((zone: string, weightGrams: number) => {
  computed.count++;
  return zone.length * 100 + Math.ceil(weightGrams / 500) * 250;
}, { cache: { create: () => new LRUCache<any, any>({ max: 500 }) } });

export const label = memoize(function label(sku: string): string {
  computed.count++;
  return `SKU ${sku.toUpperCase()}`;
}, { cache: { create: () => new LRUCache<any, any>({ max: 500 }) } });

// fn.length is 1: `discount` is never passed through (reported, left as it is).
export const withDiscount = memoize((price: number, discount = 0.1) => price * (1 - discount), { cache: { create: () => new LRUCache<any, any>({ max: 500 }) } });

export const serialized = memoize((id: number) => ({ id }), { serializer: (args) => String(args[0]), cache: { create: () => new LRUCache<any, any>({ max: 500 }) } });

export const mapStore = memoize((n: number) => n * 2, { cache: { create: () => new LRUCache<any, any>({ max: 500 }) } });

export const alreadyBounded = memoize((n: number) => n * 3, { cache: { create: () => new LRUCache<any, any>({ max: 100 }) } });
