import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Analyser } from "../src/analysis/analyser.ts";
import { PREFILTER } from "../src/analysis/libraries/index.ts";
import type { Site } from "../src/analysis/site.ts";
import { ROOT } from "./helpers/cli.ts";

const analyser = new Analyser({ max: 500 });
const FIXTURES = join(ROOT, "__testfixtures__", "bound-module-cache");

const cachesOf = (code: string, path = "/project/cache.ts"): Site[] => analyser.analyse(path, code).filter((site) => site.kind === "module-cache");
const only = (code: string, path?: string): Site => {
  const sites = cachesOf(code, path);
  expect(sites).toHaveLength(1);
  return sites[0]!;
};
const byName = (fixture: string): Record<string, Site> => {
  const path = join(FIXTURES, fixture);
  return Object.fromEntries(cachesOf(readFileSync(path, "utf8"), path).map((site) => [site.name, site]));
};

const READ_THROUGH = (store: string, declaration = `const cache = ${store};`) => `${declaration}
export function get(key: string): string {
  let value = cache.get(key);
  if (value === undefined) {
    value = key.toUpperCase();
    cache.set(key, value);
  }
  return value;
}`;

describe("the negative fixtures are left alone, each with its reason", () => {
  it("not-caches: registries, lookup tables, fixed keys, counters, flags, collections", () => {
    const sites = byName("not-caches.input.ts");
    expect(Object.fromEntries(Object.entries(sites).map(([name, site]) => [name, [site.code, site.verdict]]))).toEqual({
      handlers: ["MC123", "none"],
      statusText: ["MC122", "none"],
      settings: ["MC122", "none"],
      hits: ["MC123", "none"],
      warned: ["MC123", "none"],
      listeners: ["MC123", "none"],
      tagged: ["MC123", "none"],
      ids: ["MC123", "none"],
    });
    expect(sites.handlers!.message).toMatch(/stores a value passed in/);
    expect(sites.statusText!.message).toMatch(/filled while the module loads/);
    expect(sites.settings!.message).toMatch(/fixed keys such as `"theme"`/);
    expect(sites.hits!.message).toMatch(/computes the new value from the old one/);
    expect(sites.warned!.message).toMatch(/writes a flag/);
    expect(sites.listeners!.message).toMatch(/`list\.push\(listener\)` changes a stored value in place/);
    expect(sites.ids!.message).toMatch(/a value that cannot be computed again \(`nextId\+\+`\)/);
    expect(sites.tagged!.message).toMatch(/`tagged\.get\(name\)!\.push\(item\)` changes a stored value in place/);
  });

  it("evicted: clear, a size check, replacement, a count cap, delete after settling, a timer; a WeakMap", () => {
    const sites = byName("evicted.input.ts");
    for (const name of ["recent", "perRequest", "compiled", "limited", "pending", "expiring"]) {
      expect(sites[name], name).toMatchObject({ code: "MC121", bounded: true, verdict: "none" });
    }
    expect(sites.recent!.message).toMatch(/a size check: `recent\.size >= 100`/);
    expect(sites.perRequest!.message).toMatch(/clear\(\)/);
    expect(sites.compiled!.message).toMatch(/replaced: `compiled = \{\}`/);
    expect(sites.limited!.message).toMatch(/written only while `stored < limit`/);
    expect(sites.expiring!.message).toMatch(/in a timer/);
    expect(sites.sizes).toMatchObject({ library: "weakmap", code: "MC124", bounded: true, verdict: "none" });
  });

  it("escapes: exported, passed to code typed Map, instanceof Map, undefined values, returned", () => {
    const sites = byName("escapes.input.ts");
    expect(sites.exportedCache).toMatchObject({ code: "MC920", verdict: "skip", bounded: false });
    expect(sites.passed).toMatchObject({ code: "MC920", verdict: "skip" });
    expect(sites.passed!.message).toMatch(/passed to `dump`, line 27/);
    expect(sites.checked).toMatchObject({ code: "MC921", verdict: "skip" });
    expect(sites.optional).toMatchObject({ code: "MC922", verdict: "skip" });
    expect(sites.optional!.message).toMatch(/values typed `string \| undefined`/);
    expect(sites.returned).toMatchObject({ code: "MC920", verdict: "skip" });
    expect(sites.returned!.message).toMatch(/returned from a function/);
  });

  it("escapes in CommonJS: module.exports and an alias", () => {
    const sites = byName("escapes-cjs.input.cjs");
    expect(sites.byName).toMatchObject({ library: "object", code: "MC920" });
    expect(sites.byName!.message).toMatch(/exported/);
    expect(sites.aliased).toMatchObject({ library: "map", code: "MC920" });
    expect(sites.aliased!.message).toMatch(/aliased as `sameMap`/);
  });

  it("memocap-ignore and memocap-max", () => {
    const sites = byName("directives.input.ts");
    expect(sites.symbols).toMatchObject({ code: "MC901", verdict: "skip" });
    expect(sites.rates).toMatchObject({ code: "MC120", verdict: "rewrite", max: 50 });
    expect(sites.sessions).toBeUndefined();
  });
});

