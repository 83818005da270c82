// Caches that cannot grow past a few entries are reported as bounded (MC125, MC126) and left byte for
// byte; only the cache keyed by a string is rewritten.
import memoize from "lodash/memoize";
import memize from "memize";
import memoizee from "memoizee";

export enum Region {
  Eu = "eu",
  Us = "us",
  Asia = "asia",
}

interface Settings { region: Region; debug: boolean }

// No parameters: one entry.
export const settings = memoize((): Settings => ({ region: Region.Eu, debug: process.env["DEBUG"] === "1" }));

export const startedAt = memoizee(() => new Date());

// lodash keys on the first argument: a Region, three values.
export const endpointFor = memoize((region: Region, path: string) => `https://${region}.example.com${path}`);

// memize keys on every argument: 2 × 3 entries at most.
export const bannerFor = memize((compact: boolean, region: Region) => (compact ? region : `Region ${region.toUpperCase()}`));

export const unitsFor = memoize((system: "metric" | "imperial") => (system === "metric" ? ["kg", "m"] : ["lb", "ft"]));

// A string key: unbounded, rewritten.
export const greetingFor = memoize((name: string) => `Hello, ${name}`);
