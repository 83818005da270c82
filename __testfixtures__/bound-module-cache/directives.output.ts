import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

// memocap-ignore: the key space is the handful of supported currencies
const symbols = new Map<string, string>();

export function symbolOf(currency: string): string {
  let symbol = symbols.get(currency);
  if (symbol === undefined) {
    symbol = currency.slice(0, 1);
    symbols.set(currency, symbol);
  }
  return symbol;
}

// memocap-max: 50
const rates = new LRUCache<string, number>({ max: 50 });

export function rateOf(currency: string): number {
  let rate = rates.get(currency);
  if (rate === undefined) {
    computed.count++;
    rate = currency.length / 10;
    rates.set(currency, rate);
  }
  return rate;
}

// Already an LRUCache: not a site.
const sessions = new LRUCache<string, number>({ max: 20 });

export function touch(id: string): number {
  sessions.set(id, Date.now());
  return sessions.size;
}
