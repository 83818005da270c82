import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, measure, type FixtureModule } from "./probe.ts";
import { loadTranspiled } from "./transpiled.ts";

const MAX = 500;
const KEYS = 10 * MAX;
const INSTANCES = 4;

type Instance = Record<string, unknown>;
type Constructor = (new (...args: unknown[]) => Instance) & Record<string, unknown>;

/** One memoized member of a share-instance-cache fixture, run in its input and its output. */
interface Probe {
  fixture: string;
  className: string;
  member: string;
  /** Constructor arguments of instance `i` (instances with different state). */
  state: (i: number) => unknown[];
  /** Arguments of call `k` (distinct keys). */
  args: (k: number) => unknown[];
  getter?: boolean;
  static?: boolean;
  /** Does the member read `this`: after the rewrite each instance has its own store; else all share one. */
  readsThis: boolean;
  /** The right result for instance `i` and call `k` (what the member computes, cached or not). */
  expected?: (i: number, k: number) => unknown;
  /** The input keeps one store for every instance (decko, utils-decorators, @github/memoize, a memoized prototype). */
  inputShared?: boolean;
  /**
   * The input keeps a called instance reachable for ever: typescript-memoize tags on a member without
   * arguments (the instance is its own key in the cache the tags register), a shared store whose values hold the instance.
   */
  inputPins?: boolean;
  /** Arguments whose call rejects: the library dropped the rejection, and so must the rewrite. */
  rejecting?: unknown[];
  max?: number;
}

const text = (k: number) => [`key-${k}`];
const number = (k: number) => [k];

