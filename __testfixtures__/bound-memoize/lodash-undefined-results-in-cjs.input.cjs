const memoize = require("lodash.memoize");

const computed = { count: 0 };
const discounts = new Map([["SPRING10", 10]]);

const discountFor = memoize((/** @type {string} */ code) => {
  computed.count++;
  return discounts.get(code.toUpperCase());
});

module.exports = { computed, discountFor };
