import { memoizify } from "utils-decorators";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

export const route = memoizify(
  /**
   * @param {string} method
   * @param {string} path
   */
  (method, path) => {
    computed.count++;
    return `${method.toUpperCase()} ${path}`;
  },
  { expirationTimeMs: 60_000, cache: new LRUCache({ max: 500 }) },
);
