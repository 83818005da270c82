import { memDecorator } from "mem";

export const computed = { count: 0 };

export class Converter {
  constructor(private readonly rate: number) {}

  @memDecorator()
  convert(amount: number): number {
    computed.count++;
    return amount * this.rate;
  }

  @memDecorator({ cacheKey: (args) => args.join(",") })
  round(amount: number, digits: number): number {
    computed.count++;
    return Number(amount.toFixed(digits));
  }
}
