import { join } from "node:path";
import memoize from "lodash/memoize.js";
import { LRUCache } from "lru-cache";
import { describe, expect, it } from "vitest";
import { FIXTURES, loadFixture, measure, type FixtureModule } from "./probe.ts";

const MAX = 500;
const KEYS = 10 * MAX;

type Fn = (...args: unknown[]) => unknown;

const PROBES: Record<string, { fixture: string; pick: (module: FixtureModule) => Fn; args: (i: number) => unknown[] }> = {
  "a lookup that is mostly undefined (.ts)": { fixture: "lodash-undefined-results.input.ts", pick: (m) => m.findUser as Fn, args: (i) => [`id-${i}`] },
  "a void function, memoized to run once per key (.ts, Object.assign form)": {
    fixture: "lodash-undefined-results.input.ts",
    pick: (m) => (m.handlers as Record<string, Fn>).warnOnce!,
    args: (i) => [`code-${i}`],
  },
  "a lookup that is mostly undefined (.js)": { fixture: "lodash-undefined-results-in-js.input.js", pick: (m) => m.ratingOf as Fn, args: (i) => [`drink-${i}`] },
  "a lookup that is mostly undefined (lodash.memoize required in .cjs)": {
    fixture: "lodash-undefined-results-in-cjs.input.cjs",
    pick: (m) => m.discountFor as Fn,
    args: (i) => [`code-${i}`],
  },
};

describe("lodash functions whose results can be undefined keep them cached after the rewrite", () => {
  for (const [title, probe] of Object.entries(PROBES)) {
    it(title, async () => {
      const inputPath = join(FIXTURES, "bound-memoize", probe.fixture);
      const [input, output] = await Promise.all([loadFixture(inputPath), loadFixture(inputPath.replace(".input.", ".output."))]);
      const before = await measure(input, probe.pick(input), probe.args, KEYS);
      const after = await measure(output, probe.pick(output), probe.args, KEYS);

      expect(after.results).toEqual(before.results);
      expect(after.results.every((result) => result === undefined)).toBe(true);
      expect(after.fillCalls).toBe(before.fillCalls);
      expect(before.retained).toBe(KEYS);
      expect(after.retained).toBe(MAX);
      expect(after.repeatHit).toBe(true);
    });
  }

  it("an undefined result is computed once, as before the rewrite (a plain LRUCache computes it on every call)", async () => {
    const output = await loadFixture(join(FIXTURES, "bound-memoize", "lodash-undefined-results.output.ts"));
    const findUser = output.findUser as Fn;
    const start = output.computed.count;
    for (let call = 0; call < 3; call++) expect(findUser("nobody")).toBeUndefined();
    expect(output.computed.count - start).toBe(1);

    let plainCalls = 0;
    const plain = memoize((id: string) => {
      plainCalls++;
      return id === "u1" ? "Ada" : undefined;
    });
    plain.cache = new LRUCache({ max: MAX });
    for (let call = 0; call < 3; call++) plain("nobody");
    expect(plainCalls).toBe(3);
  });
});
