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

Ledger.prototype.total = memoizee(Ledger.prototype.total, { length: 1 });
Ledger.prototype.round = memoizee(Ledger.prototype.round);

module.exports = { Ledger: Ledger, computed: computed };
