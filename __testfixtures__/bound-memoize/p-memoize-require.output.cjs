"use strict";
// p-memoize is ESM-only: Node 20.19+ requires it as a namespace whose default export is pMemoize.
const pMemoizeModule = require("p-memoize");
const { LRUCache } = require("lru-cache");

const computed = { count: 0 };

/** @param {string} key */
async function load(key) {
  computed.count++;
  return key.toUpperCase();
}

const cached = pMemoizeModule.default(load, { cache: new LRUCache({ max: 500 }) });

module.exports = { computed, cached };
