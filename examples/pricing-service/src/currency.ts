import _ from "lodash";
import { loadConfig } from "./config.ts";

export const CURRENCIES = ["EUR", "USD", "GBP", "CHF", "SEK"] as const;
export type Currency = (typeof CURRENCIES)[number];
export const BASE_CURRENCY: Currency = "EUR";

type Rates = Record<Currency, number>;

export function isCurrency(value: string): value is Currency {
  return (CURRENCIES as readonly string[]).includes(value);
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

const ratesOn = _.memoize(async (day: string): Promise<Rates> => {
  const { ratesUrl, upstreamTimeoutMs } = loadConfig();
  const url = new URL(`/v1/rates/${day}?base=${BASE_CURRENCY}`, ratesUrl);
  const response = await fetch(url, { signal: AbortSignal.timeout(upstreamTimeoutMs) });
  if (!response.ok) throw new Error(`rates service answered ${response.status} for ${day}`);

  const { rates } = (await response.json()) as { rates: Partial<Rates> };
  const missing = CURRENCIES.filter((currency) => currency !== BASE_CURRENCY && typeof rates[currency] !== "number");
  if (missing.length > 0) throw new Error(`rates for ${day} lack ${missing.join(", ")}`);
  return { ...rates, [BASE_CURRENCY]: 1 } as Rates;
});

export async function convert(cents: number, to: Currency, day = today()): Promise<number> {
  if (to === BASE_CURRENCY) return cents;
  const rates = await ratesOn(day);
  return Math.round(cents * rates[to]);
}

export const formatPrice = _.memoize((cents: number, currency: Currency): string =>
  new Intl.NumberFormat("en-GB", { style: "currency", currency }).format(cents / 100),
);
