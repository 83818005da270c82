import memoize from "micro-memoize";

export const computed = { count: 0 };

export const parse = memoize(
  /** @param {string} text */
  (text) => {
    computed.count++;
    return text.split(",").length;
  },
  { maxSize: Infinity },
);
