/**
 * Bounded by construction is not a finding: a memoized function of no parameters (MC125), and keys
 * typed boolean, an enum or a union of literals (MC126, the checker says), are reported as bounded
 * with the reason and never rewritten. Only the parameters the library keys on count, and only for
 * calls the types vouch for.
 */
import { describe, expect, it } from "vitest";
import { Analyser } from "../src/analysis/analyser.ts";
import type { InstalledVersion } from "../src/analysis/installed-version.ts";
import type { Site } from "../src/analysis/site.ts";
import { fix } from "../src/index.ts";
import { writeProject } from "./helpers/report-project.ts";

// micro-memoize 4 is the major whose `maxSize: Infinity` is unbounded; the others as installed.
const v4: InstalledVersion = { version: "4.2.0", major: 4, minor: 2, source: "node_modules" };
const analyser = new Analyser({ max: 500, versionOf: (library) => (library === "micro-memoize" ? v4 : undefined) });
const small = new Analyser({ max: 5 });

function only(code: string, path = "/project/a.ts", using = analyser): Site {
  const sites = using.analyse(path, code);
  expect(sites).toHaveLength(1);
  return sites[0]!;
}

const IMPORTS = `import _ from "lodash";
import memoizee from "memoizee";
import fastMemoize from "fast-memoize";
import mem from "mem";
import memoize from "memoize";
import pMemoize from "p-memoize";
import moize from "moize";
import microMemoize from "micro-memoize";
import memize from "memize";
import memoizerific from "memoizerific";
import nanomemoize from "nano-memoize";
import promiseMemoize from "promise-memoize";
import { memoizify } from "utils-decorators";
import githubMemoize from "@github/memoize";
`;

/** Each library's unbounded call around `fn`, and its code when it is not bounded by construction. */
const UNBOUNDED: Array<[string, (fn: string) => string, string]> = [
  ["lodash", (fn) => `_.memoize(${fn})`, "MC101"],
  ["memoizee", (fn) => `memoizee(${fn})`, "MC102"],
  ["fast-memoize", (fn) => `fastMemoize(${fn})`, "MC103"],
  ["mem", (fn) => `mem(${fn})`, "MC104"],
  ["memoize", (fn) => `memoize(${fn})`, "MC105"],
  ["p-memoize", (fn) => `pMemoize(async ${fn})`, "MC106"],
  ["moize", (fn) => `moize.infinite(${fn})`, "MC107"],
  ["micro-memoize", (fn) => `microMemoize(${fn}, { maxSize: Infinity })`, "MC113"],
  ["memize", (fn) => `memize(${fn})`, "MC108"],
  ["memoizerific", (fn) => `memoizerific(0)(${fn})`, "MC109"],
  ["nano-memoize", (fn) => `nanomemoize(${fn})`, "MC115"],
  ["promise-memoize", (fn) => `promiseMemoize(async ${fn})`, "MC116"],
  ["utils-decorators", (fn) => `memoizify(${fn})`, "MC117"],
  ["@github/memoize", (fn) => `githubMemoize(${fn})`, "MC118"],
];

describe("a memoized function of no parameters keeps one entry (MC125)", () => {
  for (const [library, call, unboundedCode] of UNBOUNDED) {
    it(`${library}: bounded, max 1, never rewritten; with a parameter it is still ${unboundedCode}`, () => {
      const site = only(`${IMPORTS}export const load = ${call("() => ({ loaded: Date.now() })")};\nload();\n`);
      expect(site).toMatchObject({ library, bounded: true, max: 1, code: "MC125", verdict: "none" });
      expect(site.plan).toBeUndefined();
      expect(site.message).toMatch(/^bounded by construction: the memoized function takes no parameters/);

      const control = only(`${IMPORTS}export const load = ${call("(id: string) => ({ id })")};\n`);
      expect(control).toMatchObject({ bounded: false, verdict: "rewrite" });
      expect([unboundedCode, "MC203", "MC204"]).toContain(control.code);
    });
  }

  it("a function declared elsewhere in the file, and one whose declaration is out of sight but typed", () => {
    expect(only(`${IMPORTS}function readConfig() { return { port: 80 }; }\nexport const config = _.memoize(readConfig);\n`).code).toBe("MC125");
    expect(only(`${IMPORTS}declare const readConfig: () => { port: number };\nexport const config = _.memoize(readConfig);\n`).code).toBe("MC125");
  });

  it("JavaScript too: no parameters needs no types", () => {
    const site = only(`const memoize = require("lodash/memoize");\nconst config = memoize(() => require("./config.json"));\nmodule.exports = { config };\n`, "/project/a.js");
    expect(site).toMatchObject({ code: "MC125", verdict: "none", max: 1 });
  });

  it("a function that reads `arguments` takes arguments all the same: not bounded (memoizee still keys on fn.length, 0)", () => {
    const variadic = `function () { return Array.prototype.join.call(arguments, "/"); }`;
    expect(only(`const memoize = require("lodash/memoize");\nconst join = memoize(${variadic});\nmodule.exports = { join };\n`, "/project/a.js").code).toBe("MC101");
    expect(only(`const memoizee = require("memoizee");\nconst join = memoizee(${variadic});\nmodule.exports = { join };\n`, "/project/a.js").code).toBe("MC125");
  });

  it("memoizee keys on the declared parameters: one entry even when the function is handed on", () => {
    const site = only(`${IMPORTS}const load = memoizee(() => Date.now());\n[1, 2, 3].map(load);\n`);
    expect(site.code).toBe("MC125");
    expect(site.message).toContain("(whatever a call passes)");
  });

  it("memoizee with `length: 2` keys on two arguments, whatever the function declares: not bounded", () => {
    expect(only(`${IMPORTS}export const load = memoizee(() => Date.now(), { length: 2 });\n`).code).toBe("MC102");
  });

  it("an async function keeps its MC201 finding (rejections stay cached), but nothing is rewritten", () => {
    const site = only(`${IMPORTS}export const token = _.memoize(async () => fetchToken());\ndeclare function fetchToken(): Promise<string>;\n`);
    expect(site).toMatchObject({ code: "MC125", verdict: "none", async: true });
    expect(site.findings.map((finding) => finding.code)).toContain("MC201");
    expect(site.asyncVerdict?.verdict).toBe("left");
  });
});