const PROBES: Record<string, Probe> = {
  "typescript-memoize, method reads this": {
    fixture: "legacy/typescript-memoize.input.ts", className: "PriceList", member: "format", readsThis: true,
    state: (i) => [["EUR", "USD", "GBP", "CHF"][i]], args: number, expected: (i, k) => `${k.toFixed(2)} ${["EUR", "USD", "GBP", "CHF"][i]}`,
  },
  "typescript-memoize, method does not read this": {
    fixture: "legacy/typescript-memoize.input.ts", className: "PriceList", member: "taxOf", readsThis: false, state: () => ["EUR"], args: number,
  },
  "typescript-memoize hashFunction": {
    fixture: "legacy/typescript-memoize-options.input.ts", className: "Catalogue", member: "price", readsThis: true,
    state: (i) => ["r".repeat(i + 1)], args: (k) => [`sku${k}`, 2], expected: (i, k) => `sku${k}`.length * 2 + i + 1,
  },
  "typescript-memoize hashFunction: true": {
    fixture: "legacy/typescript-memoize-options.input.ts", className: "Catalogue", member: "describe", readsThis: false, state: () => ["eu"], args: (k) => [`sku${k}`, 3],
  },
  "typescript-memoize MemoizeExpiring": {
    fixture: "legacy/typescript-memoize-options.input.ts", className: "Catalogue", member: "stock", readsThis: false, state: () => ["eu"], args: text,
  },
  "typescript-memoize tags, getter": {
    fixture: "legacy/typescript-memoize-options.input.ts", className: "Catalogue", member: "summary", getter: true, readsThis: true, inputPins: true,
    state: (i) => [`region-${i}`], args: () => [], expected: (i) => `catalogue for region-${i}`,
  },
  "typescript-memoize tags, method": {
    fixture: "legacy/typescript-memoize-options.input.ts", className: "Catalogue", member: "lookup", readsThis: true,
    state: (i) => [`region-${i}`], args: text, expected: (i, k) => `region-${i}:key-${k}`,
  },
  "lodash-decorators @Memoize()": {
    fixture: "legacy/lodash-decorators.input.ts", className: "Greeter", member: "greet", readsThis: true,
    state: (i) => [["Hello", "Hi", "Hey", "Yo"][i]], args: text, expected: (i, k) => `${["Hello", "Hi", "Hey", "Yo"][i]}, key-${k}`,
  },
  "lodash-decorators resolver by method name": {
    fixture: "legacy/lodash-decorators.input.ts", className: "Greeter", member: "address", readsThis: true,
    state: (i) => [["Hello", "Hi", "Hey", "Yo"][i]], args: (k) => [`${k} Main St`, "Springfield"], expected: (i, k) => `${["Hello", "Hi", "Hey", "Yo"][i]} ${k} Main St, Springfield`,
  },
  "lodash-decorators deep import with a resolver": {
    fixture: "legacy/lodash-decorators-deep-import.input.ts", className: "Slugger", member: "slug", readsThis: false, state: () => [], args: (k) => [`Title ${k}`, "-"],
  },
  "decko @memoize, method reads this": {
    fixture: "legacy/decko.input.ts", className: "Account", member: "statement", readsThis: true, inputShared: true,
    state: (i) => [`owner-${i}`], args: text, expected: (i, k) => `owner-${i}: key-${k}`,
  },
  "decko @memoize, value holds the instance": {
    fixture: "legacy/decko.input.ts", className: "Account", member: "entry", readsThis: true, inputShared: true, inputPins: true, state: (i) => [`owner-${i}`], args: text,
  },
  "decko @memoize(), static method": {
    fixture: "legacy/decko.input.ts", className: "Account", member: "monthName", static: true, readsThis: false, inputShared: true, state: () => [], args: number,
  },
  "utils-decorators @memoize()": {
    fixture: "legacy/utils-decorators.input.ts", className: "Inventory", member: "location", readsThis: true, inputShared: true,
    state: (i) => [`wh-${i}`], args: (k) => [`sku${k}`, 3], expected: (i, k) => `wh-${i}/3/sku${k}`,
  },
  "utils-decorators @memoizeAsync()": {
    fixture: "legacy/utils-decorators.input.ts", className: "Inventory", member: "fetchCount", readsThis: true, inputShared: true,
    state: (i) => [`wh-${i}`], args: text, expected: (_i, k) => `key-${k}`.length, rejecting: ["missing"],
  },
  "utils-decorators @memoize(ms)": {
    fixture: "legacy/utils-decorators.input.ts", className: "Inventory", member: "weightOf", readsThis: false, inputShared: true, state: () => ["wh"], args: text,
  },
  "utils-decorators keyResolver": {
    fixture: "legacy/utils-decorators.input.ts", className: "Inventory", member: "label", readsThis: false, inputShared: true, state: () => ["wh"], args: text,
  },
  "mem @memDecorator()": {
    fixture: "legacy/mem.input.ts", className: "Converter", member: "convert", readsThis: true, state: (i) => [i + 2], args: number, expected: (i, k) => k * (i + 2),
  },
  "mem cacheKey": {
    fixture: "legacy/mem.input.ts", className: "Converter", member: "round", readsThis: false, state: () => [2], args: (k) => [k + 0.123, 2],
  },
  "@github/memoize decorator, async": {
    fixture: "legacy/github-memoize.input.ts", className: "Client", member: "fetchUser", readsThis: true, inputShared: true,
    state: (i) => [`https://api-${i}`], args: text, expected: (i, k) => `https://api-${i}/users/key-${k}`, rejecting: ["missing"],
  },
  "@github/memoize decorator, hash": {
    fixture: "legacy/github-memoize.input.ts", className: "Client", member: "route", readsThis: false, inputShared: true, state: () => ["https://api"], args: (k) => [`/r/${k}/`],
  },
  "typescript-memoize, overridden in a subclass: per instance": {
    fixture: "legacy/subclass-override.input.ts", className: "Shape", member: "area", readsThis: true, state: () => [], args: number, expected: (_i, k) => k * k,
  },
  "typescript-memoize, not overridden: shared": {
    fixture: "legacy/subclass-override.input.ts", className: "Shape", member: "perimeter", readsThis: false, state: () => [], args: number,
  },
  "memocap-max comment": {
    fixture: "legacy/ignored.input.ts", className: "Report", member: "summary", readsThis: false, state: () => [], args: number, max: 20,
  },
  "memoize @memoizeDecorator() (standard decorators)": {
    fixture: "standard/memoize.input.ts", className: "Translator", member: "translate", readsThis: true,
    state: (i) => [`l${i}`], args: text, expected: (i, k) => `l${i}:key-${k}`,
  },
  "memoize maxAge (standard decorators)": {
    fixture: "standard/memoize.input.ts", className: "Translator", member: "plural", readsThis: false, state: () => ["en"], args: text,
  },
  "memoize, static method (standard decorators)": {
    fixture: "standard/memoize.input.ts", className: "Translator", member: "parseLocale", static: true, readsThis: false, state: () => [], args: (k) => [`en-${k}`],
  },
  "p-memoize @pMemoizeDecorator() (standard decorators)": {
    fixture: "standard/p-memoize.input.ts", className: "Repository", member: "findById", readsThis: true,
    state: (i) => [`t${i}`], args: number, expected: (i, k) => `t${i}#${k}`, rejecting: [-1],
  },
  "p-memoize cacheKey (standard decorators)": {
    fixture: "standard/p-memoize.input.ts", className: "Repository", member: "countBetween", readsThis: false, state: () => ["t"], args: (k) => [k, k + 10],
  },
  "class field, lodash memoize": {
    fixture: "class-field-lodash.input.ts", className: "Geo", member: "distanceTo", readsThis: false, state: () => ["km"], args: text,
  },
  "class field, memoizee": {
    fixture: "class-field-memoizee.input.js", className: "Tokenizer", member: "split", readsThis: false, state: () => [], args: (k) => [`${k},${k + 1}`],
  },
  "prototype method, lodash memoize": {
    fixture: "prototype-lodash.input.cjs", className: "Formatter", member: "format", readsThis: true, inputShared: true,
    state: (i) => [`#${i}:`], args: number, expected: (i, k) => `#${i}:${k}`,
  },
  "prototype function, memoizee": {
    fixture: "prototype-memoizee.input.cjs", className: "Ledger", member: "total", readsThis: true, inputShared: true,
    state: (i) => [`C${i}`], args: text, expected: (i, k) => `key-${k} in C${i}`,
  },
  "prototype method, lodash memoize, TypeScript": {
    fixture: "prototype-typed.input.ts", className: "Pricing", member: "priceOf", readsThis: true, inputShared: true,
    state: (i) => [i + 2], args: number, expected: (i, k) => k * (i + 2),
  },
};

