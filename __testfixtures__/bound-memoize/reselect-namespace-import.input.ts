import * as reselect from "reselect";

export const computed = { count: 0 };
export const state = { rates: new Map([["EUR", 1.1], ["GBP", 1.3]]) };

export const selectConverted = reselect.createSelector(
  [(s: typeof state) => s.rates, (_s: typeof state, amount: number) => amount],
  (rates, amount) => {
    computed.count++;
    return Math.round(amount * (rates.get("EUR") ?? 1));
  },
  {},
);
