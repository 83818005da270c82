import memoize from "lodash/memoize.js";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

interface PriceTable {
  price(sku: string): number;
}

/** The field's declared type has no `cache`: the memoized function is given its cache where it is made. */
export class PriceService {
  private readonly lookup: (sku: string) => number;

  constructor(table: PriceTable) {
    this.lookup = Object.assign(memoize((sku: string) => {
      computed.count++;
      return table.price(sku);
    }), { cache: new LRUCache({ max: 500 }) });
  }

  priceOf(sku: string): number {
    return this.lookup(sku);
  }
}
