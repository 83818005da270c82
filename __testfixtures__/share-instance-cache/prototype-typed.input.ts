import memoize from "lodash/memoize.js";

export const computed = { count: 0 };

export class Pricing {
  constructor(readonly markup: number) {}

  priceOf(cost: number): number {
    computed.count++;
    return cost * this.markup;
  }
}

Pricing.prototype.priceOf = memoize(Pricing.prototype.priceOf);
