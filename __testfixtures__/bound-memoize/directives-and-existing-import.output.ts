import memoize from "lodash/memoize";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

const sessions = new LRUCache<string, number>({ max: 10 });

// memocap-ignore: the key space is the three supported locales
export const messages = memoize((locale: string) => `messages-${locale}`);

// memocap-max: 50
export const tax = memoize((region: string) => {
  computed.count++;
  return region.length / 100;
});
tax.cache = new LRUCache({ max: 50 });

export const custom = memoize((n: number) => n * 2);
custom.cache = new LRUCache({ max: 20 });

export function touch(id: string): number {
  sessions.set(id, Date.now());
  return sessions.size;
}
