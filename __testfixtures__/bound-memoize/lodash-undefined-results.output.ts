import memoize from "lodash/memoize";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

interface User {
  id: string;
  name: string;
}

const users = new Map<string, User>([["u1", { id: "u1", name: "Ada" }]]);

// Most ids are unknown: `undefined` is the common answer and must stay cached.
export const findUser = memoize((id: string) => {
  computed.count++;
  return users.get(id);
});
findUser.cache = lruCacheKeepingUndefined(500);

export const warnings: string[] = [];

export const handlers = {
  warnOnce: Object.assign(memoize((code: string): void => {
    computed.count++;
    warnings.push(`deprecated: ${code}`);
  }), { cache: lruCacheKeepingUndefined(500) }),
};

/** An LRUCache that keeps `undefined` results too (LRUCache does not store undefined); added by memocap. */
function lruCacheKeepingUndefined<K extends {}, V>(max: number) {
  const boxes = new LRUCache<K, { value: V }>({ max });
  return {
    has: (key: K) => boxes.has(key),
    get: (key: K) => boxes.get(key)?.value,
    set(key: K, value: V) {
      boxes.set(key, { value });
      return this;
    },
    delete: (key: K) => boxes.delete(key),
    clear: () => boxes.clear(),
  };
}
