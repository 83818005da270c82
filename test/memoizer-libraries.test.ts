import { describe, expect, it } from "vitest";
import { analyseText } from "../src/index.ts";
import { PREFILTER } from "../src/analysis/index.ts";

/** Detection, verdicts and key-bug findings for fast-memoize, mem, memoize, p-memoize, moize, memize and memoizerific. */

const sitesOf = (code: string, path = "/project/a.ts") => analyseText(path, code);
const codesOf = (code: string, path?: string) => sitesOf(code, path).map((site) => site.code);
const findingCodes = (code: string, path?: string) => sitesOf(code, path).flatMap((site) => site.findings.map((finding) => finding.code));

describe("import forms are resolved to their library", () => {
  const forms: Array<[library: string, code: string, source: string, form: string, path?: string]> = [
    ["fast-memoize", "MC103", `import memoize from "fast-memoize"; export const f = memoize((k: string) => k);`, "default import"],
    ["fast-memoize", "MC103", `const memoize = require("fast-memoize"); const f = memoize((k) => k);`, "require", "/project/a.cjs"],
    ["fast-memoize", "MC103", `import { memoize as m } from "@formatjs/fast-memoize"; export const f = m((k: string) => k);`, "@formatjs renamed named import"],
    ["fast-memoize", "MC103", `import * as fm from "@formatjs/fast-memoize"; export const f = fm.memoize((k: string) => k);`, "@formatjs namespace import"],
    ["mem", "MC104", `import mem from "mem"; export const f = mem((k: string) => k);`, "default import"],
    ["mem", "MC104", `const mem = require("mem").default; const f = mem((k) => k);`, "require(...).default", "/project/a.cjs"],
    ["mem", "MC104", `var _mem = _interopRequireDefault(require("mem")); var f = (0, _mem.default)(function (k) { return k; });`, "Babel interop output", "/project/a.cjs"],
    ["memoize", "MC105", `import memoize from "memoize"; export const f = memoize((k: string) => k);`, "default import"],
    ["memoize", "MC105", `const { default: memoize } = require("memoize"); const f = memoize((k) => k);`, "destructured default", "/project/a.cjs"],
    ["p-memoize", "MC106", `import pMemoize from "p-memoize"; export const f = pMemoize(async (k: string) => k);`, "default import"],
    ["p-memoize", "MC106", `import { default as pm } from "p-memoize"; export const f = pm(async (k: string) => k);`, "named default import"],
    ["moize", "MC107", `import moize from "moize"; export const f = moize.infinite((k: string) => k);`, "moize.infinite"],
    ["moize", "MC107", `const moize = require("moize"); const f = moize.infinite((k) => k);`, "require", "/project/a.cjs"],
    ["moize", "MC107", `const { infinite } = require("moize"); const f = infinite((k) => k);`, "destructured infinite", "/project/a.cjs"],
    ["memize", "MC108", `import memize from "memize"; export const f = memize((k: string) => k);`, "default import"],
    ["memize", "MC108", `const memize = require("memize"); const f = memize((k) => k);`, "require", "/project/a.cjs"],
    ["memoizerific", "MC109", `import memoizerific from "memoizerific"; export const f = memoizerific(0)((k: string) => k);`, "default import"],
    ["memoizerific", "MC109", `import memoizerific = require("memoizerific"); export const f = memoizerific(0)((k: string) => k);`, "import = require"],
  ];
  for (const [library, code, source, form, path] of forms) {
    it(`${library}: ${form}`, () => {
      expect(PREFILTER.test(source)).toBe(true);
      const sites = sitesOf(source, path);
      expect(sites).toHaveLength(1);
      expect(sites[0]).toMatchObject({ library, code, bounded: false, verdict: "rewrite", transform: "bound-memoize" });
    });
  }

  it("names that only look like a library are not sites", () => {
    expect(sitesOf(`function moize(fn: any) { return fn; } export const f = moize.infinite((k: string) => k);`)).toEqual([]);
    expect(sitesOf(`import mem from "mem"; export function g(mem: any) { return mem((k: string) => k); }`)).toEqual([]);
    // mem is ESM-only: require("mem") is its namespace, which is not callable.
    expect(sitesOf(`const mem = require("mem"); const f = mem((k) => k);`, "/project/a.cjs")).toEqual([]);
    expect(sitesOf(`import moize from "moize"; export const f = moize.isMoized(() => 1);`)).toEqual([]);
  });
});

