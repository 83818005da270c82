"use strict";
const { memoize } = require("micro-memoize");

const computed = { count: 0 };

const square = memoize((/** @type {number} */ n) => {
  computed.count++;
  return n * n;
}, { maxSize: Infinity });

const cube = require("micro-memoize").memoize(function cube(/** @type {number} */ n) {
  computed.count++;
  return n ** 3;
});

module.exports = { computed, square, cube };
