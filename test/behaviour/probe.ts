import { expect, it } from "vitest";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
export const FIXTURES = join(import.meta.dirname, "..", "..", "__testfixtures__");

export interface FixtureModule {
  computed: { count: number };
  [name: string]: unknown;
}

/** Loads a fixture module: CommonJS through require, everything else through import. */
export async function loadFixture(path: string): Promise<FixtureModule> {
  if (path.endsWith(".cjs")) return require(path) as FixtureModule;
  return (await import(pathToFileURL(path).href)) as FixtureModule;
}

export interface Measurement {
  results: unknown[];
  /** Underlying calls made while filling the cache with `keys` distinct keys. */
  fillCalls: number;
  /** How many of the keys were still cached afterwards (revisited newest first). */
  retained: number;
  /** A repeated call right after a call with the same key was served from the cache. */
  repeatHit: boolean;
}

/**
 * Calls `fn` with `keys` distinct argument lists, then revisits them newest first: the revisits that
 * do not reach the underlying function were cached. Newest first, so that an LRU cache of size `max`
 * answers exactly its `max` newest keys and an unbounded one answers all of them.
 */
export async function measure(module: FixtureModule, fn: (...args: unknown[]) => unknown, args: (i: number) => unknown[], keys: number): Promise<Measurement> {
  const results: unknown[] = [];
  const start = module.computed.count;
  for (let i = 0; i < keys; i++) results.push(await fn(...args(i)));
  const filled = module.computed.count;
  for (let i = keys - 1; i >= 0; i--) await fn(...args(i));
  const retained = keys - (module.computed.count - filled);
  const beforeRepeat = module.computed.count;
  await fn(...args(0));
  await fn(...args(0));
  return { results, fillCalls: filled - start, retained, repeatHit: module.computed.count - beforeRepeat <= 1 };
}

export interface Probe {
  /** The input fixture, relative to the directory the suite reads from. */
  fixture: string;
  /** How to get the memoized function from the module. */
  pick: (module: FixtureModule) => (...args: unknown[]) => unknown;
  args: (i: number) => unknown[];
  /** The bound the output keeps at most, when it is not the default (a `memocap-max` comment, two generations of max / 2). */
  max?: number;
}

export const fn = (value: unknown) => value as (...args: unknown[]) => unknown;
export const text = (i: number) => [`key-${i}`];
export const number = (i: number) => [i];

/**
 * One test per probe: the input and output fixtures (in `directory`, or where `directory` puts them) run side by side with 10 × max distinct keys;
 * the output gives the same results with the same number of underlying calls, and keeps at most its
 * bound where the input keeps every key.
 */
export function sideBySide(probes: Record<string, Probe>, directory: string | ((fixture: string) => string), defaultMax = 500): void {
  const locate = typeof directory === "string" ? (fixture: string) => join(directory, fixture) : directory;
  for (const [title, probe] of Object.entries(probes)) {
    it(title, async () => {
      const [input, output] = await Promise.all([loadFixture(locate(probe.fixture)), loadFixture(locate(probe.fixture.replace(".input.", ".output.")))]);
      const max = probe.max ?? defaultMax;
      const keys = 10 * max;
      const before = await measure(input, probe.pick(input), probe.args, keys);
      const after = await measure(output, probe.pick(output), probe.args, keys);

      expect(after.results).toEqual(before.results);
      expect(after.fillCalls).toBe(before.fillCalls);
      expect(before.retained).toBe(keys);
      expect(after.retained).toBeGreaterThan(0);
      expect(after.retained).toBeLessThanOrEqual(max);
      expect(after.repeatHit).toBe(true);
    });
  }
}
