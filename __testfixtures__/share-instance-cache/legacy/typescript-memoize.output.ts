import { Memoize } from "typescript-memoize";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

const priceListFormatCaches = new WeakMap<object, LRUCache<Parameters<PriceList["formatUncached"]>[0], { value: ReturnType<PriceList["formatUncached"]> }>>();
const priceListTaxOfCache = new LRUCache<Parameters<PriceList["taxOfUncached"]>[0], { value: ReturnType<PriceList["taxOfUncached"]> }>({ max: 500 });

export class PriceList {
  constructor(private readonly currency: string) {}

  /** Formats an amount in the list's currency. */
  format(amount: number): string {
    let cache = priceListFormatCaches.get(this);
    if (!cache) priceListFormatCaches.set(this, (cache = new LRUCache({ max: 500 })));
    const hit = cache.get(amount);
    if (hit) return hit.value;
    const value = this.formatUncached(amount);
    cache.set(amount, { value });
    return value;
  }

  private formatUncached(amount: number): string {
    computed.count++;
    return `${amount.toFixed(2)} ${this.currency}`;
  }

  taxOf(amount: number) {
    const hit = priceListTaxOfCache.get(amount);
    if (hit) return hit.value;
    const value = this.taxOfUncached(amount);
    priceListTaxOfCache.set(amount, { value });
    return value;
  }

  private taxOfUncached(amount: number) {
    computed.count++;
    return Math.round(amount * 0.2 * 100) / 100;
  }

  @Memoize()
  get label(): string {
    return `prices in ${this.currency}`;
  }
}
