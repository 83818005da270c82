"use strict";
const memoize = require("@github/memoize").default;

const computed = { count: 0 };

const parse = memoize(
  /** @param {string} text */
  (text) => {
    computed.count++;
    return text.split(",").map(Number);
  },
);

module.exports = { computed, parse };
