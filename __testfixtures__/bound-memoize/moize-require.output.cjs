// moize is its own default export; its typings know only `.default`.
const moize = require("moize").default;
const { infinite } = require("moize").default;

const computed = { count: 0 };

const lineCount = moize((text) => {
  computed.count++;
  return text.split("\n").length;
}, { maxSize: 500 });

const wordCount = infinite((text) => {
  computed.count++;
  return text.split(" ").length;
}, { maxSize: 500 });

const charCount = require("moize").default((text) => {
  computed.count++;
  return text.length;
}, { maxSize: 500 });

module.exports = { computed, lineCount, wordCount, charCount };
