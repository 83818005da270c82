"use strict";

const memoize = require("lodash.memoize");
const memoizee = require("memoizee");

const VAT = {
  AT: { standard: 0.2, reduced: 0.1 },
  BE: { standard: 0.21, reduced: 0.06 },
  DE: { standard: 0.19, reduced: 0.07 },
  FR: { standard: 0.2, reduced: 0.055 },
  GB: { standard: 0.2, reduced: 0 },
  IE: { standard: 0.23, reduced: 0 },
  LU: { standard: 0.17, reduced: 0.03 },
  NL: { standard: 0.21, reduced: 0.09 },
};

// Food is exempt from state sales tax in all of these, so "reduced" is 0.
const US_SALES_TAX = { CA: 0.0725, NY: 0.04, TX: 0.0625, WA: 0.065, OR: 0 };

const parseRegion = memoize(function parseRegion(region) {
  const [country, subdivision] = String(region).trim().toUpperCase().split("-");
  return { country, subdivision: subdivision || null };
});

const rateFor = memoizee(function rateFor(region, category) {
  const { country, subdivision } = parseRegion(region);
  if (country === "US") {
    if (!subdivision || !(subdivision in US_SALES_TAX)) throw new Error(`no sales tax rules for ${region}`);
    return category === "reduced" ? 0 : US_SALES_TAX[subdivision];
  }
  const vat = VAT[country];
  if (!vat) throw new Error(`no VAT rules for ${region}`);
  return vat[category];
});

const taxFor = memoizee(
  function taxFor(amountCents, region, category = "standard") {
    return Math.round(amountCents * rateFor(region, category));
  },
  { primitive: true },
);

module.exports = { parseRegion, rateFor, taxFor };
