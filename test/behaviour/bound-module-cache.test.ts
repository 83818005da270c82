import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, loadFixture, measure, type FixtureModule } from "./probe.ts";

const MAX = 500;
const KEYS = 10 * MAX;

interface Probe {
  fixture: string;
  /** How to get the cached function from the module. */
  pick: (module: FixtureModule) => (...args: unknown[]) => unknown;
  args: (i: number) => unknown[];
  max?: number;
}

const fn = (value: unknown) => value as (...args: unknown[]) => unknown;
const staticMethod = (owner: unknown, name: string) => (...args: unknown[]) => (owner as Record<string, (...args: unknown[]) => unknown>)[name]!(...args);
const text = (i: number) => [`key ${i}`];
const number = (i: number) => [i + 1];

const PROBES: Record<string, Probe> = {
  "Map<K, V>, read through get": { fixture: "map-typed.input.ts", pick: (m) => fn(m.shapeOf), args: text },
  "annotated Map": { fixture: "map-typed.input.ts", pick: (m) => fn(m.slug), args: text },
  "Map with has/set/get, also iterated": { fixture: "map-typed.input.ts", pick: (m) => fn(m.triangle), args: number },
  "untyped Map in TypeScript": { fixture: "map-untyped.input.ts", pick: (m) => fn(m.fields), args: (i) => [`${i},${i + 1}`] },
  "private static Map": {
    fixture: "map-untyped.input.ts",
    // The cached values are functions: compare what they return.
    pick: (m) => (source) => (staticMethod(m.Templates, "compile")(source) as (name: string) => string)("world"),
    args: (i) => [`hello {name} ${i}`],
  },
  "Map in a .js file": { fixture: "map-in-js.input.js", pick: (m) => fn(m.widthOf), args: text },
  "Map in CommonJS": { fixture: "map-cjs.input.cjs", pick: (m) => fn(m.digest), args: text },
  "static #private Map in CommonJS": { fixture: "map-cjs.input.cjs", pick: (m) => staticMethod(m.Resolver, "resolve"), args: (i) => [`pkg-${i}`] },
  "Record<string, V>: in, read, assignment returned": { fixture: "object-typed.input.ts", pick: (m) => fn(m.label), args: text },
  "index signature, ??= in an arrow body": { fixture: "object-typed.input.ts", pick: (m) => fn(m.area), args: number },
  "Record<number, V>, ||=": { fixture: "object-typed.input.ts", pick: (m) => fn(m.cube), args: number },
  "Object.create(null) as Record, hasOwnProperty.call, delete in catch": { fixture: "object-typed.input.ts", pick: (m) => fn(m.config), args: text },
  "object in a .js file, two-part key": { fixture: "object-in-js.input.js", pick: (m) => fn(m.greet), args: (i) => [`name-${i}`, i % 2 ? "fr" : "en"] },
  "object keyed by unknown values through String()": { fixture: "object-in-js.input.js", pick: (m) => fn(m.lengthOf), args: number },
  "Object.create(null) in CommonJS, || fill in an arrow body": { fixture: "object-cjs.input.cjs", pick: (m) => fn(m.route), args: (i) => [`/users/${i}/posts`] },
  "object in CommonJS, hasOwnProperty": { fixture: "object-cjs.input.cjs", pick: (m) => fn(m.owner), args: number },
  "memocap-max comment": { fixture: "directives.input.ts", pick: (m) => fn(m.rateOf), args: text, max: 50 },
};

describe("bound-module-cache behaviour: input and output side by side", () => {
  for (const [title, probe] of Object.entries(PROBES)) {
    it(title, async () => {
      const inputPath = join(FIXTURES, "bound-module-cache", probe.fixture);
      const [input, output] = await Promise.all([loadFixture(inputPath), loadFixture(inputPath.replace(".input.", ".output."))]);
      const max = probe.max ?? MAX;
      const before = await measure(input, probe.pick(input), probe.args, KEYS);
      const after = await measure(output, probe.pick(output), probe.args, KEYS);

      expect(after.results).toEqual(before.results);
      expect(after.fillCalls).toBe(before.fillCalls);
      expect(before.retained).toBe(KEYS);
      expect(after.retained).toBe(max);
      expect(after.repeatHit).toBe(true);
    });
  }
});
