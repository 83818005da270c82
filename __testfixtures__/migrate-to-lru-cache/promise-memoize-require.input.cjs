"use strict";
const promiseMemoize = require("promise-memoize");

const computed = { count: 0 };

const fetchRate = promiseMemoize((/** @type {string} */ from, /** @type {string} */ to) => {
  computed.count++;
  return Promise.resolve(from.length / to.length);
});

module.exports = { computed, fetchRate };