describe("bounded forms are left alone", () => {
  const bounded: Array<[form: string, source: string, code: string, max?: number]> = [
    ["plain moize(fn) keeps one entry", `import moize from "moize"; export const f = moize((k: string) => k);`, "MC112", 1],
    ["moize.deep(fn) keeps one entry", `import moize from "moize"; export const f = moize.deep((k: object) => k);`, "MC112", 1],
    ["moize with maxSize", `import moize from "moize"; export const f = moize((k: string) => k, { maxSize: 20 });`, "MC110", 20],
    ["moize.infinite with maxSize", `import moize from "moize"; export const f = moize.infinite((k: string) => k, { maxSize: 30 });`, "MC110", 30],
    ["moize.maxSize(n)(fn)", `import moize from "moize"; export const f = moize.maxSize(40)((k: string) => k);`, "MC110", 40],
    ["memize with maxSize", `import memize from "memize"; export const f = memize((k: string) => k, { maxSize: 50 });`, "MC110", 50],
    ["memoizerific(n)", `import memoizerific from "memoizerific"; export const f = memoizerific(60)((k: string) => k);`, "MC110", 60],
    ["mem with an LRUCache", `import mem from "mem"; import { LRUCache } from "lru-cache"; export const f = mem((k: string) => k, { cache: new LRUCache({ max: 70 }) });`, "MC111", 70],
    ["memoize with a QuickLRU", `import memoize from "memoize"; import QuickLRU from "quick-lru"; export const f = memoize((k: string) => k, { cache: new QuickLRU({ maxSize: 80 }) });`, "MC111", 80],
    ["p-memoize with cache: false", `import pMemoize from "p-memoize"; export const f = pMemoize(async (k: string) => k, { cache: false });`, "MC111"],
    ["mem with a WeakMap", `import mem from "mem"; export const f = mem((k: object) => k, { cache: new WeakMap() });`, "MC124"],
    [
      "fast-memoize with an LRUCache factory",
      `import memoize from "fast-memoize"; import { LRUCache } from "lru-cache"; export const f = memoize((k: string) => k, { cache: { create: () => new LRUCache<any, any>({ max: 90 }) } });`,
      "MC111",
      90,
    ],
  ];
  for (const [form, source, code, max] of bounded) {
    it(form, () => {
      const [site] = sitesOf(source);
      expect(site).toMatchObject({ bounded: true, code, verdict: "none" });
      expect(site?.max).toBe(max);
    });
  }

  it("options the analysis cannot read are left with a reason", () => {
    expect(codesOf(`import mem from "mem"; const o = {}; export const f = mem((k: string) => k, o);`)).toEqual(["MC902"]);
    expect(codesOf(`import memize from "memize"; const o = {}; export const f = memize((k: string) => k, { ...o });`)).toEqual(["MC902"]);
    expect(codesOf(`import moize from "moize"; const o = {}; export const f = moize.infinite((k: string) => k, o);`)).toEqual(["MC902"]);
    expect(codesOf(`import moize from "moize"; export const f = moize({ maxSize: Infinity })((k: string) => k, { isPromise: true });`)).toEqual(["MC902"]);
  });
});

