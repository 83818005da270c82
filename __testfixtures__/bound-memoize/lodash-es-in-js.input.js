import { memoize } from "lodash-es";

export const computed = { count: 0 };

export let parse = memoize((text) => {
  computed.count++;
  return text.split(",").map(Number);
})
export const double = (/** @type {number} */ n) => n * 2