describe("rewritten module caches", () => {
  it("a Map site carries its plan for bound-module-cache", () => {
    const site = only(READ_THROUGH("new Map<string, string>()"));
    expect(site).toMatchObject({
      kind: "module-cache",
      library: "map",
      name: "cache",
      line: 1,
      column: 15,
      bounded: false,
      code: "MC120",
      verdict: "rewrite",
      transform: "bound-module-cache",
      needsLruCache: true,
      max: 500,
      findings: [],
    });
    expect(site.plan).toEqual([{ kind: "new-lru-cache", start: 14, end: 39, typeArguments: "<string, string>", max: 500 }]);
  });

  it("reports iteration (order changes), unknown values (undefined recomputed), String() keys, cached promises and object keys", () => {
    const iterated = only(`${READ_THROUGH("new Map<string, string>()")}\nexport const keys = () => [...cache.keys()];`);
    expect(iterated.findings.map((finding) => finding.code)).toEqual(["MC420"]);
    const unknown = only(`const cache = new Map();\nexport function f(k: string) { if (!cache.has(k)) cache.set(k, compute(k)); return cache.get(k); }`);
    expect(unknown).toMatchObject({ code: "MC120", findings: [expect.objectContaining({ code: "MC421" })] });
    const keys = only(`const cache = Object.create(null);\nexport function f(k: any) { return cache[k] || (cache[k] = k + 1); }`);
    expect(keys.findings.map((finding) => finding.code)).toContain("MC422");
    const promises = only(`const cache = new Map<string, Promise<string>>();
export function load(url: string) { let p = cache.get(url); if (!p) { p = fetch(url).then((r) => r.text()); cache.set(url, p); } return p; }`);
    expect(promises.findings.map((finding) => finding.code)).toEqual(["MC201"]);
    const objectKeys = only(`const cache = new Map<object, string>();
export function describe(value: object): string { let text = cache.get(value); if (!text) { text = JSON.stringify(value); cache.set(value, text); } return text; }`);
    expect(objectKeys.findings.map((finding) => finding.code)).toEqual(["MC401"]);
  });

  it("an object cache's Object.keys(cache).length becomes cache.size", () => {
    const site = only(`const cache: Record<string, number> = {};
export function f(k: string): number { return (cache[k] ??= k.length); }
export const count = (): number => Object.keys(cache).length;`);
    expect(site).toMatchObject({ code: "MC120", verdict: "rewrite" });
    expect(site.plan).toContainEqual({ kind: "replace-text", start: expect.any(Number), end: expect.any(Number), text: "cache.size" });
  });

  it("a delete that drops a failed entry does not bound the cache", () => {
    const site = only(`const cache = new Map<string, Promise<number>>();
export function load(key: string): Promise<number> {
  let pending = cache.get(key);
  if (!pending) {
    pending = Promise.resolve(key.length);
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}`);
    expect(site).toMatchObject({ code: "MC120", verdict: "rewrite" });
  });

  it("finds a cache declared in a multi-line var list, and a class-private static one", () => {
    const sites = cachesOf(`var a = 1,
    cache = {};
export function f(k: string): number { return cache[k] || (cache[k] = k.length); }
class Parser {
  static #trees = new Map<string, string[]>();
  static parse(text: string): string[] {
    let tree = Parser.#trees.get(text);
    if (!tree) { tree = text.split(" "); this.#trees.set(text, tree); }
    return tree;
  }
}
export const parse = (text: string) => Parser.parse(text);`);
    expect(sites.map((site) => [site.name, site.code])).toEqual([
      ["cache", "MC120"],
      ["Parser.#trees", "MC120"],
    ]);
  });
});

