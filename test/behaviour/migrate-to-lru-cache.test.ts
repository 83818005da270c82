import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, loadFixture, measure, type FixtureModule } from "./probe.ts";

/**
 * nano-memoize and promise-memoize have no size limit; memocap moves their calls to a wrapper over
 * lru-cache. Each fixture's input (the real library) and output (the wrapper) run side by side.
 */

const MAX = 500;
const KEYS = 10 * MAX;

interface Probe {
  fixture: string;
  pick: (module: FixtureModule) => (...args: unknown[]) => unknown;
  args: (i: number) => unknown[];
}

const fn = (value: unknown) => value as (...args: unknown[]) => unknown;
// nano-memoize's one-argument path never keeps a falsy result: the keys start at 1.
const positive = (i: number) => [i + 1];
/** Objects are keys by identity: the same object for the same i, in input and output. */
const points = Array.from({ length: KEYS }, (_, i) => ({ x: i, y: i % 7 }));
const origin = { x: 0, y: 0 };

const PROBES: Record<string, Probe> = {
  "nano-memoize, one parameter": { fixture: "nano-memoize-default-import.input.ts", pick: (m) => fn(m.square), args: positive },
  "nano-memoize, two object arguments by identity": { fixture: "nano-memoize-default-import.input.ts", pick: (m) => fn(m.distance), args: (i) => [points[i], origin] },
  "nano-memoize, fn.length 1 with a default parameter: the second argument is dropped as before": {
    fixture: "nano-memoize-default-import.input.ts",
    pick: (m) => fn(m.withTax),
    args: (i) => [i + 1, 0.5],
  },
  "nano-memoize in .js, function declaration of two parameters": { fixture: "nano-memoize-in-js.input.js", pick: (m) => fn(m.cachedRoute), args: (i) => ["get", `/items/${i}`] },
  "nano-memoize destructured from require": { fixture: "nano-memoize-require.input.cjs", pick: (m) => fn(m.slug), args: (i) => [`Title ${i}`] },
  "require('nano-memoize').default, rest parameters": { fixture: "nano-memoize-require.input.cjs", pick: (m) => fn(m.sum), args: (i) => [i, 1, 2] },
  "promise-memoize, async function": { fixture: "promise-memoize-default-import.input.ts", pick: (m) => fn(m.loadUser), args: positive },
  "promise-memoize, resolve: json": { fixture: "promise-memoize-default-import.input.ts", pick: (m) => fn(m.search), args: (i) => [`q${i}`, i % 3] },
  "promise-memoize in .js, resolve function": { fixture: "promise-memoize-in-js.input.js", pick: (m) => fn(m.lookup), args: (i) => [`host-${i}`] },
  "promise-memoize required, two parameters": { fixture: "promise-memoize-require.input.cjs", pick: (m) => fn(m.fetchRate), args: (i) => [`from-${i}`, "to"] },
};

describe("migrate-to-lru-cache: input and output side by side", () => {
  for (const [title, probe] of Object.entries(PROBES)) {
    it(title, async () => {
      const inputPath = join(FIXTURES, "migrate-to-lru-cache", probe.fixture);
      const [input, output] = await Promise.all([loadFixture(inputPath), loadFixture(inputPath.replace(".input.", ".output."))]);
      const before = await measure(input, probe.pick(input), probe.args, KEYS);
      const after = await measure(output, probe.pick(output), probe.args, KEYS);

      expect(after.results).toEqual(before.results);
      expect(after.fillCalls).toBe(before.fillCalls);
      expect(before.retained).toBe(KEYS);
      expect(after.retained).toBe(MAX);
      expect(after.repeatHit).toBe(true);
    });
  }
});

const both = async (fixture: string): Promise<[FixtureModule, FixtureModule]> => {
  const inputPath = join(FIXTURES, "migrate-to-lru-cache", fixture);
  return Promise.all([loadFixture(inputPath), loadFixture(inputPath.replace(".input.", ".output."))]);
};

const nextMacrotask = () => new Promise((resolve) => setImmediate(resolve));

describe("what the wrappers keep of the libraries", () => {
  it("promise-memoize: a rejection is not served again (the wrapper drops it before an immediate retry)", async () => {
    const [input, output] = await both("promise-memoize-default-import.input.ts");
    const outcome = (promise: Promise<unknown>) => promise.then(() => "resolved", (error: Error) => error.message);

    const inputLoad = fn(input.loadUser) as (id: number) => Promise<unknown>;
    const inputFirst = input.computed.count;
    expect([await outcome(inputLoad(-7)), await outcome(inputLoad(-7))]).toEqual(["no user -7", "no user -7"]);
    expect(input.computed.count - inputFirst).toBe(1);
    await nextMacrotask();
    await outcome(inputLoad(-7));
    expect(input.computed.count - inputFirst).toBe(2);

    const outputLoad = fn(output.loadUser) as (id: number) => Promise<unknown>;
    const outputFirst = output.computed.count;
    expect([await outcome(outputLoad(-7)), await outcome(outputLoad(-7))]).toEqual(["no user -7", "no user -7"]);
    expect(output.computed.count - outputFirst).toBe(2);
  });

  it("promise-memoize: concurrent calls for one key share one call, in input and output", async () => {
    const [input, output] = await both("promise-memoize-default-import.input.ts");
    for (const module of [input, output]) {
      const start = module.computed.count;
      const load = fn(module.loadUser) as (id: number) => Promise<{ name: string }>;
      const users = await Promise.all([load(90_001), load(90_001), load(90_001)]);
      expect(users.map((user) => user.name)).toEqual(["user-90001", "user-90001", "user-90001"]);
      expect(module.computed.count - start).toBe(1);
    }
  });

  it("nano-memoize: clear() empties the cache, as nano-memoize's does", async () => {
    const [input, output] = await both("nano-memoize-default-import.input.ts");
    for (const module of [input, output]) {
      const square = module.square as ((n: number) => number) & { clear(): void };
      square(70_001);
      const start = module.computed.count;
      square(70_001);
      expect(module.computed.count).toBe(start);
      square.clear();
      square(70_001);
      expect(module.computed.count).toBe(start + 1);
    }
  });

  it("nano-memoize: arguments are keys by identity, not by value, in input and output", async () => {
    const [input, output] = await both("nano-memoize-default-import.input.ts");
    for (const module of [input, output]) {
      const distance = fn(module.distance);
      const start = module.computed.count;
      distance({ x: 3, y: 4 }, origin);
      distance({ x: 3, y: 4 }, origin);
      expect(module.computed.count - start).toBe(2);
    }
  });
});
