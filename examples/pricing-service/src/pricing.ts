import memoize from "lodash/memoize.js";
import { findProduct, type TaxCategory } from "./catalogue.ts";
import { convert, formatPrice, type Currency } from "./currency.ts";
import { discountPercent, type DiscountRequest } from "./discounts.ts";
import taxRates from "./legacy/tax-rates.cjs";

export interface QuoteRequest extends DiscountRequest {
  currency: Currency;
  region: string;
}

export interface Quote {
  sku: string;
  quantity: number;
  currency: Currency;
  unitPrice: number;
  percentOff: number;
  net: number;
  tax: number;
  total: number;
  display: string;
}

const MARGIN: Record<TaxCategory, number> = { standard: 0.55, reduced: 0.4 };

/** List prices end in 9: cost plus margin, rounded up to the next 10 cents, minus one cent. */
function listPrice(costCents: number, category: TaxCategory): number {
  return Math.ceil(costCents / (1 - MARGIN[category]) / 10) * 10 - 1;
}

export const priceFor = memoize((sku: string): number | undefined => {
  const product = findProduct(sku);
  return product && listPrice(product.costCents, product.category);
});

export async function quote(request: QuoteRequest): Promise<Quote | undefined> {
  const product = findProduct(request.sku);
  const unitPriceBase = priceFor(request.sku);
  if (!product || unitPriceBase === undefined) return undefined;

  const percentOff = discountPercent(request);
  const netBase = Math.round(unitPriceBase * request.quantity * (1 - percentOff / 100));
  const taxBase = taxRates.taxFor(netBase, request.region, product.category);
  const [unitPrice, net, tax] = await Promise.all([
    convert(unitPriceBase, request.currency),
    convert(netBase, request.currency),
    convert(taxBase, request.currency),
  ]);

  return {
    sku: product.sku,
    quantity: request.quantity,
    currency: request.currency,
    unitPrice,
    percentOff,
    net,
    tax,
    total: net + tax,
    display: formatPrice(net + tax, request.currency),
  };
}
