import memoize from "@github/memoize";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

/**
 * @param {number} width
 * @param {number} height
 */
function area(width, height) {
  computed.count++;
  return width * height;
}

export const cachedArea = memoize(area, { cache: /** @type {any} */ (new LRUCache({ max: 500 })) });
