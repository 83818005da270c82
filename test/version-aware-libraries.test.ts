import { describe, expect, it } from "vitest";
import { Analyser } from "../src/analysis/analyser.ts";
import type { InstalledVersion } from "../src/analysis/installed-version.ts";
import type { Site } from "../src/analysis/site.ts";

/**
 * The analysis of micro-memoize, reselect, nano-memoize, promise-memoize, utils-decorators,
 * @github/memoize, memoize-one and proxy-memoize. The installed version is given through the
 * Analyser's `versionOf` option, as a test can, instead of being read from disk.
 */

const version = (text: string): InstalledVersion => {
  const [major, minor] = text.split(".").map(Number) as [number, number];
  return { version: text, major, minor, source: "node_modules" };
};

function sitesOf(code: string, installed: Record<string, string> = {}, path = "/project/a.ts"): Site[] {
  const asked: string[] = [];
  const analyser = new Analyser({
    max: 500,
    versionOf: (library) => {
      asked.push(library);
      return installed[library] ? version(installed[library]) : undefined;
    },
  });
  return analyser.analyse(path, code);
}

const codes = (site: Site | undefined) => site?.findings.map((finding) => finding.code);

describe("micro-memoize: bounded by default; maxSize and the promise option read for the installed major", () => {
  const v5 = `import { memoize } from "micro-memoize";\n`;
  const v4 = `import memoize from "micro-memoize";\n`;

  it("a plain call keeps one entry: bounded, left alone", () => {
    expect(sitesOf(`${v5}export const f = memoize((n: number) => n);`, { "micro-memoize": "5.2.0" })[0]).toMatchObject({
      library: "micro-memoize",
      bounded: true,
      max: 1,
      code: "MC112",
      verdict: "none",
    });
  });

  it("maxSize: Infinity is unbounded in v4 and gets maxSize: max", () => {
    const [site] = sitesOf(`${v4}export const f = memoize((n: number) => n, { maxSize: Infinity });`, { "micro-memoize": "4.2.0" });
    expect(site).toMatchObject({ bounded: false, code: "MC113", verdict: "rewrite", plan: [{ kind: "set-option", name: "maxSize", value: "500" }] });
  });

  it("maxSize: Infinity is ignored by v5, which keeps one entry: bounded, reported (MC430)", () => {
    const [site] = sitesOf(`${v5}export const f = memoize((n: number) => n, { maxSize: Infinity });`, { "micro-memoize": "5.2.0" });
    expect(site).toMatchObject({ bounded: true, max: 1, code: "MC112", verdict: "none" });
    expect(codes(site)).toEqual(["MC430"]);
  });

  it("the promise option of the other major is reported (MC202), for either major", () => {
    const [v5Site] = sitesOf(`${v5}export const f = memoize(async (n: number) => n, { isPromise: true });`, { "micro-memoize": "5.2.0" });
    expect(codes(v5Site)).toContain("MC202");
    expect(v5Site?.findings.find((finding) => finding.code === "MC202")?.message).toMatch(/micro-memoize 5\.2\.0 .* reads `async`, not `isPromise`/);
    const [v4Site] = sitesOf(`${v4}export const f = memoize(async (n: number) => n, { async: true });`, { "micro-memoize": "4.2.0" });
    expect(v4Site?.findings.find((finding) => finding.code === "MC202")?.message).toMatch(/reads `isPromise`, not `async`/);
    const [right] = sitesOf(`${v4}export const f = memoize(async (n: number) => n, { isPromise: true });`, { "micro-memoize": "4.2.0" });
    expect(codes(right)).not.toContain("MC202");
  });

  it("bounding an async function writes the promise option its major reads", () => {
    const body = `(async (id: number) => { await Promise.resolve(); counter.n++; return id; }, { maxSize: Infinity });`;
    const [v4Site] = sitesOf(`${v4}const counter = { n: 0 };\nexport const f = memoize${body}`, { "micro-memoize": "4.2.0" });
    expect(v4Site?.plan).toEqual([{ kind: "set-option", argIndex: 1, name: "isPromise", value: "true" }]);
  });

  it("without a version on disk, the import form tells the major (only v5 has the named export)", () => {
    const [named] = sitesOf(`${v5}export const f = memoize(async (n: number) => n, { isPromise: true });`);
    expect(named?.findings.find((finding) => finding.code === "MC202")?.message).toMatch(/micro-memoize 5 \(from the import form\)/);
    const [byDefault] = sitesOf(`${v4}export const f = memoize((n: number) => n, { maxSize: Infinity });`);
    expect(byDefault).toMatchObject({ code: "MC113", verdict: "rewrite" });
  });
});

