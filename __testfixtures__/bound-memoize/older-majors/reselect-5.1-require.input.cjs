"use strict";
const { createSelector, createSelectorCreator, weakMapMemoize } = require("reselect");

const computed = { count: 0 };
const state = { names: ["ada", "bob", "cy"] };

/** @param {{ names: string[] }} s */
const selectNames = (s) => s.names;

const selectName = createSelector([selectNames, (_s, /** @type {number} */ index) => index], (names, index) => {
  computed.count++;
  return `${names[index % names.length]}#${index}`;
});

const createWeakSelector = createSelectorCreator(weakMapMemoize);

module.exports = { computed, state, selectName, createWeakSelector };
