import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, fn, loadFixture, number, sideBySide, text, type FixtureModule, type Probe } from "./probe.ts";

/**
 * fast-memoize, @formatjs/fast-memoize, mem, memoize, p-memoize, moize, memize and memoizerific:
 * each fixture's input and output run side by side with the real library.
 */



/** Three distinct capital letters per i: a well-formed currency code for Intl. */
const currency = (i: number) => String.fromCharCode(65 + (i % 26), 65 + (Math.floor(i / 26) % 26), 65 + (Math.floor(i / 676) % 26));
/** A distinct, valid BCP 47 tag per i (a private-use subtag). */
const locale = (i: number) => [`en-x-k${i}`];

const PROBES: Record<string, Probe> = {
  "fast-memoize, two parameters (JSON of all arguments)": { fixture: "fast-memoize-default-import.input.ts", pick: (m) => fn(m.shippingCost), args: (i) => [`zone-${i % 7}`, i] },
  "fast-memoize, one parameter (monadic)": { fixture: "fast-memoize-default-import.input.ts", pick: (m) => fn(m.label), args: text },
  "fast-memoize in .js, inline function": { fixture: "fast-memoize-in-js.input.js", pick: (m) => fn(m.route), args: (i) => ["get", `/items/${i}`] },
  "fast-memoize in .js, empty options": { fixture: "fast-memoize-in-js.input.js", pick: (m) => fn(m.price), args: number },
  "fast-memoize required": { fixture: "fast-memoize-require.input.cjs", pick: (m) => fn(m.tokenize), args: (i) => [`a b ${"c ".repeat(i % 5)}${i}`] },
  "@formatjs/fast-memoize required": { fixture: "fast-memoize-require.input.cjs", pick: (m) => fn(m.plural), args: locale },
  "@formatjs/fast-memoize named import, variadic strategy": {
    fixture: "formatjs-fast-memoize.input.ts",
    pick: (m) => (...args) => (fn(m.numberFormat)(...args) as Intl.NumberFormat).resolvedOptions().currency,
    args: (i) => ["en", currency(i)],
  },
  "@formatjs/fast-memoize namespace import in .js": { fixture: "formatjs-fast-memoize-in-js.input.js", pick: (m) => fn(m.listFormat), args: locale },

  "mem default import": { fixture: "mem-default-import.input.ts", pick: (m) => fn(m.userName), args: text },
  "mem with cache: new Map()": { fixture: "mem-default-import.input.ts", pick: (m) => fn(m.explicitMap), args: (i) => [`/srv/${i}/a`] },
  "mem in .js": { fixture: "mem-in-js.input.js", pick: (m) => fn(m.slugify), args: (i) => [`Title ${i}`] },
  "mem required (.default)": { fixture: "mem-require.input.cjs", pick: (m) => fn(m.square), args: number },

  "memoize default import": { fixture: "memoize-default-import.input.ts", pick: (m) => fn(m.userName), args: text },
  "memoize with cache: new Map()": { fixture: "memoize-default-import.input.ts", pick: (m) => fn(m.explicitMap), args: (i) => [`/srv/${i}/a`] },
  "memoize in .js": { fixture: "memoize-in-js.input.js", pick: (m) => fn(m.titleCase), args: (i) => [`Title ${i}`] },
  "memoize required ({ default })": { fixture: "memoize-require.input.cjs", pick: (m) => fn(m.square), args: number },

  "p-memoize default import": { fixture: "p-memoize-default-import.input.ts", pick: (m) => fn(m.fetchRate), args: text },
  "p-memoize in .js, cacheKey option": { fixture: "p-memoize-in-js.input.js", pick: (m) => fn(m.lookup), args: (i) => [`host-${i}`] },
  "p-memoize required, namespace .default": { fixture: "p-memoize-require.input.cjs", pick: (m) => fn(m.cached), args: text },

  "moize.infinite, two parameters": { fixture: "moize-default-import.input.ts", pick: (m) => fn(m.distance), args: (i) => [`from-${i}`, "to"] },
  "moize with maxSize: Infinity and other options": { fixture: "moize-default-import.input.ts", pick: (m) => fn(m.area), args: (i) => [i, 3] },
  "moize.infinite with isDeepEqual, memocap-max comment": { fixture: "moize-default-import.input.ts", pick: (m) => fn(m.deepKeys), args: (i) => [{ id: i }], max: 50 },
  "moize.infinite of an async function, given isPromise": { fixture: "moize-default-import.input.ts", pick: (m) => fn(m.loadUser), args: number },
  "moize.infinite in .js": { fixture: "moize-in-js.input.js", pick: (m) => fn(m.parseQuery), args: (i) => [`a=${i}&b=2`] },
  "moize required, maxSize: Number.POSITIVE_INFINITY": { fixture: "moize-require.input.cjs", pick: (m) => fn(m.lineCount), args: (i) => [`line\n${i}`] },
  "moize.infinite destructured from require": { fixture: "moize-require.input.cjs", pick: (m) => fn(m.wordCount), args: (i) => [`word ${i}`] },
  "require('moize').default.infinite": { fixture: "moize-require.input.cjs", pick: (m) => fn(m.charCount), args: text },

  "memize default import": { fixture: "memize-default-import.input.ts", pick: (m) => fn(m.className), args: (i) => ["card", `state-${i}`] },
  "memize with maxSize: Infinity": { fixture: "memize-default-import.input.ts", pick: (m) => fn(m.unlimited), args: number },
  "memize in .js": { fixture: "memize-in-js.input.js", pick: (m) => fn(m.escapeHtml), args: (i) => [`<b>${i}</b>`] },
  "memize required, empty options": { fixture: "memize-require.input.cjs", pick: (m) => fn(m.toPath), args: (i) => [`a.b.${i}`] },

  "memoizerific(0)": { fixture: "memoizerific-default-import.input.ts", pick: (m) => fn(m.tileKey), args: (i) => [i, i + 1, 3] },
  "memoizerific(0) wrapper shared by two functions": { fixture: "memoizerific-default-import.input.ts", pick: (m) => fn(m.double), args: number },
  "memoizerific(Infinity) in .js": { fixture: "memoizerific-in-js.input.js", pick: (m) => fn(m.colour), args: (i) => [i % 256, Math.floor(i / 256), 0] },
  "memoizerific() required": { fixture: "memoizerific-require.input.cjs", pick: (m) => fn(m.initials), args: (i) => [`Ada ${i}`] },
};

describe("memoizer libraries: input and output side by side", () => sideBySide(PROBES, join(FIXTURES, "bound-memoize")));

it("moize.infinite of an async function: the input serves a rejected promise again, the output calls again", async () => {
  const inputPath = join(FIXTURES, "bound-memoize", "moize-default-import.input.ts");
  const outcomes = async (module: FixtureModule): Promise<string[]> => {
    const loadUser = fn(module.loadUser) as (id: number) => Promise<{ name: string }>;
    (module.flaky as { failNext: boolean }).failNext = true;
    const settle = () => loadUser(-1).then((user) => user.name, (error: Error) => error.message);
    return [await settle(), await settle()];
  };
  expect(await outcomes(await loadFixture(inputPath))).toEqual(["user -1: service unavailable", "user -1: service unavailable"]);
  expect(await outcomes(await loadFixture(inputPath.replace(".input.", ".output.")))).toEqual(["user -1: service unavailable", "user--1"]);
});
