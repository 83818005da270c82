const memoizee = require("memoizee");

const computed = { count: 0 };

const lookup = memoizee(function lookup(code) {
  computed.count++;
  return code.toUpperCase();
}, { length: 1 });

const bounded = memoizee((code) => code.toLowerCase(), { max: 50 });

module.exports = { computed, lookup, bounded };
