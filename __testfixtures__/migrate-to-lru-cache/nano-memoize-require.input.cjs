"use strict";
const { nanomemoize } = require("nano-memoize");

const computed = { count: 0 };

const slug = nanomemoize((/** @type {string} */ title) => {
  computed.count++;
  return title.toLowerCase().replace(/\s+/g, "-");
});

const sum = require("nano-memoize").default((/** @type {number[]} */ ...values) => {
  computed.count++;
  return values.reduce((total, value) => total + value, 0);
});

module.exports = { computed, slug, sum };
