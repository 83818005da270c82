// moize is its own default export; its typings know only `.default`.
const moize = require("moize").default;
const { infinite } = require("moize").default;

const computed = { count: 0 };

const lineCount = moize((text) => {
  computed.count++;
  return text.split("\n").length;
}, { maxSize: Number.POSITIVE_INFINITY });

const wordCount = infinite((text) => {
  computed.count++;
  return text.split(" ").length;
});

const charCount = require("moize").default.infinite((text) => {
  computed.count++;
  return text.length;
});

module.exports = { computed, lineCount, wordCount, charCount };