describe("keys of a few values: boolean, enum, union of literals (MC126)", () => {
  const cases: Array<[string, string, number | undefined]> = [
    ["lodash, a boolean", `export const f = _.memoize((verbose: boolean) => String(verbose));`, 2],
    ["lodash keys on the first argument only: the string after it does not count", `export const f = _.memoize((mode: "a" | "b" | "c", id: string) => mode + id);`, 3],
    ["a numeric enum", `enum Color { Red, Green, Blue }\nexport const f = _.memoize((color: Color) => Color[color]);`, 3],
    ["a string enum", `enum Size { S = "s", M = "m" }\nexport const f = mem((size: Size) => size.toUpperCase());`, 2],
    ["a union of numeric literals", `export const f = memoize((level: 1 | 2 | 3 | 4) => level * 2);`, 4],
    ["an optional boolean: undefined too", `export const f = _.memoize((flag?: boolean) => String(flag));`, 3],
    ["a boolean with a default: undefined too (the key is the argument)", `export const f = _.memoize((flag = false) => String(flag));`, 3],
    ["memize keys on all arguments: the product", `enum Color { Red, Green, Blue }\nexport const f = memize((flag: boolean, color: Color) => String(flag) + color);`, 6],
    ["memize, an optional argument: left out and undefined differ", `export const f = memize((a: boolean, b?: boolean) => String(a) + String(b));`, 8],
    ["memoizee keys on fn.length: the defaulted parameter does not count", `export const f = memoizee((flag: boolean, scale = 1) => Number(flag) * scale);`, 2],
    ["lodash's resolver decides the key: it returns a boolean", `export const f = _.memoize((user: { admin: boolean }) => user.admin, (user: { admin: boolean }) => user.admin);`, 2],
    ["a string is not a few values", `export const f = _.memoize((name: string) => name);`, undefined],
    ["memize keys on all arguments: a string among them", `export const f = memize((mode: "a" | "b", id: string) => mode + id);`, undefined],
    ["a literal with a brand is not counted", `type Id = "a" & { brand: true };\nexport const f = _.memoize((id: Id) => id);`, undefined],
    ["a resolver that returns a string", `export const f = _.memoize((a: boolean, b: boolean) => a && b, (a, b) => \`\${a}\${b}\`);`, undefined],
    ["fast-memoize with a serializer makes its own key", `export const f = fastMemoize((flag: boolean) => flag, { serializer: (args) => String(args) });`, undefined],
    ["mem with cacheKey makes its own key", `export const f = mem((flag: boolean) => flag, { cacheKey: (args) => String(args) });`, undefined],
  ];
  for (const [title, code, entries] of cases) {
    it(`${title} → ${entries === undefined ? "unbounded, rewritten" : `at most ${entries}`}`, () => {
      const site = only(`${IMPORTS}${code}\n`);
      if (entries === undefined) {
        expect(site).toMatchObject({ bounded: false, verdict: "rewrite" });
        return;
      }
      expect(site).toMatchObject({ bounded: true, max: entries, code: "MC126", verdict: "none" });
      expect(site.message).toContain(`at most ${entries} entries`);
    });
  }

  it("the message names each parameter that forms the key, with its type", () => {
    const site = only(`${IMPORTS}export const f = memize((flag: boolean, unit: "kg" | "lb") => String(flag) + unit);\n`);
    expect(site.message).toBe(
      'bounded by construction: every part of the key is a boolean, an enum or a union of literals, so the cache keeps a few entries (at most 4 entries: argument 1 `flag` is boolean, argument 2 `unit` is "kg" | "lb")',
    );
  });

  it("more values than the bound (--max) is not bounded by construction: rewritten to the bound", () => {
    const code = `${IMPORTS}type Digit = 0 | 1 | 2;\nexport const f = memize((a: Digit, b: Digit) => a * b);\n`;
    expect(only(code, "/project/a.ts", small)).toMatchObject({ bounded: false, verdict: "rewrite", code: "MC108" });
    expect(only(code)).toMatchObject({ code: "MC126", max: 9 });
  });

  it("JavaScript without types: a parameter is any, not a few values", () => {
    expect(only(`const memoize = require("lodash/memoize");\nconst f = memoize((flag) => String(flag));\nmodule.exports = { f };\n`, "/project/a.js").code).toBe("MC101");
  });
});

