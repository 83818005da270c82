import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, loadFixture, measure, type FixtureModule } from "./probe.ts";
import { loadTranspiled } from "./transpiled.ts";

const MAX = 500;
const KEYS = 10 * MAX;

type Fn = (...args: unknown[]) => Promise<unknown>;

interface Probe {
  fixture: string;
  pick: (module: FixtureModule) => Fn;
  args: (i: number) => unknown[];
  /** The fixture's I/O can be made to fail (`upstream.failures`). */
  fails: boolean;
  /** The input keeps a rejected promise for the key (every library here but p-memoize). */
  inputKeepsRejections: boolean;
  /** The rewrite left the site to its bound alone: rejections stay cached in the output too. */
  left?: boolean;
  /** Split: the output's I/O is not memoized and runs on every call. */
  split?: boolean;
  /** Decorators: compiled by TypeScript (standard decorators), as a project would run them. */
  transpile?: boolean;
}

interface Upstream {
  calls: number;
  failures: number;
}

const fn = (value: unknown) => value as Fn;
/** One instance per module: the input's decorator keeps a cache per instance. */
const instances = new WeakMap<FixtureModule, { parts: Fn }>();
const text = (prefix: string) => (i: number) => [`${prefix}-${i}`];

const PROBES: Record<string, Probe> = {
  "lodash, core after the last await (split)": {
    fixture: "lodash-core-after-await.input.ts",
    pick: (m) => fn(m.loadSchema),
    args: text("schema"),
    fails: true,
    inputKeepsRejections: true, split: true,
  },
  "memoizee with promise: true, core before the first await (split)": {
    fixture: "memoizee-core-before-await.input.ts",
    pick: (m) => fn(m.rowsOf),
    args: (i) => ["orders", i],
    fails: true,
    inputKeepsRejections: true, split: true,
  },
  "mem, async with no await (split)": { fixture: "mem-async-without-await.input.ts", pick: (m) => fn(m.slugOf), args: text("Title"), fails: false, inputKeepsRejections: true },
  "memoize, promise-returning function (LRUCache fetch)": {
    fixture: "memoize-promise-returning.input.ts",
    pick: (m) => fn(m.profileName),
    args: text("user"),
    fails: true,
    inputKeepsRejections: true,
  },
  "memoize, promise-returning function with a core (split)": {
    fixture: "memoize-promise-returning.input.ts",
    pick: (m) => fn(m.avatarUrl),
    args: text("User"),
    fails: false,
    inputKeepsRejections: true,
  },
  "lodash, no sound core (LRUCache fetch)": { fixture: "lodash-no-core-fallback.input.ts", pick: (m) => fn(m.userCard), args: text("id"), fails: true, inputKeepsRejections: true },
  "lodash, core writes an outer variable (LRUCache fetch)": { fixture: "unsound-cores.input.ts", pick: (m) => fn(m.tally), args: text("note"), fails: true, inputKeepsRejections: true },
  "lodash, core reads an object (LRUCache fetch)": { fixture: "unsound-cores.input.ts", pick: (m) => fn(m.countRows), args: text("table"), fails: false, inputKeepsRejections: true },
  "lodash, core reads this (left, bounded)": {
    fixture: "unsound-cores.input.ts",
    pick: (m) => {
      const catalogue = m.catalogue as { lookup: Fn };
      return (...args) => catalogue.lookup(...args);
    },
    args: text("sku"),
    fails: true,
    inputKeepsRejections: true,
    left: true,
  },
  "p-memoize (bounded as it is)": { fixture: "p-memoize-as-is.input.ts", pick: (m) => fn(m.rateOf), args: text("EUR"), fails: true, inputKeepsRejections: false },
  "moize.infinite, core after the last await (split)": {
    fixture: "moize-split-and-promise-mode.input.ts",
    pick: (m) => fn(m.page),
    args: text("docs/page"),
    fails: true,
    inputKeepsRejections: true, split: true,
  },
  "moize.infinite, no sound core (isPromise)": {
    fixture: "moize-split-and-promise-mode.input.ts",
    pick: (m) => fn(m.ownerOf),
    args: text("org/repo"),
    fails: true,
    inputKeepsRejections: true,
  },
  "memoize's @memoizeDecorator on an async method (split)": {
    fixture: "memoize-decorator-method.input.ts",
    transpile: true,
    pick: (m) => {
      const Templates = m.Templates as new (baseUrl: string) => { parts: Fn };
      let templates = instances.get(m);
      if (!templates) instances.set(m, (templates = new Templates("https://templates.example")));
      return (...args) => templates.parts(...args);
    },
    args: text("welcome"),
    fails: true,
    inputKeepsRejections: true,
    split: true,
  },
  "lodash in JavaScript, split": { fixture: "lodash-in-js.input.js", pick: (m) => fn(m.wordsIn), args: text("https://example.com/a"), fails: true, inputKeepsRejections: true, split: true },
  "lodash in JavaScript, LRUCache fetch": { fixture: "lodash-in-js.input.js", pick: (m) => fn(m.summaryOf), args: text("https://example.com/b"), fails: false, inputKeepsRejections: true },
};

