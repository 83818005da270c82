"use strict";
// mem is ESM-only: Node 20.19+ requires it as a namespace whose default export is mem.
const mem = require("mem").default;
const { LRUCache } = require("lru-cache");

const computed = { count: 0 };

/** @param {number} n */
function square(n) {
  computed.count++;
  return n * n;
}

exports.square = mem(square, { cache: new LRUCache({ max: 500 }) });
exports.computed = computed;
