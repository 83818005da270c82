import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FIXTURES, fn, loadFixture, measure, number, sideBySide, text, type FixtureModule, type Probe } from "./probe.ts";

/**
 * reselect 5.3, @github/memoize and utils-decorators (memoizify, memoizeAsyncify): each fixture's
 * input and output run side by side with the real library installed here. micro-memoize 5 has no
 * unbounded form to rewrite (see the last test); micro-memoize 4 and reselect 5.1 are in older-majors.test.ts.
 */



/** A selector called as it is in an app: with the module's state object and a primitive. */
const selector = (name: string) => (m: FixtureModule) => (id: unknown) => fn(m[name])(m.state, id);

const PROBES: Record<string, Probe> = {
  "reselect createSelector (state, id), default weakMapMemoize": { fixture: "reselect-named-import.input.ts", pick: selector("selectLabel"), args: number },
  "reselect weakMapMemoize called directly": { fixture: "reselect-named-import.input.ts", pick: (m) => fn(m.square), args: number },
  "reselect createSelectorCreator({ memoize: weakMapMemoize, argsMemoize: weakMapMemoize })": {
    fixture: "reselect-named-import.input.ts",
    pick: (m) => {
      const create = fn(m.createWeakSelector);
      const select = fn(
        create([(s: { items: string[] }) => s.items, (_s: unknown, id: number) => id], (items: string[], id: number) => {
          m.computed.count++;
          return `${items.length}:${id}`;
        }),
      );
      return (id) => select(m.state, id);
    },
    args: number,
  },
  "reselect namespace import, empty options": { fixture: "reselect-namespace-import.input.ts", pick: selector("selectConverted"), args: number },
  "reselect in .js, variadic input selectors": { fixture: "reselect-in-js.input.js", pick: selector("selectTotal"), args: number },
  "reselect destructured from require": { fixture: "reselect-require.input.cjs", pick: selector("selectName"), args: number },
  "require('reselect').createSelector": { fixture: "reselect-require.input.cjs", pick: selector("selectInitial"), args: number },

  "@github/memoize default import": { fixture: "github-memoize-default-import.input.ts", pick: (m) => fn(m.slug), args: (i) => [`Title ${i}`] },
  "@github/memoize with a hash option, async": { fixture: "github-memoize-default-import.input.ts", pick: (m) => fn(m.fetchPrice), args: (i) => [`sku-${i}`, "EUR"] },
  "@github/memoize in .js, function declaration": { fixture: "github-memoize-in-js.input.js", pick: (m) => fn(m.cachedArea), args: (i) => [i, 3] },
  "require('@github/memoize').default": { fixture: "github-memoize-require.input.cjs", pick: (m) => fn(m.parse), args: (i) => [`${i},${i + 1}`] },

  "utils-decorators memoizify, two parameters": { fixture: "utils-decorators-named-import.input.ts", pick: (m) => fn(m.price), args: (i) => [`sku-${i}`, 2] },
  "utils-decorators memoizeAsyncify": { fixture: "utils-decorators-named-import.input.ts", pick: (m) => fn(m.loadRate), args: text },
  "utils-decorators memoizify in .js, expirationTimeMs": { fixture: "utils-decorators-in-js.input.js", pick: (m) => fn(m.route), args: (i) => ["get", `/items/${i}`] },
  "utils-decorators memoizeAsyncify destructured from require": { fixture: "utils-decorators-require.input.cjs", pick: (m) => fn(m.lookup), args: (i) => [`host-${i}`] },
  "utils-decorators namespace require, memoizify": { fixture: "utils-decorators-require.input.cjs", pick: (m) => fn(m.hash), args: text },
};

// reselect 5.3 warns (in development) once a weakMapMemoize has seen 1000 primitives: the inputs do.
let warn: ReturnType<typeof vi.spyOn>;
beforeAll(() => {
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterAll(() => warn.mockRestore());

describe("bound-memoize, version-aware libraries: input and output side by side", () => sideBySide(PROBES, join(FIXTURES, "bound-memoize")));

it("micro-memoize 5 keeps one entry for maxSize: Infinity, which is why memocap leaves it (MC112, MC430)", async () => {
  const module = await loadFixture(join(FIXTURES, "bound-memoize", "micro-memoize-named-import.input.ts"));
  const measured = await measure(module, fn(module.distance), (i) => [`from-${i}`, "to"], 100);
  expect(measured.retained).toBe(1);
  expect(measured.repeatHit).toBe(true);
});
