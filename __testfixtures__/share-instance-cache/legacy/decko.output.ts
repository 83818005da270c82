import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

const accountStatementCaches = new WeakMap<object, LRUCache<string, { value: ReturnType<Account["statementUncached"]> }>>();
const accountEntryCaches = new WeakMap<object, LRUCache<string, { value: ReturnType<Account["entryUncached"]> }>>();
const accountMonthNameCache = new LRUCache<string, { value: ReturnType<(typeof Account)["monthNameUncached"]> }>({ max: 500 });

export class Account {
  constructor(readonly owner: string) {}

  statement(month: string): string {
    let cache = accountStatementCaches.get(this);
    if (!cache) accountStatementCaches.set(this, (cache = new LRUCache({ max: 500 })));
    const key = String(month);
    const hit = cache.get(key);
    if (hit) return hit.value;
    const value = this.statementUncached(month);
    cache.set(key, { value });
    return value;
  }

  private statementUncached(month: string): string {
    computed.count++;
    return `${this.owner}: ${month}`;
  }

  entry(month: string): { month: string; account: Account } {
    let cache = accountEntryCaches.get(this);
    if (!cache) accountEntryCaches.set(this, (cache = new LRUCache({ max: 500 })));
    const key = String(month);
    const hit = cache.get(key);
    if (hit) return hit.value;
    const value = this.entryUncached(month);
    cache.set(key, { value });
    return value;
  }

  private entryUncached(month: string): { month: string; account: Account } {
    computed.count++;
    return { month, account: this };
  }

  static monthName(index: number): string {
    const key = String(index);
    const hit = accountMonthNameCache.get(key);
    if (hit) return hit.value;
    const value = this.monthNameUncached(index);
    accountMonthNameCache.set(key, { value });
    return value;
  }

  private static monthNameUncached(index: number): string {
    computed.count++;
    return ["Jan", "Feb", "Mar"][index % 3]!;
  }
}