describe("reselect: weakMapMemoize bounded with maxSize from 5.3, with lruMemoize before", () => {
  const selector = `export const select = createSelector([(s: { a: number[] }) => s.a, (_s: unknown, id: number) => id], (a, id) => a[id]);`;

  it("5.3: maxSize in memoizeOptions and argsMemoizeOptions, half of max (two generations)", () => {
    const [site] = sitesOf(`import { createSelector } from "reselect";\n${selector}`, { reselect: "5.3.0" });
    expect(site).toMatchObject({ library: "reselect", bounded: false, code: "MC114", verdict: "rewrite", transform: "bound-memoize" });
    expect(site?.plan).toEqual([
      {
        kind: "set-options",
        argIndex: 2,
        options: [
          { within: "memoizeOptions", name: "maxSize", value: "250" },
          { within: "argsMemoizeOptions", name: "maxSize", value: "250" },
        ],
      },
    ]);
  });

  it("5.1: lruMemoize for both caches, added to the import the callee comes from", () => {
    const code = `import { createSelector } from "reselect";\n${selector}`;
    const [site] = sitesOf(code, { reselect: "5.1.1" });
    expect(site?.plan?.[0]).toEqual({ kind: "replace-text", start: code.indexOf("createSelector }") + "createSelector".length, end: code.indexOf("createSelector }") + "createSelector".length, text: ", lruMemoize" });
    expect(site?.plan?.[1]).toMatchObject({
      kind: "set-options",
      options: [
        { name: "memoize", value: "lruMemoize" },
        { within: "memoizeOptions", name: "maxSize", value: "500" },
        { name: "argsMemoize", value: "lruMemoize" },
        { within: "argsMemoizeOptions", name: "maxSize", value: "500" },
      ],
    });
  });

  it("5.1: a maxSize that weakMapMemoize ignores is reported (MC430) and kept for lruMemoize", () => {
    const code = `import { createSelector, lruMemoize } from "reselect";\nexport const s = createSelector([(s: { a: number }) => s.a], (a) => a, { memoizeOptions: { maxSize: 100 } });`;
    const [site] = sitesOf(code, { reselect: "5.1.1" });
    expect(codes(site)).toEqual(["MC430"]);
    expect(site?.plan).toEqual([
      {
        kind: "set-options",
        argIndex: 2,
        options: [
          { name: "memoize", value: "lruMemoize" },
          { name: "argsMemoize", value: "lruMemoize" },
          { within: "argsMemoizeOptions", name: "maxSize", value: "500" },
        ],
      },
    ]);
  });

  it("lruMemoize, and a maxSize 5.3 reads, are bounded; reselect 4 memoized the last call", () => {
    expect(sitesOf(`import { createSelector, lruMemoize } from "reselect";\nexport const s = createSelector([(s: { a: number }) => s.a], (a) => a, { memoize: lruMemoize, argsMemoize: lruMemoize });`, { reselect: "5.1.1" })[0]).toMatchObject({ bounded: true, verdict: "none" });
    expect(sitesOf(`import { weakMapMemoize } from "reselect";\nexport const f = weakMapMemoize((n: number) => n, { maxSize: 10 });`, { reselect: "5.3.0" })[0]).toMatchObject({ bounded: true, code: "MC110" });
    expect(sitesOf(`import { createSelector } from "reselect";\n${selector}`, { reselect: "4.1.8" })[0]).toMatchObject({ bounded: true, code: "MC112", verdict: "none" });
  });

  it("options it cannot read are left with a reason", () => {
    const [site] = sitesOf(`import { createSelector } from "reselect";\nconst options = {};\nexport const s = createSelector([(s: { a: number }) => s.a], (a) => a, options);`, { reselect: "5.3.0" });
    expect(site).toMatchObject({ verdict: "skip", code: "MC902" });
  });

  it("a version not found is written for any 5.x (lruMemoize), and says so", () => {
    const [site] = sitesOf(`import * as reselect from "reselect";\nexport const s = reselect.createSelector([(s: { a: number }) => s.a], (a) => a);`);
    expect(site?.message).toMatch(/reselect version not found, written for any 5\.x/);
    expect(site?.plan?.[0]).toMatchObject({ kind: "set-options", options: expect.arrayContaining([{ name: "memoize", value: "reselect.lruMemoize" }]) });
  });
});

