"use strict";
var memoizee = require("memoizee");

var computed = { count: 0 };

/** @param {string} currency */
function Ledger(currency) {
  this.currency = currency;
}

/** @param {string} account */
Ledger.prototype.total = function (account) {
  computed.count++;
  return account + " in " + this.currency;
};

/** @param {number} amount */
Ledger.prototype.round = function (amount) {
  computed.count++;
  return Math.round(amount * 100) / 100;
};

const ledgerTotalUncached = Ledger.prototype.total;
const ledgerTotalByInstance = new WeakMap();
/** @param {...unknown} args */
Ledger.prototype.total = function (...args) {
  let memoized = ledgerTotalByInstance.get(this);
  if (!memoized) ledgerTotalByInstance.set(this, (memoized = memoizee(ledgerTotalUncached, { length: 1, max: 500 })));
  return memoized.apply(this, args);
};
Ledger.prototype.round = memoizee(Ledger.prototype.round, { max: 500 });

module.exports = { Ledger: Ledger, computed: computed };
