import { memoize, memoizeAsync } from "utils-decorators";

export const computed = { count: 0 };

export class Inventory {
  constructor(readonly warehouse: string) {}

  @memoize()
  location(sku: string, shelf: number): string {
    computed.count++;
    return `${this.warehouse}/${shelf}/${sku}`;
  }

  @memoizeAsync()
  async fetchCount(sku: string): Promise<number> {
    computed.count++;
    if (sku === "missing") throw new Error(`no ${sku} in ${this.warehouse}`);
    return sku.length;
  }

  @memoize(60_000)
  weightOf(sku: string): number {
    computed.count++;
    return sku.length * 2;
  }

  @memoize({ keyResolver: (sku: string) => sku.toLowerCase() })
  label(sku: string): string {
    computed.count++;
    return sku.toUpperCase();
  }
}