describe("nano-memoize and promise-memoize: migrated to lru-cache", () => {
  it("nano-memoize: callee becomes the wrapper, max is added, the helper is declared and the import goes", () => {
    const code = `import nanomemoize from "nano-memoize";\nexport const f = nanomemoize((a: number, b: number) => a + b);\n`;
    const [site] = sitesOf(code);
    expect(site).toMatchObject({ library: "nano-memoize", code: "MC115", verdict: "rewrite", transform: "migrate-to-lru-cache", needsLruCache: true });
    expect(site?.plan).toEqual([
      { kind: "replace-callee", text: "boundedNanomemoize" },
      { kind: "set-options", argIndex: 1, options: [{ name: "max", value: "500" }] },
      { kind: "declare-helper", helper: "nano-memoize", name: "boundedNanomemoize" },
      { kind: "remove-statement", start: 0, end: code.indexOf("\n") },
    ]);
  });

  it("nano-memoize: fn.length 1 with more parameters drops them (MC405)", () => {
    const [site] = sitesOf(`import nanomemoize from "nano-memoize";\nexport const f = nanomemoize((a: number, b = 2) => a + b);`);
    expect(codes(site)).toEqual(["MC405"]);
    const [rest] = sitesOf(`import nanomemoize from "nano-memoize";\nexport const f = nanomemoize((a: number, ...b: number[]) => a + b.length);`);
    expect(codes(rest)).toEqual([]);
  });

  it("the import stays while another use needs it; the last migrated call removes it", () => {
    const kept = sitesOf(`import nanomemoize from "nano-memoize";\nexport const f = nanomemoize((n: number) => n);\nexport const g = nanomemoize;\n`);
    expect(kept[0]?.plan?.some((plan) => plan.kind === "remove-statement")).toBe(false);
    const two = sitesOf(`import nanomemoize from "nano-memoize";\nexport const f = nanomemoize((n: number) => n);\nexport const g = nanomemoize((n: number) => -n);\n`);
    expect(two.map((site) => site.plan?.some((plan) => plan.kind === "remove-statement"))).toEqual([false, true]);
  });

  it("options and uses the wrapper does not have are left with a reason (MC905)", () => {
    const [equals] = sitesOf(`import nanomemoize from "nano-memoize";\nexport const f = nanomemoize((a: number[]) => a.length, { equals: (x: unknown, y: unknown) => x === y });`);
    expect(equals).toMatchObject({ verdict: "skip", code: "MC905" });
    expect(equals?.message).toMatch(/option equals/);
    const [keys] = sitesOf(`import nanomemoize from "nano-memoize";\nconst f = nanomemoize((n: number) => n);\nexport const k = f.keys();`);
    expect(keys).toMatchObject({ verdict: "skip", code: "MC905" });
    const [errorAge] = sitesOf(`const promiseMemoize = require("promise-memoize");\nconst f = promiseMemoize(async (n) => n, { maxErrorAge: 1000 });`, {}, "/project/a.cjs");
    expect(errorAge).toMatchObject({ verdict: "skip", code: "MC905" });
  });

  it("promise-memoize: migrated, its options kept, maxAge noted", () => {
    const [site] = sitesOf(`const promiseMemoize = require("promise-memoize");\nconst f = promiseMemoize(async (q) => q, { resolve: "json", maxAge: 1000 });`, {}, "/project/a.cjs");
    expect(site).toMatchObject({ library: "promise-memoize", code: "MC116", verdict: "rewrite", transform: "migrate-to-lru-cache" });
    expect(site?.message).toMatch(/maxAge becomes the LRUCache ttl/);
  });

  it("the wrapper name already declared in the file is reused, not declared again", () => {
    const code = `import nanomemoize from "nano-memoize";\nexport const f = nanomemoize((n: number) => n, { vargs: true });\nfunction boundedNanomemoize(fn: unknown, options: unknown) { return fn; }\n`;
    const [site] = sitesOf(code);
    expect(site?.plan?.some((plan) => plan.kind === "declare-helper")).toBe(false);
    expect(site?.plan?.[0]).toEqual({ kind: "replace-callee", text: "boundedNanomemoize" });
  });
});

