import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyseText } from "../src/index.ts";
import type { Site } from "../src/analysis/site.ts";

/** A project folder with a tsconfig.json (decorator mode) and one file, analysed from disk. */
function project(tsconfig: object | string | undefined, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "memocap-instance-cache-"));
  if (tsconfig !== undefined) writeFileSync(join(dir, "tsconfig.json"), typeof tsconfig === "string" ? tsconfig : JSON.stringify(tsconfig));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const LEGACY = project({ compilerOptions: { experimentalDecorators: true } });
const STANDARD = project({ compilerOptions: {} });

const instanceSites = (code: string, dir = LEGACY, file = "a.ts"): Site[] => analyseText(join(dir, file), code).filter((site) => site.kind !== "memoize-call");
const only = (code: string, dir = LEGACY, file = "a.ts"): Site => {
  const sites = instanceSites(code, dir, file);
  expect(sites).toHaveLength(1);
  return sites[0]!;
};

const method = (decorator: string, body = "return `${this.id}:${key}`;") => `
  export class Widget {
    constructor(readonly id: string) {}
    ${decorator}
    render(key: string): string { ${body} }
  }`;

describe("memoizing decorators are resolved through imports, not by name", () => {
  const forms: Record<string, { code: string; library: string }> = {
    "typescript-memoize, named import": { code: `import { Memoize } from "typescript-memoize";${method("@Memoize()")}`, library: "typescript-memoize" },
    "typescript-memoize, renamed import": { code: `import { Memoize as Cached } from "typescript-memoize";${method("@Cached()")}`, library: "typescript-memoize" },
    "typescript-memoize, namespace import": { code: `import * as tsm from "typescript-memoize";${method("@tsm.Memoize()")}`, library: "typescript-memoize" },
    "lodash-decorators, lower-case export": { code: `import { memoize } from "lodash-decorators";${method("@memoize()")}`, library: "lodash-decorators" },
    "lodash-decorators, without a call": { code: `import { Memoize } from "lodash-decorators";${method("@Memoize")}`, library: "lodash-decorators" },
    "lodash-decorators/memoize.js, default import": { code: `import Memoize from "lodash-decorators/memoize.js";${method("@Memoize()")}`, library: "lodash-decorators" },
    "decko, default import": { code: `import decko from "decko";${method("@decko.memoize")}`, library: "decko" },
    "decko, require": { code: `const { memoize } = require("decko");${method("@memoize")}`, library: "decko" },
    "utils-decorators memoizeAsync": { code: `import { memoizeAsync } from "utils-decorators";${method("@memoizeAsync()")}`, library: "utils-decorators" },
    "mem memDecorator": { code: `import { memDecorator } from "mem";${method("@memDecorator()")}`, library: "mem" },
    "@github/memoize/decorator": { code: `import memoize from "@github/memoize/decorator";${method("@memoize()")}`, library: "@github/memoize" },
  };
  for (const [form, { code, library }] of Object.entries(forms)) {
    it(form, () => {
      expect(only(code)).toMatchObject({ kind: "decorator", library, verdict: "rewrite", transform: "share-instance-cache", name: "Widget.render", usesThis: true });
    });
  }

  it("a local function called Memoize is not a site", () => {
    expect(instanceSites(`function Memoize() { return (..._: unknown[]) => {}; }${method("@Memoize()")}`)).toEqual([]);
  });

  it("other decorators of the same libraries are not sites", () => {
    expect(instanceSites(`import { debounce } from "decko";${method("@debounce")}`)).toEqual([]);
  });
});

describe("reads this: where the results live", () => {
  const tsm = (decorator: string, body: string) => `import { Memoize } from "typescript-memoize";${method(decorator, body)}`;

  it("this read in an arrow function counts: the store stays per instance", () => {
    expect(only(tsm("@Memoize()", "return [key].map((k) => this.id + k).join();"))).toMatchObject({ code: "MC303", usesThis: true });
  });

  it("super counts as reading this", () => {
    const code = `import { Memoize } from "typescript-memoize";
      class Base { render(key: string) { return key; } }
      export class Widget extends Base { @Memoize() override render(key: string): string { return super.render(key); } }`;
    expect(only(code)).toMatchObject({ code: "MC303", usesThis: true });
  });

  it("this inside a nested function is that function's own: the method is moved to one shared store", () => {
    const site = only(tsm("@Memoize()", "return [key].map(function (this: unknown, k) { return String(this) + k; }).join();"));
    expect(site).toMatchObject({ code: "MC301", usesThis: false, verdict: "rewrite" });
    expect(site.plan?.[0]).toMatchObject({ kind: "memoize-member", store: "shared", storeName: "widgetRenderCache" });
  });

  it("a shared store for a method that reads this is reported as wrong across instances", () => {
    const site = only(`import { memoize } from "decko";${method("@memoize")}`);
    expect(site).toMatchObject({ code: "MC302", verdict: "rewrite" });
    expect(site.plan?.[0]).toMatchObject({ store: "per-instance", storeName: "widgetRenderCaches", key: { kind: "string-first-argument" } });
  });

  it("a shared store for a method that does not read this stays shared, bounded", () => {
    const site = only(`import { memoize } from "utils-decorators";${method("@memoize()", "return key.toUpperCase();")}`);
    expect(site).toMatchObject({ code: "MC305", verdict: "rewrite" });
    expect(site.plan?.[0]).toMatchObject({ store: "shared", key: { kind: "json-arguments" } });
  });
});