interface Loaded {
  module: FixtureModule;
  file: string;
  cls: Constructor;
}

function load(fixture: string, side: "input" | "output", className: string): Loaded {
  const path = join(FIXTURES, "share-instance-cache", side === "input" ? fixture : fixture.replace(".input.", ".output."));
  const { module, file } = loadTranspiled(path);
  return { module, file, cls: module[className] as Constructor };
}

function caller(probe: Probe, target: Instance | Constructor): (...args: unknown[]) => unknown {
  if (probe.getter) return () => target[probe.member];
  return (...args: unknown[]) => (target[probe.member] as (...a: unknown[]) => unknown).apply(target, args);
}

const make = (loaded: Loaded, probe: Probe, i: number) => new loaded.cls(...probe.state(i));
const counted = async (loaded: Loaded, run: () => Promise<unknown> | unknown) => {
  const before = loaded.module.computed.count;
  await run();
  return loaded.module.computed.count - before;
};

describe("share-instance-cache behaviour: input and output side by side", () => {
  for (const [title, probe] of Object.entries(PROBES)) {
    describe(title, () => {
      let input: Loaded;
      let output: Loaded;
      beforeAll(() => {
        input = load(probe.fixture, "input", probe.className);
        output = load(probe.fixture, "output", probe.className);
      });

      if (!probe.getter) {
        it(`stays within max: after ${KEYS} distinct keys the output holds at most ${probe.max ?? MAX}, the input all`, async () => {
          const inputTarget = probe.static ? input.cls : make(input, probe, 0);
          const outputTarget = probe.static ? output.cls : make(output, probe, 0);
          const before = await measure(input.module, caller(probe, inputTarget), probe.args, KEYS);
          const after = await measure(output.module, caller(probe, outputTarget), probe.args, KEYS);
          expect(after.results).toEqual(before.results);
          expect(before.retained).toBe(KEYS);
          expect(after.retained).toBeGreaterThan(0);
          expect(after.retained).toBeLessThanOrEqual(probe.max ?? MAX);
          expect(after.repeatHit).toBe(true);
        });
      }

      if (probe.readsThis && probe.expected) {
        it("reads this: instances with different state each get their own results", async () => {
          const run = async (loaded: Loaded) => {
            const results: unknown[] = [];
            for (let i = 0; i < INSTANCES; i++) results.push(await caller(probe, make(loaded, probe, i))(...probe.args(1)));
            return results;
          };
          const expected = Array.from({ length: INSTANCES }, (_, i) => probe.expected!(i, 1));
          expect(await run(output)).toEqual(expected);
          const inputResults = await run(input);
          // A store shared by every instance answers each of them with the first one's result.
          if (probe.inputShared) expect(inputResults).toEqual(expected.map(() => expected[0]));
          else expect(inputResults).toEqual(expected);
        });
      }

      if (!probe.readsThis && !probe.static) {
        it(`does not read this: ${INSTANCES} instances calling with the same argument compute once`, async () => {
          const callEach = (loaded: Loaded) => async () => {
            for (let i = 0; i < INSTANCES; i++) await caller(probe, make(loaded, probe, i))(...probe.args(3 * KEYS + 7));
          };
          expect(await counted(output, callEach(output))).toBe(1);
          expect(await counted(input, callEach(input))).toBe(probe.inputShared ? 1 : INSTANCES);
        });
      }

      if (probe.rejecting) {
        it("a rejected promise is not served again: the next call computes anew, as with the library", async () => {
          const retry = (loaded: Loaded) => async () => {
            const call = caller(probe, make(loaded, probe, 0));
            for (let attempt = 0; attempt < 2; attempt++) await expect(call(...probe.rejecting!)).rejects.toThrow();
          };
          expect(await counted(input, retry(input))).toBe(2);
          expect(await counted(output, retry(output))).toBe(2);
        });
      }
    });
  }
});