describe("rewrite plans keep the library's own API", () => {
  it("moize.infinite becomes moize with maxSize; a destructured infinite keeps its name", () => {
    const [member] = sitesOf(`import moize from "moize"; export const f = moize.infinite((k: string) => k, { isDeepEqual: true });`);
    expect(member?.plan).toEqual([
      { kind: "replace-callee", text: "moize" },
      { kind: "set-option", argIndex: 1, name: "maxSize", value: "500" },
    ]);
    const [bare] = sitesOf(`const { infinite } = require("moize"); const f = infinite((k) => k);`, "/project/a.cjs");
    expect(bare?.plan).toEqual([{ kind: "set-option", argIndex: 1, name: "maxSize", value: "500" }]);
  });

  it("curried forms are bounded at the step that holds the size", () => {
    const [options] = sitesOf(`import moize from "moize"; export const f = moize({ maxSize: Infinity })((k: string) => k);`);
    expect(options).toMatchObject({ name: "f", arity: 1, plan: [{ kind: "set-option", argIndex: 0, name: "maxSize", value: "500" }] });
    const [limit] = sitesOf(`import memoizerific from "memoizerific"; export const f = memoizerific()(async (a: number, b: number) => a + b);`);
    expect(limit).toMatchObject({ name: "f", arity: 2, async: true, plan: [{ kind: "set-argument", argIndex: 0, value: "500" }] });
  });

  it("a memocap-max comment sets the bound", () => {
    const [site] = sitesOf(`import memize from "memize";\n// memocap-max: 25\nexport const f = memize((k: string) => k);`);
    expect(site?.plan).toEqual([{ kind: "set-option", argIndex: 1, name: "maxSize", value: "25" }]);
  });

  it("cache: new Map() is replaced by an LRUCache, typed as any where the library's types would reject it", () => {
    const [typed] = sitesOf(`import mem from "mem"; export const f = mem((k: string) => k, { cache: new Map() });`);
    expect(typed?.plan).toEqual([{ kind: "set-lru-option", argIndex: 1, name: "cache", max: 500, form: "instance", anyCast: undefined }]);
    const [untypedJs] = sitesOf(`import mem from "mem"; export const f = mem((k) => k);`, "/project/a.js");
    expect(untypedJs?.plan).toEqual([expect.objectContaining({ anyCast: "jsdoc" })]);
    const [jsDocTyped] = sitesOf(`import mem from "mem"; export const f = mem((/** @type {string} */ k) => k);`, "/project/a.js");
    expect(jsDocTyped?.plan).toEqual([expect.objectContaining({ anyCast: undefined })]);
    const [fastMemoize] = sitesOf(`import memoize from "fast-memoize"; export const f = memoize((k: string) => k);`);
    expect(fastMemoize?.plan).toEqual([{ kind: "set-lru-option", argIndex: 1, name: "cache", max: 500, form: "factory", anyCast: "type-arguments" }]);
  });
});

describe("key bugs are reported, never changed", () => {
  it("object arguments compared by reference, for every library that keys by identity (MC401)", () => {
    const objectKey = (memoizer: string, importLine: string, options = "") =>
      findingCodes(`${importLine}\ninterface Point { x: number }\nexport const f = ${memoizer}((p: Point) => p.x${options});`).includes("MC401");
    expect(objectKey("mem", `import mem from "mem";`)).toBe(true);
    expect(objectKey("memoize", `import memoize from "memoize";`)).toBe(true);
    expect(objectKey("pMemoize", `import pMemoize from "p-memoize";`)).toBe(true);
    expect(objectKey("memize", `import memize from "memize";`)).toBe(true);
    expect(objectKey("nanomemoize", `import nanomemoize from "nano-memoize";`)).toBe(true);
    // A cacheKey / serializer makes the key itself; fast-memoize serialises its arguments to JSON.
    expect(objectKey("mem", `import mem from "mem";`, ", { cacheKey: ([p]) => String(p.x) }")).toBe(false);
    expect(objectKey("nanomemoize", `import nanomemoize from "nano-memoize";`, ", { serializer: JSON.stringify }")).toBe(false);
    expect(objectKey("fastMemoize", `import fastMemoize from "fast-memoize";`)).toBe(false);
    // A primitive key is not reported.
    expect(findingCodes(`import memize from "memize";\nexport const f = memize((id: string) => id.length);`)).not.toContain("MC401");
  });

  it("mem, memoize and p-memoize key on the first argument of a multi-parameter function (MC404)", () => {
    expect(findingCodes(`import mem from "mem"; export const f = mem((a: number, b: number) => a + b);`)).toEqual(["MC404"]);
    expect(findingCodes(`import memoize from "memoize"; export const f = memoize((...xs: number[]) => xs.length);`)).toEqual(["MC404"]);
    expect(findingCodes(`import pMemoize from "p-memoize"; export const f = pMemoize(async (a: number, b: number) => a + b);`)).toEqual(["MC404"]);
    expect(findingCodes(`import mem from "mem"; export const f = mem((a: number, b: number) => a + b, { cacheKey: JSON.stringify });`)).toEqual([]);
    expect(findingCodes(`import mem from "mem"; export const f = mem((a: number) => a);`)).toEqual([]);
    const [site] = sitesOf(`import mem from "mem"; export const f = mem((a: number, b: number) => a + b);`);
    expect(site?.findings[0]?.message).toContain("mem; the function takes 2 parameters");
  });

  it("fast-memoize drops parameters after the first when fn.length is 1 (MC405)", () => {
    expect(findingCodes(`import memoize from "fast-memoize"; export const f = memoize((a: number, b = 10) => a + b);`)).toEqual(["MC405"]);
    expect(findingCodes(`import memoize from "fast-memoize"; export const f = memoize((a: number, ...rest: number[]) => a + rest.length);`)).toEqual(["MC405"]);
    expect(findingCodes(`import { memoize } from "@formatjs/fast-memoize"; function f(a: number, b?: number) { return a + (b ?? 0); } export const g = memoize(f);`)).toEqual([]);
    expect(findingCodes(`import memoize from "fast-memoize"; export const f = memoize((a: number, b: number) => a + b);`)).toEqual([]);
    expect(findingCodes(`import memoize from "fast-memoize"; export const f = memoize((a = 1, b = 2) => a + b);`)).toEqual([]);
    expect(findingCodes(`import memoize from "fast-memoize"; export const f = memoize((a: number, b = 10) => a + b, { strategy: memoize.strategies.variadic });`)).toEqual([]);
  });

  it("one memoizerific wrapper shared by two functions (MC406)", () => {
    const shared = `import memoizerific from "memoizerific"; const m = memoizerific(10); export const a = m((x: number) => x * 2); export const b = m((x: number) => -x);`;
    expect(findingCodes(shared)).toEqual(["MC406"]);
    expect(sitesOf(shared)[0]).toMatchObject({ bounded: true, verdict: "none" });
    const once = `import memoizerific from "memoizerific"; const m = memoizerific(10); export const a = m((x: number) => x * 2);`;
    expect(findingCodes(once)).toEqual([]);
    const shadowed = `import memoizerific from "memoizerific"; const m = memoizerific(10); export const a = m((x: number) => x); export function g(m: (f: unknown) => unknown) { return m(() => 1); }`;
    expect(findingCodes(shadowed)).toEqual([]);
  });

  it("an unbounded moize of an async function is given moize's promise mode, which drops rejections", () => {
    const [site] = sitesOf(`import moize from "moize"; export const f = moize.infinite(async (k: string) => k);`);
    expect(site).toMatchObject({ code: "MC204", transform: "split-async", plan: [{ kind: "set-option", argIndex: 1, name: "isPromise", value: "true" }], findings: [] });
  });

  it("async functions cached with their rejections (MC201), except where the library evicts them", () => {
    expect(findingCodes(`import memoizerific from "memoizerific"; export const f = memoizerific(10)(async (k: string) => k);`)).toEqual(["MC201"]);
    expect(findingCodes(`import memize from "memize"; export const f = memize(async (k: string) => k);`)).toEqual(["MC201"]);
    expect(findingCodes(`import moize from "moize"; export const f = moize.infinite(async (k: string) => k, { isPromise: true });`)).toEqual([]);
    expect(findingCodes(`import moize from "moize"; export const f = moize.promise(async (k: string) => k);`)).toEqual([]);
    expect(findingCodes(`import pMemoize from "p-memoize"; export const f = pMemoize(async (k: string) => k);`)).toEqual([]);
  });
});

