const memoize = require("lodash/memoize");
const { LRUCache } = require("lru-cache");

let computed = 0;

const hash = memoize((text) => {
  computed++;
  return text.length;
});
hash.cache = new LRUCache({ max: 500 });

module.exports = { hash, count: () => computed };