describe("overrides (same-file class hierarchy): a method in a hierarchy keeps a store per instance", () => {
  const base = `import { Memoize } from "typescript-memoize";
    export class Shape { @Memoize() area(size: number): number { return size * size; } }`;

  it("overridden in a subclass of the file", () => {
    const site = instanceSites(`${base} export class Square extends Shape { override area(size: number) { return size; } }`)[0]!;
    expect(site).toMatchObject({ code: "MC303", usesThis: false });
    expect(site.message).toContain("overridden in a subclass");
  });

  it("overridden two classes down", () => {
    const site = instanceSites(`${base} class Mid extends Shape {} export class Leaf extends Mid { override area() { return 1; } }`)[0]!;
    expect(site.code).toBe("MC303");
  });

  it("in a class extending one memocap cannot see", () => {
    const site = only(`import { Memoize } from "typescript-memoize"; import { Base } from "./base";
      export class Shape extends Base { @Memoize() area(size: number): number { return size * size; } }`);
    expect(site).toMatchObject({ code: "MC303" });
    expect(site.message).toContain("extends a class memocap cannot see");
  });

  it("not overridden: shared", () => {
    expect(instanceSites(`${base} export class Square extends Shape { side() { return 1; } }`)[0]).toMatchObject({ code: "MC301" });
  });
});

describe("decorator mode, from the nearest tsconfig.json", () => {
  const tsm = `import { Memoize } from "typescript-memoize";${method("@Memoize()")}`;
  const memoize = `import { memoizeDecorator } from "memoize";${method("@memoizeDecorator()")}`;

  it("a legacy-only decorator under standard decorators is left, with the reason", () => {
    expect(only(tsm, STANDARD)).toMatchObject({ code: "MC320", verdict: "skip" });
    expect(only(tsm, STANDARD).message).toContain("needs experimentalDecorators");
  });

  it("memoize's decorator under experimentalDecorators does nothing: left, with the reason", () => {
    expect(only(memoize, LEGACY)).toMatchObject({ code: "MC320", verdict: "skip" });
    expect(only(memoize, LEGACY).message).toContain("does nothing");
    expect(only(memoize, STANDARD)).toMatchObject({ code: "MC303", verdict: "rewrite" });
  });

  it("experimentalDecorators set through extends, the tsconfig in a parent folder", () => {
    const dir = project(`{ "extends": "./base.json" /* comments allowed */ }`, { "base.json": JSON.stringify({ compilerOptions: { experimentalDecorators: true } }) });
    expect(only(tsm, dir, "src/deep/a.ts")).toMatchObject({ code: "MC303", verdict: "rewrite" });
  });

  it("a tsconfig that extends a missing file: mode unknown, the decorator is taken to work", () => {
    const dir = project({ extends: "./missing.json" });
    expect(only(tsm, dir)).toMatchObject({ code: "MC303", verdict: "rewrite" });
    expect(only(memoize, dir)).toMatchObject({ code: "MC303", verdict: "rewrite" });
  });
});

