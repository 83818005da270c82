/**
 * The typed pass: facts the type checker gives the adapters (results that can be undefined, object
 * keys, promise-returning functions), built only for files with a site, and degrading to "unknown"
 * where types cannot be had.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Analyser } from "../src/analysis/analyser.ts";
import type { Site } from "../src/analysis/site.ts";
import { TypedProject } from "../src/analysis/types/typed-project.ts";

const analyser = new Analyser({ max: 500 });
const sitesOf = (code: string, path = "/project/a.ts"): Site[] => analyser.analyse(path, code);
const only = (code: string, path?: string): Site => {
  const sites = sitesOf(code, path);
  expect(sites).toHaveLength(1);
  return sites[0]!;
};
const findingCodes = (site: Site) => site.findings.map((finding) => finding.code);
const keepsUndefined = (site: Site) => site.plan?.some((plan) => "keepUndefined" in plan && plan.keepUndefined === true) ?? false;

const LODASH = `import memoize from "lodash/memoize";\n`;
const MEMOIZEE = `import memoizee from "memoizee";\n`;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("results that can be undefined (LRUCache does not store them)", () => {
  const cases: Array<[string, string, boolean]> = [
    ["a Map lookup (V | undefined)", `const m = new Map<string, number>(); export const f = memoize((k: string) => m.get(k));`, true],
    ["an annotated optional result", `export const f = memoize((k: string): number | undefined => (k ? 1 : undefined));`, true],
    ["a void function (run once per key)", `export const f = memoize((k: string): void => { console.log(k); });`, true],
    ["an unknown result", `export const f = memoize((k: string): unknown => k);`, true],
    ["a function declared elsewhere in the file", `function find(k: string) { return [1, 2].find((n) => n === k.length); } export const f = memoize(find);`, true],
    ["a number", `export const f = memoize((k: string) => k.length);`, false],
    ["null but never undefined (LRUCache stores null)", `export const f = memoize((k: string) => (k ? k : null));`, false],
    ["an async function: lodash caches the promise, never undefined", `export const f = memoize(async (k: string) => (k ? undefined : 1));`, false],
    ["any: the types cannot tell, the plain form is kept", `export const f = memoize((k: string) => JSON.parse(k));`, false],
  ];
  for (const [title, code, expected] of cases) {
    it(`lodash: ${title} → ${expected ? "lruCacheKeepingUndefined" : "new LRUCache"}`, () => {
      const site = only(LODASH + code);
      expect(site.verdict).toBe("rewrite");
      expect(keepsUndefined(site)).toBe(expected);
      if (expected) expect(site.message).toMatch(/results can be undefined: kept by lruCacheKeepingUndefined/);
    });
  }

  it("in JavaScript the inferred type decides too", () => {
    const site = only(`const memoize = require("lodash.memoize");\nconst table = new Map([["a", 1]]);\nconst f = memoize((k) => table.get(k));\n`, "/project/a.cjs");
    expect(keepsUndefined(site)).toBe(true);
  });

  it("the Object.assign form keeps them as well", () => {
    const site = only(`${LODASH}export const handlers = { warn: memoize((code: string): void => { console.warn(code); }) };`);
    expect(site.plan).toEqual([{ kind: "wrap-assign-cache", max: 500, keepUndefined: true }]);
  });

  it("a cache that keeps undefined, given by an earlier run, is read as bounded with its max", () => {
    const site = only(`${LODASH}import { LRUCache } from "lru-cache";\nexport const f = memoize((k: string) => [k].find(Boolean));\nf.cache = lruCacheKeepingUndefined(64);\nfunction lruCacheKeepingUndefined(max: number) { return new LRUCache<{}, { value: unknown }>({ max }); }`);
    expect(site).toMatchObject({ bounded: true, max: 64, code: "MC111", verdict: "none" });
  });
});

describe("cache keys that are objects (MC401, compared by reference)", () => {
  it("lodash: an object first argument is reported with its type", () => {
    const site = only(`${LODASH}interface Query { sku: string } export const f = memoize((query: Query) => query.sku.length);`);
    expect(findingCodes(site)).toEqual(["MC401"]);
    expect(site.findings[0]?.message).toMatch(/compared by reference.*argument 1 `query` is Query/);
  });

  it("lodash: arrays, functions and `object` are objects; strings, numbers, enums and branded strings are not", () => {
    expect(findingCodes(only(`${LODASH}export const f = memoize((ids: string[]) => ids.length);`))).toEqual(["MC401"]);
    expect(findingCodes(only(`${LODASH}export const f = memoize((fn: () => number) => fn());`))).toEqual(["MC401"]);
    expect(findingCodes(only(`${LODASH}export const f = memoize((o: object) => String(o));`))).toEqual(["MC401"]);
    expect(findingCodes(only(`${LODASH}export const f = memoize((id: string | { id: string }) => String(id));`))).toEqual(["MC401"]);
    expect(findingCodes(only(`${LODASH}export const f = memoize((n: number) => n * 2);`))).toEqual([]);
    expect(findingCodes(only(`${LODASH}enum Size { S, M } export const f = memoize((s: Size) => s);`))).toEqual([]);
    expect(findingCodes(only(`${LODASH}type Sku = string & { readonly brand: "Sku" }; export const f = memoize((sku: Sku) => sku.length);`))).toEqual([]);
  });

  it("lodash: only the first argument is the key; a resolver's result replaces it", () => {
    expect(findingCodes(only(`${LODASH}export const f = memoize((id: string, opts: { deep: boolean }) => id + opts.deep, (id, opts) => id + opts.deep);`))).toEqual([]);
    const site = only(`${LODASH}export const f = memoize((id: string) => id, (id: string) => ({ id }));`);
    expect(site.findings.map((finding) => finding.message)).toEqual([expect.stringMatching(/the resolver's result is \{ id: string; \}/)]);
  });

  it("lodash: untyped parameters are unknown, not objects", () => {
    expect(findingCodes(only(`const memoize = require("lodash.memoize");\nconst f = memoize((k) => k);\n`, "/project/a.cjs"))).toEqual([]);
  });

  it("memoizee: every argument up to fn.length is a key part, unless primitive mode or a normalizer makes the key", () => {
    const site = only(`${MEMOIZEE}export const f = memoizee((id: string, filter: { active: boolean }) => id + filter.active);`);
    expect(site.findings.map((finding) => finding.message)).toEqual([expect.stringMatching(/argument 2 `filter` is \{ active: boolean; \}/)]);
    expect(findingCodes(only(`${MEMOIZEE}export const f = memoizee((id: string, filter: { a: 1 }) => id, { primitive: true });`))).toEqual([]);
    expect(findingCodes(only(`${MEMOIZEE}export const f = memoizee((filter: { a: 1 }) => 1, { normalizer: (args) => JSON.stringify(args) });`))).toEqual([]);
    expect(findingCodes(only(`${MEMOIZEE}export const f = memoizee((id: string, filter: { a: 1 }) => id, { length: 1 });`))).toEqual([]);
    // A parameter with a default is beyond fn.length: not part of the key (MC403 says so).
    expect(findingCodes(only(`${MEMOIZEE}export const f = memoizee((id: string, filter: { a: number } = { a: 1 }) => id + filter.a);`))).toEqual(["MC403"]);
  });
});

describe("promise-returning functions are async (Site.async), declared async or not", () => {
  const cases: Array<[string, string, boolean]> = [
    ["declared async", `export const f = memoize(async (k: string) => k);`, true],
    ["returns a promise", `export const f = memoize((k: string) => Promise.resolve(k));`, true],
    ["a .then chain", `export const f = memoize((k: string) => Promise.resolve(k).then((v) => v.length));`, true],
    ["returns another async call", `async function load(k: string) { return k; } export const f = memoize((k: string) => load(k));`, true],
    ["a function declared elsewhere that returns a promise", `function load(k: string): Promise<string> { return Promise.resolve(k); } export const f = memoize(load);`, true],
    ["returns a thenable", `export const f = memoize((k: string) => ({ then(resolve: (v: string) => void) { resolve(k); } }));`, true],
    ["a fetch(...).then chain (the defaults add the DOM lib for a file that names fetch)", `export const f = memoize((url: string) => fetch(url).then((response) => response.json()));`, true],
    ["returns a plain value", `export const f = memoize((k: string) => k.length);`, false],
    ["returns any", `export const f = memoize((k: string) => JSON.parse(k));`, false],
  ];
  for (const [title, code, expected] of cases) {
    it(`${title} → async ${expected}`, () => {
      expect(only(LODASH + code).async).toBe(expected);
    });
  }
});

describe("the typed pass is lazy and degrades to unknown", () => {
  it("a file without a site builds no typed program; a file with sites builds one for all of them", () => {
    const open = vi.spyOn(TypedProject.prototype, "open");
    const fresh = new Analyser({ max: 500 });
    expect(fresh.analyse("/project/none.ts", `import _ from "lodash"; export const f = _.debounce(() => 1, 10);`)).toEqual([]);
    expect(open).not.toHaveBeenCalled();
    expect(fresh.analyse("/project/two.ts", `${LODASH}export const a = memoize((k: string) => k); export const b = memoize((k: string) => k);`)).toHaveLength(2);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it("typeFacts: false keeps the pass syntactic", () => {
    const open = vi.spyOn(TypedProject.prototype, "open");
    const syntactic = new Analyser({ max: 500, typeFacts: false });
    const [site] = syntactic.analyse("/project/a.ts", `${LODASH}const m = new Map<string, object>(); export const f = memoize((q: { id: string }) => m.get(q.id));`);
    expect(open).not.toHaveBeenCalled();
    expect(site).toMatchObject({ verdict: "rewrite", findings: [] });
    expect(keepsUndefined(site!)).toBe(false);
  });

  it("a memoized function imported from a module that does not resolve gives no facts, and the verdict stands", () => {
    const site = only(`${LODASH}import { load } from "./missing";\nexport const f = memoize(load);`);
    expect(site).toMatchObject({ library: "lodash", verdict: "rewrite", async: false, findings: [] });
    expect(keepsUndefined(site)).toBe(false);
  });

  it("a checker that throws leaves the facts unknown and the syntactic verdict standing", () => {
    vi.spyOn(TypedProject.prototype, "open").mockImplementation(() => {
      throw new Error("checker crashed");
    });
    const fresh = new Analyser({ max: 500 });
    const [site] = fresh.analyse("/project/a.ts", `${LODASH}export const f = memoize((q: { id: string }): void => {});`);
    expect(site).toMatchObject({ verdict: "rewrite", code: "MC101", findings: [] });
    expect(keepsUndefined(site!)).toBe(false);
  });
});

describe("a typed program over the real file system, with the nearest tsconfig.json", () => {
  function project(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), "memocap-types-"));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, ".."), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  }

  const USERS = `export interface User { id: string }\nconst users = new Map<string, User>();\nexport function findUser(id: string) { return users.get(id); }\nexport function loadUser(id: string) { return Promise.resolve(users.get(id)); }\nexport function byQuery(query: { id: string }) { return users.get(query.id); }\n`;
  const MAIN = `${LODASH}import { byQuery, findUser, loadUser } from "./users";\nexport const find = memoize(findUser);\nexport const load = memoize(loadUser);\nexport const query = memoize(byQuery);\n`;

  it("facts come through imports of the project's own modules", () => {
    const dir = project({ "tsconfig.json": `{ "compilerOptions": { "strict": true, "module": "preserve" } }`, "src/users.ts": USERS, "src/main.ts": MAIN });
    const fresh = new Analyser({ max: 500 });
    const [find, load, query] = fresh.analyse(join(dir, "src/main.ts"), MAIN);
    expect(keepsUndefined(find!)).toBe(true);
    expect(find!.findings).toEqual([]);
    expect(load!.async).toBe(true);
    expect(keepsUndefined(load!)).toBe(false);
    expect(findingCodes(query!)).toEqual(["MC401"]);
    expect(fresh.warnings).toEqual([]);
  });

  it("without strictNullChecks in tsconfig.json, undefined results are still seen", () => {
    const dir = project({ "tsconfig.json": `{ "compilerOptions": { "strict": false } }`, "src/users.ts": USERS, "src/main.ts": MAIN });
    const [find] = new Analyser({ max: 500 }).analyse(join(dir, "src/main.ts"), MAIN);
    expect(keepsUndefined(find!)).toBe(true);
  });

  it("a tsconfig.json that extends a missing file: one warning naming it, default options, facts still found", () => {
    const dir = project({ "tsconfig.json": `{ "extends": "./missing-base.json" }`, "src/users.ts": USERS, "src/main.ts": MAIN });
    const fresh = new Analyser({ max: 500 });
    const [find] = fresh.analyse(join(dir, "src/main.ts"), MAIN);
    fresh.analyse(join(dir, "src/main.ts"), MAIN);
    expect(keepsUndefined(find!)).toBe(true);
    expect(fresh.warnings).toEqual([{ file: join(dir, "tsconfig.json"), reason: expect.stringMatching(/missing-base\.json.*; type facts use default compiler options$/) }]);
  });

  it("a tsconfig.json that does not parse: one warning, default options", () => {
    const dir = project({ "tsconfig.json": `{ "compilerOptions": { "strict": tru } }`, "src/users.ts": USERS, "src/main.ts": MAIN });
    const fresh = new Analyser({ max: 500 });
    const [, load] = fresh.analyse(join(dir, "src/main.ts"), MAIN);
    expect(load!.async).toBe(true);
    expect(fresh.warnings).toHaveLength(1);
    expect(fresh.warnings[0]?.reason).toMatch(/; type facts use default compiler options$/);
    expect(fresh.warnings[0]?.reason).not.toMatch(/\n/);
  });

  it("the analysed text wins over the file on disk", () => {
    const dir = project({ "src/main.ts": `${LODASH}export const f = memoize((k: string) => k.length);\n` });
    const [site] = new Analyser({ max: 500 }).analyse(join(dir, "src/main.ts"), `${LODASH}export const f = memoize((k: string) => (k ? undefined : 1));\n`);
    expect(keepsUndefined(site!)).toBe(true);
  });
});
