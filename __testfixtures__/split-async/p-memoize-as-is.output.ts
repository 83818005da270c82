import pMemoize from "p-memoize";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };
export const upstream = { calls: 0, failures: 0 };

async function download(currency: string): Promise<string> {
  upstream.calls++;
  if (upstream.failures > 0) {
    upstream.failures--;
    throw new Error(`no rate for ${currency}`);
  }
  return `1.${currency.length}`;
}

function parseRate(text: string): number {
  computed.count++;
  return Number.parseFloat(text);
}

// p-memoize drops a rejected promise itself: the promise cache is only bounded, not split.
export const rateOf = pMemoize(async (currency: string) => {
  const text = await download(currency);
  return parseRate(text);
}, { cache: new LRUCache({ max: 500 }) });
