import * as _ from "lodash";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

export const formatters = {
  currency: Object.assign(_.memoize((cents: number) => {
    computed.count++;
    return `$${(cents / 100).toFixed(2)}`;
  }), { cache: new LRUCache({ max: 500 }) }),
  percent: (ratio: number) => `${Math.round(ratio * 100)}%`,
};