describe("verdicts from the decorator's options", () => {
  it("a cache object in the options decides the store: left", () => {
    const site = only(`import { Memoize } from "lodash-decorators"; const store = new Map();${method("@Memoize({ cache: store })")}`);
    expect(site).toMatchObject({ code: "MC311", verdict: "skip" });
  });

  it("p-memoize cache: false keeps no results: bounded", () => {
    const site = only(`import { pMemoizeDecorator } from "p-memoize";${method("@pMemoizeDecorator({ cache: false })").replace("render(", "async render(").replace(": string {", ": Promise<string> {")}`, STANDARD);
    expect(site).toMatchObject({ code: "MC310", bounded: true, verdict: "none" });
  });

  it("options that are not an object literal: left", () => {
    expect(only(`import { memDecorator } from "mem"; const options = {};${method("@memDecorator(options)")}`)).toMatchObject({ code: "MC902", verdict: "skip" });
  });

  it("an option the migration cannot keep: left, naming it", () => {
    const site = only(`import { pMemoizeDecorator } from "p-memoize";${method("@pMemoizeDecorator({ shouldCache: () => true })")}`, STANDARD);
    expect(site).toMatchObject({ code: "MC321", verdict: "skip" });
    expect(site.message).toContain("shouldCache");
  });

  it("typescript-memoize tags are migrated, and the dropped tags are reported", () => {
    const site = only(`import { Memoize } from "typescript-memoize";${method('@Memoize({ tags: ["t"] })')}`);
    expect(site).toMatchObject({ code: "MC304", verdict: "rewrite" });
    expect(site.message).toContain("clear(tags) no longer empties this cache");
  });

  it("a method without arguments keeps one value per instance: bounded", () => {
    const code = `import { Memoize } from "typescript-memoize"; export class W { constructor(readonly id: string) {} @Memoize() total(): string { return this.id; } }`;
    expect(only(code)).toMatchObject({ code: "MC310", bounded: true, verdict: "none" });
  });

  it("first-argument keying of a method with more parameters is reported (MC404)", () => {
    const code = `import { memDecorator } from "mem"; export class W { constructor(readonly n: number) {} @memDecorator() add(a: number, b: number): number { return a + b + this.n; } }`;
    expect(only(code).findings.map((finding) => finding.code)).toEqual(["MC404"]);
  });

  it("an async method whose library caches rejections is reported (MC201)", () => {
    const code = `import { Memoize } from "typescript-memoize"; export class W { constructor(readonly n: number) {} @Memoize() async load(id: string) { return id + this.n; } }`;
    expect(only(code).findings.map((finding) => finding.code)).toContain("MC201");
  });

  it("a first parameter that may be undefined cannot key an LRUCache in TypeScript: left", () => {
    const site = only(`import { Memoize } from "typescript-memoize";${method("@Memoize()").replace("key: string", "key?: string")}`);
    expect(site).toMatchObject({ code: "MC321", verdict: "skip" });
  });

  it("memocap-ignore leaves the member alone", () => {
    expect(only(`import { Memoize } from "typescript-memoize";${method("// memocap-ignore\n@Memoize()")}`)).toMatchObject({ code: "MC901", verdict: "skip" });
  });
});

describe("class fields and prototype methods", () => {
  it("a class field whose memoized function reads no this is moved to one shared function", () => {
    const sites = instanceSites(`import memoize from "lodash/memoize.js"; export class G { slow = memoize((k: string) => k.length); }`);
    expect(sites).toHaveLength(1);
    expect(sites[0]).toMatchObject({ kind: "class-field", library: "lodash", code: "MC301", verdict: "rewrite", name: "G.slow" });
    expect(sites[0]!.plan?.[0]).toMatchObject({ kind: "share-class-field", constName: "gSlow" });
  });

  it("a class field reading this, or a static one, is not a site of this transform", () => {
    const code = `import memoize from "lodash/memoize.js"; export class G { unit = "km"; f = memoize((k: string) => k + this.unit); static s = memoize((k: string) => k); }`;
    expect(instanceSites(code)).toEqual([]);
  });

  it("a class field whose memoized function is a function expression reading this stays per instance", () => {
    expect(instanceSites(`import memoize from "lodash/memoize.js"; export class G { u = 1; f = memoize(function (this: G, k: number) { return k + this.u; }); }`)).toEqual([]);
  });

  it("a class field that would read a binding before it is initialised is left, with the reason", () => {
    const site = only(`import memoize from "lodash/memoize.js"; export class G { f = memoize(helper); } const helper = (k: string) => k.length;`);
    expect(site).toMatchObject({ kind: "class-field", code: "MC321", verdict: "skip" });
    expect(site.message).toContain("reads helper before it is initialised");
  });

  it("a memoized prototype method that reads this is memoized per instance", () => {
    const code = `const memoize = require("lodash/memoize");
      class F { constructor(p) { this.p = p; } f(v) { return this.p + v; } g(v) { return v * 2; } }
      F.prototype.f = memoize(F.prototype.f);
      F.prototype.g = memoize(F.prototype.g);`;
    const sites = instanceSites(code, LEGACY, "a.cjs");
    expect(sites).toHaveLength(1);
    expect(sites[0]).toMatchObject({ kind: "prototype-assignment", code: "MC302", verdict: "rewrite", name: "F.prototype.f", usesThis: true });
  });
});
