import { Memoize, MemoizeExpiring } from "typescript-memoize";

export const computed = { count: 0 };

export class Catalogue {
  constructor(readonly region: string) {}

  @Memoize({ hashFunction: (sku: string, size: number) => `${sku}/${size}` })
  price(sku: string, size: number): number {
    computed.count++;
    return sku.length * size + this.region.length;
  }

  @Memoize(true)
  describe(sku: string, size: number): string {
    computed.count++;
    return `${sku} in ${size}`;
  }

  @MemoizeExpiring(60_000)
  stock(sku: string): number {
    computed.count++;
    return sku.length * 10;
  }

  @Memoize({ tags: ["catalogue"] })
  get summary(): string {
    computed.count++;
    return `catalogue for ${this.region}`;
  }

  @Memoize({ tags: ["catalogue"] })
  lookup(sku: string): string {
    computed.count++;
    return `${this.region}:${sku}`;
  }
}
