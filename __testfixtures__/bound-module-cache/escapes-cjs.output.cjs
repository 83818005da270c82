"use strict";

const byName = Object.create(null);

/** @param {string} name */
function lookup(name) {
  if (!(name in byName)) byName[name] = { name, length: name.length };
  return byName[name];
}

const aliased = new Map();
const sameMap = aliased;

/** @param {string} text */
function reversed(text) {
  let value = aliased.get(text);
  if (value === undefined) {
    value = [...text].reverse().join("");
    aliased.set(text, value);
  }
  return value;
}

module.exports = { lookup, reversed, byName, sameMap };
