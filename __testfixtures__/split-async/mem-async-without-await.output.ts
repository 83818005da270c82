import mem from "mem";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

function slugify(title: string): string {
  computed.count++;
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

const slugOfCore = mem((title: string) => slugify(title), { cache: new LRUCache({ max: 500 }) });

// async, but nothing is awaited: the whole body is the synchronous core.
export const slugOf = async (title: string) => slugOfCore(title);
