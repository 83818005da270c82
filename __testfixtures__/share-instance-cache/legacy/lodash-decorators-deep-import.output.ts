import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

const sluggerSlugCache = new LRUCache<{}, { value: ReturnType<Slugger["slugUncached"]> }>({ max: 500 });

export class Slugger {
  slug(title: string, separator: string): string {
    const key = ((title: string, separator: string) => `${separator}${title}`)(title, separator);
    const hit = sluggerSlugCache.get(key);
    if (hit) return hit.value;
    const value = this.slugUncached(title, separator);
    sluggerSlugCache.set(key, { value });
    return value;
  }

  private slugUncached(title: string, separator: string): string {
    computed.count++;
    return title.toLowerCase().split(" ").join(separator);
  }
}
