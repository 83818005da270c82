import { memoize as memo } from "lodash-es";

export interface DiscountRequest {
  sku: string;
  quantity: number;
  coupon?: string;
  customerId?: string;
}

interface Rule {
  name: string;
  percentOff(request: DiscountRequest): number;
}

const COUPONS: Readonly<Record<string, number>> = { SPRING10: 10, WELCOME5: 5, TEATIME15: 15 };

const VOLUME_BREAKS: ReadonlyArray<readonly [minQuantity: number, percentOff: number]> = [
  [48, 12],
  [24, 8],
  [6, 3],
];

const LOYALTY: ReadonlyArray<{ customerId: string; ordersLastYear: number }> = [
  { customerId: "C-10042", ordersLastYear: 17 },
  { customerId: "C-10057", ordersLastYear: 5 },
  { customerId: "C-10311", ordersLastYear: 9 },
  { customerId: "C-11876", ordersLastYear: 2 },
];

function loyaltyPercent(customerId: string): number {
  const orders = LOYALTY.find((entry) => entry.customerId === customerId)?.ordersLastYear ?? 0;
  return orders >= 12 ? 5 : orders >= 4 ? 2 : 0;
}

export const lookups = {
  volume: memo((quantity: number): number => VOLUME_BREAKS.find(([min]) => quantity >= min)?.[1] ?? 0),
  coupon: memo((code: string): number => COUPONS[code.trim().toUpperCase()] ?? 0),
};

function rule<K>(name: string, key: (request: DiscountRequest) => K | undefined, percentOff: (key: K) => number): Rule {
  return {
    name,
    percentOff(request) {
      const value = key(request);
      return value === undefined ? 0 : percentOff(value);
    },
  };
}

const RULES: readonly Rule[] = [
  rule("volume", (request) => request.quantity, lookups.volume),
  rule("coupon", (request) => request.coupon, lookups.coupon),
  rule("loyalty", (request) => request.customerId, memo(loyaltyPercent)),
];

export function discountPercent(request: DiscountRequest): number {
  return Math.max(0, ...RULES.map((candidate) => candidate.percentOff(request)));
}
