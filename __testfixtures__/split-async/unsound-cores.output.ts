import memoize from "lodash/memoize.js";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };
export const upstream = { calls: 0, failures: 0 };

interface Plan {
  table: string;
  limit: number;
}

async function download(id: string): Promise<string> {
  upstream.calls++;
  computed.count++;
  if (upstream.failures > 0) {
    upstream.failures--;
    throw new Error(`download of ${id} failed`);
  }
  return `text of ${id}`;
}

async function planQuery(table: string): Promise<Plan> {
  upstream.calls++;
  computed.count++;
  return { table, limit: table.length };
}

function weigh(text: string): number {
  return text.length;
}

function estimate(plan: Plan): number {
  return plan.limit * 10;
}

let total = 0;

const tallyCache = new LRUCache({ max: 500, fetchMethod: async (id: string) => {
  const text = await download(id);
  total += weigh(text);
  return total;
} });

// The code after the await writes a variable outside it: falls back to a promise cache.
export const tally = (id: string) => tallyCache.forceFetch(id);

const countRowsCache = new LRUCache({ max: 500, fetchMethod: async (table: string) => {
  const plan = await planQuery(table);
  return estimate(plan);
} });

// The code after the await reads an object, which cannot be a cache key: falls back.
export const countRows = (table: string) => countRowsCache.forceFetch(table);

// It reads `this`: neither split nor moved into a fetchMethod; left bounded, rejections still cached.
export const catalogue = {
  prefix: "sku-",
  lookup: Object.assign(memoize(async function (this: { prefix: string }, id: string) {
    const text = await download(id);
    return weigh(this.prefix + text);
  }), { cache: new LRUCache({ max: 500 }) }),
};
