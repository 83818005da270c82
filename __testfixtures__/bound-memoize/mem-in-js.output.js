import mem from "mem";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

export const slugify = mem((title) => {
  computed.count++;
  return String(title).toLowerCase().replace(/\W+/g, "-");
}, { cache: /** @type {any} */ (new LRUCache({ max: 500 })) });
