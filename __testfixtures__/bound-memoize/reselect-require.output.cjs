"use strict";
const { createSelector } = require("reselect");

const computed = { count: 0 };
const state = { names: ["ada", "bob", "cy"] };

/** @param {{ names: string[] }} s */
const selectNames = (s) => s.names;

const selectName = createSelector([selectNames, (_s, /** @type {number} */ index) => index], (names, index) => {
  computed.count++;
  return `${names[index % names.length]}#${index}`;
}, { memoizeOptions: { maxSize: 250 }, argsMemoizeOptions: { maxSize: 250 } });

const selectInitial = require("reselect").createSelector([selectNames, (_s, /** @type {number} */ index) => index], (names, index) => {
  computed.count++;
  return `${(names[index % names.length] ?? "?")[0]}${index}`;
}, { memoizeOptions: { maxSize: 250 }, argsMemoizeOptions: { maxSize: 250 } });

module.exports = { computed, state, selectName, selectInitial };
