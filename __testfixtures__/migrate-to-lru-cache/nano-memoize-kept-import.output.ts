import nanomemoize from "nano-memoize";
import { LRUCache } from "lru-cache";

// A call left alone keeps the import: memocap-ignore, and an option with no lru-cache counterpart.
// memocap-ignore
export const ignored = nanomemoize((n: number) => n + 1);

export const custom = nanomemoize((a: number[], b: number[]) => a.length + b.length, { equals: (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y) });

export const keys = nanomemoize((n: number) => n * 3);
keys.keys();

export const halve = boundedNanomemoize((n: number) => n / 2, { max: 500 });

/**
 * nano-memoize's calls with at most `max` results kept (written by memocap: nano-memoize has no size limit).
 * The key is the first argument when fn.length is 1 and fn takes no rest parameter (nor `arguments`),
 * else every argument; arguments are compared by identity.
 */
function boundedNanomemoize<F extends (...args: any[]) => any>(fn: F, options: { max: number; maxAge?: number; vargs?: boolean; serializer?: (arg: any) => unknown }): F & { clear(): void } {
  const source = String(fn);
  const spread = source.indexOf("...");
  const single = fn.length === 1 && !options.vargs && !(spread >= 0 && (spread < source.indexOf(")") || source.includes("arguments")));
  const ids = new WeakMap<object, number>();
  const symbols = new Map<symbol, number>();
  let nextId = 0;
  const keyOf = (value: unknown): string => {
    if (typeof value === "string") return JSON.stringify(value);
    if (typeof value === "symbol") {
      if (!symbols.has(value)) symbols.set(value, nextId++);
      return `#${symbols.get(value)}`;
    }
    if ((typeof value !== "object" || value === null) && typeof value !== "function") return `${typeof value}:${String(value)}`;
    if (!ids.has(value)) ids.set(value, nextId++);
    return `#${ids.get(value)}`;
  };
  const maxAge = options.maxAge ?? 0;
  const cache = new LRUCache<string, { value: ReturnType<F> }>({ max: options.max, ttl: maxAge > 0 && maxAge < Infinity ? Math.ceil(maxAge) : 0 });
  const memoized = function (this: unknown, ...args: any[]) {
    const called = single ? [options.serializer ? options.serializer(args[0]) : args[0]] : args;
    const key = called.map(keyOf).join(",");
    let entry = cache.get(key);
    if (!entry) {
      entry = { value: fn.apply(this, called) };
      cache.set(key, entry);
    }
    return entry.value;
  };
  return Object.assign(memoized as F, { clear: () => cache.clear() });
}
