"use strict";
const _ = require("lodash");
const memoize = require("lodash.memoize");

const computed = { count: 0 };

const square = memoize(function square(n) {
  computed.count++;
  return n * n;
});

const cube = require("lodash").memoize((n) => {
  computed.count++;
  return n * n * n;
});

module.exports.half = _.memoize((n) => {
  computed.count++;
  return n / 2;
});

Object.assign(module.exports, { computed, square, cube });
