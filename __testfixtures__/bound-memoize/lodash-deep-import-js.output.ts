import memoize from "lodash/memoize.js";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

function slugify(title: string): string {
  computed.count++;
  return title.trim().toLowerCase().replace(/\s+/g, "-");
}

export const slug = memoize(slugify); // titles repeat a lot
slug.cache = new LRUCache({ max: 500 });
