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
