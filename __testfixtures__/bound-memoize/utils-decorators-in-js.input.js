import { memoizify } from "utils-decorators";

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
  { expirationTimeMs: 60_000 },
);
