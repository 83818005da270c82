import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

const inventoryLocationCaches = new WeakMap<object, LRUCache<string, { value: ReturnType<Inventory["locationUncached"]> }>>();
const inventoryFetchCountCaches = new WeakMap<object, LRUCache<string, { value: ReturnType<Inventory["fetchCountUncached"]> }>>();
const inventoryWeightOfCache = new LRUCache<string, { value: ReturnType<Inventory["weightOfUncached"]> }>({ max: 500, ttl: 60_000 });
const inventoryLabelCache = new LRUCache<{}, { value: ReturnType<Inventory["labelUncached"]> }>({ max: 500 });

export class Inventory {
  constructor(readonly warehouse: string) {}

  location(sku: string, shelf: number): string {
    let cache = inventoryLocationCaches.get(this);
    if (!cache) inventoryLocationCaches.set(this, (cache = new LRUCache({ max: 500 })));
    const key = JSON.stringify([sku, shelf]);
    const hit = cache.get(key);
    if (hit) return hit.value;
    const value = this.locationUncached(sku, shelf);
    cache.set(key, { value });
    return value;
  }

  private locationUncached(sku: string, shelf: number): string {
    computed.count++;
    return `${this.warehouse}/${shelf}/${sku}`;
  }

  fetchCount(sku: string): Promise<number> {
    let cache = inventoryFetchCountCaches.get(this);
    if (!cache) inventoryFetchCountCaches.set(this, (cache = new LRUCache({ max: 500 })));
    const key = JSON.stringify([sku]);
    const hit = cache.get(key);
    if (hit) return hit.value;
    const value = this.fetchCountUncached(sku);
    cache.set(key, { value });
    void Promise.resolve(value).catch(() => {
      if (cache.peek(key)?.value === value) cache.delete(key);
    });
    return value;
  }

  private async fetchCountUncached(sku: string): Promise<number> {
    computed.count++;
    if (sku === "missing") throw new Error(`no ${sku} in ${this.warehouse}`);
    return sku.length;
  }

  weightOf(sku: string): number {
    const key = JSON.stringify([sku]);
    const hit = inventoryWeightOfCache.get(key);
    if (hit) return hit.value;
    const value = this.weightOfUncached(sku);
    inventoryWeightOfCache.set(key, { value });
    return value;
  }

  private weightOfUncached(sku: string): number {
    computed.count++;
    return sku.length * 2;
  }

  label(sku: string): string {
    const key = ((sku: string) => sku.toLowerCase())(sku);
    const hit = inventoryLabelCache.get(key);
    if (hit) return hit.value;
    const value = this.labelUncached(sku);
    inventoryLabelCache.set(key, { value });
    return value;
  }

  private labelUncached(sku: string): string {
    computed.count++;
    return sku.toUpperCase();
  }
}