it("scan of one file using every library of this group lists each site with its library and verdict", () => {
  const sites = sitesOf(`
import fastMemoize from "fast-memoize";
import { memoize as formatjsMemoize } from "@formatjs/fast-memoize";
import mem from "mem";
import memoize from "memoize";
import pMemoize from "p-memoize";
import moize from "moize";
import memize from "memize";
import memoizerific from "memoizerific";

export const a = fastMemoize((x: number, y = 1) => x + y);
export const b = formatjsMemoize((x: string) => x);
export const c = mem((x: string, y: string) => x + y);
export const d = memoize((x: string) => x);
export const e = pMemoize(async (x: string, y: number) => x + y);
export const f = moize.infinite((x: string) => x);
export const g = moize((x: string) => x);
export const h = memize((x: string) => x);
const shared = memoizerific(0);
export const i = shared((x: string) => x);
export const j = shared((x: number) => x);
`);
  expect(sites.map((site) => [site.name, site.library, site.verdict, site.code, ...site.findings.map((finding) => finding.code)])).toEqual([
    ["a", "fast-memoize", "rewrite", "MC103", "MC405"],
    ["b", "fast-memoize", "rewrite", "MC103"],
    ["c", "mem", "rewrite", "MC104", "MC404"],
    ["d", "memoize", "rewrite", "MC105"],
    ["e", "p-memoize", "rewrite", "MC106", "MC404"],
    ["f", "moize", "rewrite", "MC107"],
    ["g", "moize", "none", "MC112"],
    ["h", "memize", "rewrite", "MC108"],
    ["shared", "memoizerific", "rewrite", "MC109", "MC406"],
  ]);
});
