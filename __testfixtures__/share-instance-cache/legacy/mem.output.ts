import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

const converterConvertCaches = new WeakMap<object, LRUCache<Parameters<Converter["convertUncached"]>[0], { value: ReturnType<Converter["convertUncached"]> }>>();
const converterRoundCache = new LRUCache<{}, { value: ReturnType<Converter["roundUncached"]> }>({ max: 500 });

export class Converter {
  constructor(private readonly rate: number) {}

  convert(amount: number): number {
    let cache = converterConvertCaches.get(this);
    if (!cache) converterConvertCaches.set(this, (cache = new LRUCache({ max: 500 })));
    const hit = cache.get(amount);
    if (hit) return hit.value;
    const value = this.convertUncached(amount);
    cache.set(amount, { value });
    return value;
  }

  private convertUncached(amount: number): number {
    computed.count++;
    return amount * this.rate;
  }

  round(amount: number, digits: number): number {
    const key = ((args) => args.join(","))([amount, digits]);
    const hit = converterRoundCache.get(key);
    if (hit) return hit.value;
    const value = this.roundUncached(amount, digits);
    converterRoundCache.set(key, { value });
    return value;
  }

  private roundUncached(amount: number, digits: number): number {
    computed.count++;
    return Number(amount.toFixed(digits));
  }
}
