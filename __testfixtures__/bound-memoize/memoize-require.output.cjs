"use strict";
// memoize is ESM-only: Node 20.19+ requires it as a namespace whose default export is memoize.
const { default: memoize } = require("memoize");
const { LRUCache } = require("lru-cache");

const computed = { count: 0 };

/** @param {number} n */
function square(n) {
  computed.count++;
  return n * n;
}

exports.square = memoize(square, { cache: new LRUCache({ max: 500 }) });
exports.computed = computed;
