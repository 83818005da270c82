const memoize = require("lodash/memoize");
const { LRUCache } = require("lru-cache");

const computed = { count: 0 };

class Formatter {
  /** @param {string} prefix */
  constructor(prefix) {
    this.prefix = prefix;
  }

  /** @param {number} value */
  format(value) {
    computed.count++;
    return `${this.prefix}${value}`;
  }
}

const formatterFormatUncached = Formatter.prototype.format;
const formatterFormatByInstance = new WeakMap();
/** @param {...unknown} args */
Formatter.prototype.format = function (...args) {
  let memoized = formatterFormatByInstance.get(this);
  if (!memoized) formatterFormatByInstance.set(this, (memoized = Object.assign(memoize(formatterFormatUncached), { cache: new LRUCache({ max: 500 }) })));
  return memoized.apply(this, args);
};

module.exports = { Formatter, computed };