describe("cache options (@github/memoize, utils-decorators) and memoizers bounded as they stand", () => {
  it("@github/memoize gets cache: new LRUCache typed as the Map it declares", () => {
    const [site] = sitesOf(`import memoize from "@github/memoize";\nexport const f = memoize((s: string) => s.trim());`);
    expect(site).toMatchObject({ library: "@github/memoize", code: "MC118", verdict: "rewrite", plan: [{ kind: "set-lru-option", name: "cache", anyCast: "as-map" }] });
  });

  it("utils-decorators memoizify and memoizeAsyncify get a cache; a number as config is left (MC906)", () => {
    const sites = sitesOf(`import { memoizify, memoizeAsyncify } from "utils-decorators";
export const a = memoizify((s: string) => s);
export const b = memoizeAsyncify(async (s: string) => s);
export const c = memoizify((s: string) => s, 1000);
export const d = memoizify((s: string) => s, { cache: new Map() });`);
    expect(sites.map((site) => [site.code, site.verdict])).toEqual([
      ["MC117", "rewrite"],
      ["MC117", "rewrite"],
      ["MC906", "skip"],
      ["MC117", "rewrite"],
    ]);
  });

  it("memoize-one and proxy-memoize are recognised and reported as bounded", () => {
    const sites = sitesOf(`import memoizeOne from "memoize-one";
import { memoize, memoizeWithArgs } from "proxy-memoize";
export const a = memoizeOne((n: number) => n);
export const b = memoize((s: { n: number }) => s.n);
export const c = memoizeWithArgs((s: { n: number }, k: number) => s.n + k, { size: 5 });`);
    expect(sites.map((site) => [site.library, site.code, site.bounded, site.verdict])).toEqual([
      ["memoize-one", "MC112", true, "none"],
      ["proxy-memoize", "MC112", true, "none"],
      ["proxy-memoize", "MC110", true, "none"],
    ]);
  });

  it("the version is asked only for sites whose verdict depends on it", () => {
    const asked: string[] = [];
    const analyser = new Analyser({ max: 500, versionOf: (library) => (asked.push(library), undefined) });
    analyser.analyse("/project/a.ts", `import memoize from "@github/memoize";\nimport { memoize as micro } from "micro-memoize";\nexport const f = memoize((s: string) => s);\nexport const g = micro((n: number) => n);`);
    expect(asked).toEqual([]);
    analyser.analyse("/project/b.ts", `import { createSelector } from "reselect";\nexport const s = createSelector([(s: { a: number }) => s.a], (a) => a);`);
    expect(asked).toEqual(["reselect"]);
  });
});
