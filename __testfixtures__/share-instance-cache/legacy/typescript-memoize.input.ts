import { Memoize } from "typescript-memoize";

export const computed = { count: 0 };

export class PriceList {
  constructor(private readonly currency: string) {}

  /** Formats an amount in the list's currency. */
  @Memoize()
  format(amount: number): string {
    computed.count++;
    return `${amount.toFixed(2)} ${this.currency}`;
  }

  @Memoize()
  taxOf(amount: number) {
    computed.count++;
    return Math.round(amount * 0.2 * 100) / 100;
  }

  @Memoize()
  get label(): string {
    return `prices in ${this.currency}`;
  }
}
