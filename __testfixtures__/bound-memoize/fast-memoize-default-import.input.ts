import memoize from "fast-memoize";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

// Several parameters: keyed by the JSON of all arguments.
export const shippingCost = memoize((zone: string, weightGrams: number) => {
  computed.count++;
  return zone.length * 100 + Math.ceil(weightGrams / 500) * 250;
});

export const label = memoize(function label(sku: string): string {
  computed.count++;
  return `SKU ${sku.toUpperCase()}`;
});

// fn.length is 1: `discount` is never passed through (reported, left as it is).
export const withDiscount = memoize((price: number, discount = 0.1) => price * (1 - discount));

export const serialized = memoize((id: number) => ({ id }), { serializer: (args) => String(args[0]) });

export const mapStore = memoize((n: number) => n * 2, { cache: { create: () => new Map<string, number>() } });

export const alreadyBounded = memoize((n: number) => n * 3, { cache: { create: () => new LRUCache<any, any>({ max: 100 }) } });