const upstreamOf = (module: FixtureModule) => module.upstream as Upstream;

describe("split-async behaviour: input and output side by side", () => {
  for (const [title, probe] of Object.entries(PROBES)) {
    describe(title, () => {
      let input: FixtureModule;
      let output: FixtureModule;
      beforeAll(async () => {
        const path = join(FIXTURES, "split-async", probe.fixture);
        const load = (file: string) => (probe.transpile ? loadTranspiled(file).module : loadFixture(file));
        [input, output] = await Promise.all([load(path), load(path.replace(".input.", ".output."))]);
      });

      // First: a fixture's results may depend on what it computed before (a running total).
      it("gives the input's results, and keeps at most max entries where the input keeps all", async () => {
        const before = await measure(input, probe.pick(input), probe.args, KEYS);
        const after = await measure(output, probe.pick(output), probe.args, KEYS);
        expect(after.results).toEqual(before.results);
        expect(before.retained).toBe(KEYS);
        expect(after.retained).toBeGreaterThan(0);
        expect(after.retained).toBeLessThanOrEqual(MAX);
        expect(after.repeatHit).toBe(true);
      });

      it("a successful computation for the same input runs once", async () => {
        const args = probe.args(-2);
        for (const module of [input, output]) {
          const before = module.computed.count;
          const first = await probe.pick(module)(...args);
          const second = await probe.pick(module)(...args);
          expect(second).toEqual(first);
          expect(module.computed.count - before).toBe(1);
        }
      });

      if (probe.split) {
        it("the split's I/O runs on every call, the input's once", async () => {
          const args = probe.args(-3);
          for (const module of [input, output]) {
            const upstream = upstreamOf(module);
            const calls = upstream.calls;
            await probe.pick(module)(...args);
            await probe.pick(module)(...args);
            expect(upstream.calls - calls).toBe(module === output ? 2 : 1);
          }
        });
      }

      if (probe.fails) {
        const title = probe.left ? "a rejection stays cached, as in the input (left)" : "after a rejection, an immediate retry calls the function again and succeeds";
        it(title, async () => {
          const args = probe.args(-1);
          for (const module of [input, output]) {
            const upstream = upstreamOf(module);
            const calls = upstream.calls;
            upstream.failures = 1;
            await expect(probe.pick(module)(...args)).rejects.toThrow();
            const retry = probe.pick(module)(...args);
            const keeps = module === input ? probe.inputKeepsRejections : probe.left === true;
            if (keeps) {
              await expect(retry).rejects.toThrow();
              expect(upstream.calls - calls).toBe(1);
            } else {
              await expect(retry).resolves.toBeDefined();
              expect(upstream.calls - calls).toBe(2);
            }
            upstream.failures = 0;
          }
        });
      }
    });
  }
});
