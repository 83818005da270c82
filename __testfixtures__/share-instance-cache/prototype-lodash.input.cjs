const memoize = require("lodash/memoize");

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

Formatter.prototype.format = memoize(Formatter.prototype.format);

module.exports = { Formatter, computed };
