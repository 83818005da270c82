"use strict";
// Memoizers that keep a fixed, small number of results: reported as bounded, never rewritten.
// memoize-one's types describe its ESM default export; a checked CommonJS file says what require returns.
const memoizeOne = /** @type {typeof import("memoize-one").default} */ (/** @type {unknown} */ (require("memoize-one")));
const { memoize } = require("proxy-memoize");
const { lruMemoize } = require("reselect");

const lastFilter = memoizeOne((/** @type {string[]} */ items, /** @type {string} */ query) => items.filter((item) => item.includes(query)));

const visibleCount = memoize((/** @type {{ todos: unknown[] }} */ state) => state.todos.length, { size: 5 });

const lastPair = lruMemoize((/** @type {number} */ a, /** @type {number} */ b) => [a, b], { maxSize: 10 });

module.exports = { lastFilter, visibleCount, lastPair };
