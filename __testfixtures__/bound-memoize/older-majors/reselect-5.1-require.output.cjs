"use strict";
const { createSelector, createSelectorCreator, weakMapMemoize, lruMemoize } = require("reselect");

const computed = { count: 0 };
const state = { names: ["ada", "bob", "cy"] };

/** @param {{ names: string[] }} s */
const selectNames = (s) => s.names;

const selectName = createSelector([selectNames, (_s, /** @type {number} */ index) => index], (names, index) => {
  computed.count++;
  return `${names[index % names.length]}#${index}`;
}, { memoize: lruMemoize, memoizeOptions: { maxSize: 500 }, argsMemoize: lruMemoize, argsMemoizeOptions: { maxSize: 500 } });

const createWeakSelector = createSelectorCreator({ memoize: lruMemoize, memoizeOptions: { maxSize: 500 }, argsMemoize: lruMemoize, argsMemoizeOptions: { maxSize: 500 } });

module.exports = { computed, state, selectName, createWeakSelector };
