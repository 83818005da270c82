"use strict";
const _ = require("lodash");
const memoize = require("lodash.memoize");
const { LRUCache } = require("lru-cache");

const computed = { count: 0 };

const square = memoize(function square(n) {
  computed.count++;
  return n * n;
});
square.cache = new LRUCache({ max: 500 });

const cube = require("lodash").memoize((n) => {
  computed.count++;
  return n * n * n;
});
cube.cache = new LRUCache({ max: 500 });

module.exports.half = _.memoize((n) => {
  computed.count++;
  return n / 2;
});
module.exports.half.cache = new LRUCache({ max: 500 });

Object.assign(module.exports, { computed, square, cube });
