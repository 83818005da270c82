import * as reselect from "reselect";

export const computed = { count: 0 };
export const state = { prices: [3, 5, 8] };

export const selectTotal = reselect.createSelector(
  [(/** @type {{ prices: number[] }} */ s) => s.prices, (/** @type {unknown} */ _s, /** @type {number} */ quantity) => quantity],
  (prices, quantity) => {
    computed.count++;
    return prices.reduce((sum, price) => sum + price, 0) * quantity;
  },
  { memoize: reselect.lruMemoize, memoizeOptions: { maxSize: 500 }, argsMemoize: reselect.lruMemoize, argsMemoizeOptions: { maxSize: 500 } },
);