describe("left alone, with a reason", () => {
  const cases: Record<string, [code: string, code: string, pattern?: RegExp]> = {
    "a Map that is not the global Map": [`import { Map } from "immutable";\n${READ_THROUGH("new Map<string, string>()")}`, "none"],
    "a cache only read": [`const cache = new Map<string, string>();\nexport const get = (k: string) => cache.get(k);`, "none"],
    "keys from module constants": [`const LANG = "en";\nconst cache = new Map<string, string>();\nexport function f() { if (!cache.has(LANG)) cache.set(LANG, LANG.toUpperCase()); return cache.get(LANG); }`, "MC122", /fixed keys/],
    "the result of set() used": [
      `const cache = new Map<string, number>();\nexport function f(k: string) { if (!cache.has(k)) cache.set(k, k.length); return cache.get(k); }\nexport const prime = (k: string) => cache.set(k, k.length);`,
      "MC920",
      /the result of set\(\), the cache itself, is used/,
    ],
    "a public static member of an exported class": [
      `export class Registry {\n  static cache = new Map<string, string>();\n  static get(k: string) { let v = Registry.cache.get(k); if (!v) { v = k + "!"; Registry.cache.set(k, v); } return v; }\n}`,
      "MC920",
    ],
    "a Map created with entries": [`const cache = new Map([["a", "A"]]);\n${READ_THROUGH("", "").trim()}`, "MC923", /initial entries/],
    "a fill inside a larger expression": [`const cache: Record<string, number> = {};\nexport function f(k: string) { return 1 + (cache[k] ??= k.length); }`, "MC923", /part of a larger expression/],
    "a key that cannot be written twice": [`const cache: Record<string, number> = {};\nexport function f(k: string) { return (cache[k.trim()] ??= k.length); }`, "MC923", /evaluated twice/],
    "symbol keys": [`const cache: Record<symbol, number> = {};\nexport function f(k: symbol) { return (cache[k] ??= 1 + 1); }`, "MC923", /symbol key/],
    "a type annotation memocap cannot restate": [`interface Store { get(k: string): string | undefined; set(k: string, v: string): void }\n${READ_THROUGH("", "const cache: Store = new Map<string, string>();")}`, "MC923", /typed as `Store`/],
    "values declared undefined": [`const cache: Record<string, number | undefined> = {};\nexport function f(k: string) { if (!(k in cache)) cache[k] = k.length || undefined; return cache[k]; }`, "MC922"],
    "an object cache iterated": [`const cache: Record<string, number> = {};\nexport function f(k: string) { return (cache[k] ??= k.length); }\nexport const all = () => Object.keys(cache);`, "MC923", /Object\.keys/],
    "values of unknown type in a cache that is iterated": [`const cache = new Map();\nexport function f(k: string) { if (!cache.has(k)) cache.set(k, compute(k)); return cache.get(k); }\nexport const n = () => [...cache.values()];`, "MC922"],
    "a JSDoc-typed cache in JavaScript": [`/** @type {Record<string, number>} */\nconst cache = {};\n/** @param {string} k */\nexport function f(k) { return cache[k] || (cache[k] = k.length); }`, "MC923", /JSDoc/],
    "a collection stored for callers to fill": [
      `const groups = new Map<string, Set<string>>();\nexport function group(k: string): Set<string> { if (!groups.has(k)) groups.set(k, new Set()); return groups.get(k)!; }`,
      "MC123",
      /collection that is filled later/,
    ],
    "memocap-ignore": [`// memocap-ignore\n${READ_THROUGH("new Map<string, string>()")}`, "MC901"],
  };
  for (const [title, [code, expected, pattern]] of Object.entries(cases)) {
    it(title, () => {
      const path = title.includes("JavaScript") ? "/project/cache.js" : "/project/cache.ts";
      const sites = cachesOf(code, path);
      if (expected === "none") {
        expect(sites).toEqual([]);
        return;
      }
      expect(sites).toHaveLength(1);
      expect(sites[0]!.code).toBe(expected);
      expect(sites[0]!.verdict).not.toBe("rewrite");
      if (pattern) expect(sites[0]!.message).toMatch(pattern);
    });
  }
});

describe("prefilter", () => {
  it("lets module caches that are written through, and only those, through", () => {
    expect(PREFILTER.test(`import x from "y";\nconst cache = new Map();\nexport const f = (k) => cache.set(k, 1);`)).toBe(true);
    expect(PREFILTER.test(`export let memo: Record<string, number> = {};\nmemo[key] = 1;`)).toBe(true);
    expect(PREFILTER.test(`const a = 1, cache: Map<string, () => void> = new Map();\ncache.set("x", f);`)).toBe(true);
    expect(PREFILTER.test(`var formattingTokens = /x/,\n    formatFunctions = {},\n    other = 1;\nformatFunctions[key] = f;`)).toBe(true);
    expect(PREFILTER.test(`class A {\n  private static readonly cache =\n    new WeakMap<object, number>();\n  static f(o) { if (!A.cache.has(o)) A.cache.set(o, g(o)); return A.cache.get(o); }\n}`)).toBe(true);
    expect(PREFILTER.test(`class A {\n  static #byId = Object.create(null);\n  static f(id) { return (this.#byId[id] ??= load(id)); }\n}`)).toBe(true);
    expect(PREFILTER.test(`var seen = /* @__PURE__ */ new Map();\nfunction f(k) { seen.set(k, g(k)); }`)).toBe(true);
    expect(PREFILTER.test(`const EMPTY = {};\nexport const options = (o = EMPTY) => ({ ...o });`)).toBe(false);
    expect(PREFILTER.test(`export function f(options = {}) {\n  const local = new Map();\n  local.set(1, 2);\n  return { ...options, local };\n}`)).toBe(false);
  });
});
