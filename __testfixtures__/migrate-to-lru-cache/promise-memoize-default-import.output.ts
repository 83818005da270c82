import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

export const loadUser = boundedPromiseMemoize(async (id: number) => {
  computed.count++;
  if (id < 0) throw new Error(`no user ${id}`);
  return { id, name: `user-${id}` };
}, { max: 500 });

export const search = boundedPromiseMemoize(
  async (query: string, page: number) => {
    computed.count++;
    return [`${query}#${page}`];
  },
  { resolve: "json", maxAge: 60_000, max: 500 },
);

/**
 * promise-memoize's calls with at most `max` results kept (written by memocap: promise-memoize has no size limit).
 * Same keys; calls in flight share one promise; a rejected promise is dropped, so the next call tries again.
 */
function boundedPromiseMemoize<A extends any[], R>(fn: (...args: A) => PromiseLike<R>, options: { max: number; maxAge?: number; resolve?: "simple" | "json" | ((args: A) => unknown) }): ((...args: A) => Promise<R>) & { clear(): void } {
  const resolve = options.resolve;
  const keyOf = (args: A): string => {
    if (typeof resolve === "function") return String(resolve(args));
    if (args.length === 0) return "\u0001";
    return resolve === "json" ? args.map((arg) => JSON.stringify(arg)).reverse().join("\u0002") : args.join("\u0002");
  };
  const maxAge = options.maxAge ?? 0;
  const cache = new LRUCache<string, { value: R }, unknown[]>({
    max: options.max,
    ttl: maxAge > 0 && maxAge < Infinity ? Math.ceil(maxAge) : 0,
    fetchMethod: async (_key, _stale, { context }) => ({ value: await fn(...(context as A)) }),
  });
  const memoized = (...args: A) => cache.fetch(keyOf(args), { context: args }).then((entry) => entry!.value);
  return Object.assign(memoized, { clear: () => cache.clear() });
}