/** Instances the GC could reclaim after one call, run in a child node with --expose-gc. */
function collectable(cases: Array<{ file: string; probe: Probe }>): boolean[] {
  const payload = cases.map(({ file, probe }) => ({
    file,
    className: probe.className,
    constructorArgs: probe.state(0),
    member: probe.member,
    args: probe.args(3),
    getter: probe.getter ?? false,
  }));
  const run = spawnSync(process.execPath, ["--expose-gc", "--no-warnings", join(import.meta.dirname, "collectable.cjs"), JSON.stringify(payload)], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as boolean[];
}

describe("share-instance-cache behaviour: nothing pins an instance (node --expose-gc)", () => {
  const probes = Object.entries(PROBES).filter(([, probe]) => !probe.static);

  it("every output lets an instance whose member was called be collected once unreachable", () => {
    const files = probes.map(([, probe]) => ({ file: load(probe.fixture, "output", probe.className).file, probe }));
    const results = collectable(files);
    expect(Object.fromEntries(probes.map(([title], i) => [title, results[i]]))).toEqual(Object.fromEntries(probes.map(([title]) => [title, true])));
  });

  it("the inputs that pin instances (typescript-memoize tags, a shared store holding the instance) do", () => {
    const pinning = probes.filter(([, probe]) => probe.inputPins);
    expect(pinning.length).toBeGreaterThan(0);
    const results = collectable(pinning.map(([, probe]) => ({ file: load(probe.fixture, "input", probe.className).file, probe })));
    expect(results).toEqual(pinning.map(() => false));
  });
});
