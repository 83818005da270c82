"use strict";
// micro-memoize 4's types describe its ESM default export; a checked CommonJS file says what require returns.
const memoize = /** @type {typeof import("micro-memoize").default} */ (/** @type {unknown} */ (require("micro-memoize")));

const computed = { count: 0 };

const square = memoize((/** @type {number} */ n) => {
  computed.count++;
  return n * n;
}, { maxSize: 500 });

module.exports = { computed, square };
