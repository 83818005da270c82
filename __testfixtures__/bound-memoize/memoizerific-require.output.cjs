const memoizerific = require("memoizerific");

const computed = { count: 0 };

const initials = memoizerific(500)((name) => {
  computed.count++;
  return String(name).split(" ").map((part) => part[0]).join("");
});

module.exports = { computed, initials };
