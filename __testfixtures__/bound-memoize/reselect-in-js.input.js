import { createSelector } from "reselect";

export const computed = { count: 0 };
export const state = { prices: [3, 5, 8] };

/** @param {{ prices: number[] }} s */
const selectPrices = (s) => s.prices;
/**
 * @param {unknown} _s
 * @param {number} quantity
 */
const selectQuantity = (_s, quantity) => quantity;

export const selectTotal = createSelector(selectPrices, selectQuantity, (prices, quantity) => {
  computed.count++;
  return prices.reduce((sum, price) => sum + price, 0) * quantity;
});
