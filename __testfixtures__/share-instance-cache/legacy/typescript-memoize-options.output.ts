import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

const cataloguePriceCaches = new WeakMap<object, LRUCache<{}, { value: ReturnType<Catalogue["priceUncached"]> }>>();
const catalogueDescribeCache = new LRUCache<string, { value: ReturnType<Catalogue["describeUncached"]> }>({ max: 500 });
const catalogueStockCache = new LRUCache<Parameters<Catalogue["stockUncached"]>[0], { value: ReturnType<Catalogue["stockUncached"]> }>({ max: 500, ttl: 60_000 });
const catalogueSummaryCache = new WeakMap<object, { value: Catalogue["summaryUncached"] }>();
const catalogueLookupCaches = new WeakMap<object, LRUCache<Parameters<Catalogue["lookupUncached"]>[0], { value: ReturnType<Catalogue["lookupUncached"]> }>>();

export class Catalogue {
  constructor(readonly region: string) {}

  price(sku: string, size: number): number {
    let cache = cataloguePriceCaches.get(this);
    if (!cache) cataloguePriceCaches.set(this, (cache = new LRUCache({ max: 500 })));
    const key = ((sku: string, size: number) => `${sku}/${size}`)(sku, size);
    const hit = cache.get(key);
    if (hit) return hit.value;
    const value = this.priceUncached(sku, size);
    cache.set(key, { value });
    return value;
  }

  private priceUncached(sku: string, size: number): number {
    computed.count++;
    return sku.length * size + this.region.length;
  }

  describe(sku: string, size: number): string {
    const key = [sku, size].map((item) => item.toString()).join("!");
    const hit = catalogueDescribeCache.get(key);
    if (hit) return hit.value;
    const value = this.describeUncached(sku, size);
    catalogueDescribeCache.set(key, { value });
    return value;
  }

  private describeUncached(sku: string, size: number): string {
    computed.count++;
    return `${sku} in ${size}`;
  }

  stock(sku: string): number {
    const hit = catalogueStockCache.get(sku);
    if (hit) return hit.value;
    const value = this.stockUncached(sku);
    catalogueStockCache.set(sku, { value });
    return value;
  }

  private stockUncached(sku: string): number {
    computed.count++;
    return sku.length * 10;
  }

  get summary(): string {
    const hit = catalogueSummaryCache.get(this);
    if (hit) return hit.value;
    const value = this.summaryUncached;
    catalogueSummaryCache.set(this, { value });
    return value;
  }

  private get summaryUncached(): string {
    computed.count++;
    return `catalogue for ${this.region}`;
  }

  lookup(sku: string): string {
    let cache = catalogueLookupCaches.get(this);
    if (!cache) catalogueLookupCaches.set(this, (cache = new LRUCache({ max: 500 })));
    const hit = cache.get(sku);
    if (hit) return hit.value;
    const value = this.lookupUncached(sku);
    cache.set(sku, { value });
    return value;
  }

  private lookupUncached(sku: string): string {
    computed.count++;
    return `${this.region}:${sku}`;
  }
}
