import { memoize } from "decko";

export const computed = { count: 0 };

export class Account {
  constructor(readonly owner: string) {}

  @memoize
  statement(month: string): string {
    computed.count++;
    return `${this.owner}: ${month}`;
  }

  @memoize
  entry(month: string): { month: string; account: Account } {
    computed.count++;
    return { month, account: this };
  }

  @memoize()
  static monthName(index: number): string {
    computed.count++;
    return ["Jan", "Feb", "Mar"][index % 3]!;
  }
}
