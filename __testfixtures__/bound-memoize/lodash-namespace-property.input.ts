import * as _ from "lodash";

export const computed = { count: 0 };

export const formatters = {
  currency: _.memoize((cents: number) => {
    computed.count++;
    return `$${(cents / 100).toFixed(2)}`;
  }),
  percent: (ratio: number) => `${Math.round(ratio * 100)}%`,
};
