"use strict";
const { memoizeAsyncify } = require("utils-decorators");
const utils = require("utils-decorators");

const computed = { count: 0 };

const lookup = memoizeAsyncify(async (/** @type {string} */ host) => {
  computed.count++;
  return `10.0.0.${host.length}`;
});

const hash = utils.memoizify((/** @type {string} */ text) => {
  computed.count++;
  return [...text].reduce((sum, char) => sum + char.charCodeAt(0), 0);
});

module.exports = { computed, lookup, hash };