describe("only calls the types vouch for: a memoized function handed to other code may get any argument", () => {
  const cases: Array<[string, string, boolean]> = [
    ["called without arguments", `const load = _.memoize(() => 1);\nload();`, true],
    ["exported (importers call it as its type says)", `const load = _.memoize(() => 1);\nexport default load;`, true],
    ["exported through CommonJS", `const load = _.memoize(() => 1);\nmodule.exports = { load };`, true],
    ["its cache read", `const load = _.memoize(() => 1);\nload.cache.clear?.();`, true],
    ["passed to map, which calls it with each item", `const load = _.memoize(() => 1);\n[1, 2].map(load);`, false],
    ["handed to a router as it is made", `declare const app: { get(path: string, handler: (request: object) => unknown): void };\napp.get("/", _.memoize(() => "page"));`, false],
    ["stored in an object", `const load = _.memoize(() => 1);\nexport const handlers = { load };`, false],
    ["called with an argument it does not declare (JavaScript allows it)", `const load = _.memoize(() => 1);\n(load as (x: number) => number)(5);`, false],
    ["memize: called with more arguments than it declares", `const f = memize((flag: boolean) => flag);\n(f as (...args: unknown[]) => boolean)(true, 2);`, false],
    ["lodash keys on the first argument: more arguments do not matter", `const f = _.memoize((flag: boolean) => flag);\n(f as (...args: unknown[]) => boolean)(true, 2);`, true],
  ];
  for (const [title, code, bounded] of cases) {
    it(`${title} → ${bounded ? "bounded by construction" : "not"}`, () => {
      const site = only(`${IMPORTS}${code}\n`);
      expect(site.bounded).toBe(bounded);
      expect(site.verdict).toBe(bounded ? "none" : "rewrite");
    });
  }

  it("a JSX attribute hands it an event", () => {
    const site = only(`import memoize from "lodash/memoize";\nconst onClick = memoize(() => 1);\nexport const button = <button onClick={onClick} />;\n`, "/project/a.tsx");
    expect(site.verdict).toBe("rewrite");
  });
});

describe("class fields", () => {
  it("a field holding a memoized function of no parameters, or of a boolean, keeps one or two entries per instance: left, not shared (MC301)", () => {
    const sites = analyser.analyse(
      "/project/a.ts",
      `${IMPORTS}export class Geo {\n  origin = _.memoize(() => ({ x: 0, y: 0 }));\n  unit = _.memoize((metric: boolean) => (metric ? "m" : "ft"));\n  area = _.memoize((name: string) => name.length);\n}\n`,
    );
    expect(sites.map((site) => [site.kind, site.code, site.verdict])).toEqual([
      ["memoize-call", "MC125", "none"],
      ["memoize-call", "MC126", "none"],
      ["memoize-call", "MC101", "rewrite"],
      ["class-field", "MC301", "rewrite"],
    ]);
  });
});

describe("module caches keyed by a few values (MC126)", () => {
  const cache = (keyType: string) => `const cache = new Map<${keyType}, string[]>();
export function itemsFor(key: ${keyType}): string[] {
  let items = cache.get(key);
  if (!items) {
    items = compute(key);
    cache.set(key, items);
  }
  return items;
}
declare function compute(key: unknown): string[];
`;

  it("a boolean key: bounded, left", () => {
    expect(only(cache("boolean"))).toMatchObject({ kind: "module-cache", bounded: true, code: "MC126", verdict: "none" });
  });

  it("an enum key", () => {
    const site = only(`enum Region { Eu, Us, Asia }\n${cache("Region")}`);
    expect(site).toMatchObject({ code: "MC126", verdict: "none" });
    expect(site.message).toContain("at most 3 entries: keys are Region");
  });

  it("a string key is still an unbounded cache (MC120), rewritten", () => {
    expect(only(cache("string"))).toMatchObject({ code: "MC120", verdict: "rewrite" });
  });
});

describe("fix leaves them byte for byte", () => {
  it("rewrites nothing in a project whose caches are all bounded by construction", async () => {
    const text = `${IMPORTS}export const config = _.memoize(() => ({ port: 80 }));\nexport const label = memize((flag: boolean) => (flag ? "on" : "off"));\n`;
    const dir = writeProject({ "package.json": `{ "name": "p", "version": "1.0.0" }\n`, "src/a.ts": text });
    const result = await fix({ paths: [dir], cwd: dir, dry: true, config: false });
    expect(result.sites.map((site) => site.code)).toEqual(["MC125", "MC126"]);
    expect(result.changes).toEqual([]);
    expect(result.dependencyChanges).toEqual([]);
  });
});
