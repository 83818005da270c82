import memoize from "lodash/memoize.js";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

export class Pricing {
  constructor(readonly markup: number) {}

  priceOf(cost: number): number {
    computed.count++;
    return cost * this.markup;
  }
}

const pricingPriceOfUncached = Pricing.prototype.priceOf;
const pricingPriceOfByInstance = new WeakMap<object, typeof pricingPriceOfUncached>();
Pricing.prototype.priceOf = function (this: Pricing, ...args: Parameters<typeof pricingPriceOfUncached>) {
  let memoized = pricingPriceOfByInstance.get(this);
  if (!memoized) pricingPriceOfByInstance.set(this, (memoized = Object.assign(memoize(pricingPriceOfUncached), { cache: new LRUCache({ max: 500 }) })));
  return memoized.apply(this, args);
};
