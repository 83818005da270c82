"use strict";
// mem is ESM-only: Node 20.19+ requires it as a namespace whose default export is mem.
const mem = require("mem").default;

const computed = { count: 0 };

/** @param {number} n */
function square(n) {
  computed.count++;
  return n * n;
}

exports.square = mem(square);
exports.computed = computed;
