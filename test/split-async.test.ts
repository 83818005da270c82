/**
 * split-async's analysis: which memoized functions are async, which code is a sound synchronous
 * core, and the verdict (split, fallback, left) with its reason. The rewrites themselves are proved
 * by the fixtures (__testfixtures__/split-async) and test/behaviour/split-async.test.ts.
 */
import { describe, expect, it } from "vitest";
import { Analyser } from "../src/analysis/analyser.ts";
import type { Site } from "../src/analysis/site.ts";
import { rewriteFile } from "../src/fix/rewrite-file.ts";
import { analyseText } from "../src/index.ts";

const FILE = "/project/src/loaders.ts";

const IO = `
async function download(path: string): Promise<string> { return path; }
async function fetchUser(id: string): Promise<{ name: string }> { return { name: id }; }
function parse(text: string): number { return text.length; }
function join(a: string, b: string): string { return a + b; }
`;

function siteOf(code: string, path = FILE): Site {
  const sites = analyseText(path, code).filter((site) => site.kind === "memoize-call");
  expect(sites).toHaveLength(1);
  return sites[0]!;
}

const lodash = (body: string) => `import memoize from "lodash/memoize.js";${IO}\nexport const load = memoize(${body});\n`;
const memoizee = (body: string, options = "") => `import memoizee from "memoizee";${IO}\nexport const load = memoizee(${body}${options});\n`;

async function rewrite(code: string, path = FILE): Promise<string> {
  const analyser = new Analyser({ max: 500 });
  return (await rewriteFile(path, code, analyser.analyse(path, code), analyser)).output;
}

describe("which memoized functions are async", () => {
  it("declared async", () => {
    expect(siteOf(lodash(`async (path: string) => parse(path)`)).async).toBe(true);
  });

  it("promise-returning without async: a .then chain, new Promise, a local async function", () => {
    expect(siteOf(lodash(`(id: string) => fetchUser(id).then((user) => user.name)`)).async).toBe(true);
    expect(siteOf(lodash(`(id: string) => new Promise<string>((resolve) => resolve(id))`)).async).toBe(true);
    expect(siteOf(lodash(`(path: string) => download(path)`)).async).toBe(true);
  });

  it("by the type checker: a promise from a variable, an annotated return type", () => {
    expect(siteOf(lodash(`(path: string) => { const pending = download(path); return pending; }`)).async).toBe(true);
    expect(siteOf(lodash(`(path: string): Promise<number> => download(path).then(parse)`)).async).toBe(true);
  });

  it("synchronous functions and generators are not", () => {
    for (const body of [`(path: string) => parse(path)`, `(path: string): number => parse(path)`, `function* (path: string) { yield path; }`]) {
      const site = siteOf(lodash(body));
      expect(site.async).toBe(false);
      expect(site.asyncVerdict).toBeUndefined();
      expect(site.transform).toBe("bound-memoize");
    }
  });
});

describe("split: a sound synchronous core", () => {
  it("after the last await", () => {
    const site = siteOf(lodash(`async (path: string) => {\n  const text = await download(path);\n  return parse(text);\n}`));
    expect(site).toMatchObject({ code: "MC203", transform: "split-async", asyncVerdict: { verdict: "split" } });
    expect(site.asyncVerdict?.reason).toMatch(/^the code after the last await is memoized as `loadCore`; the async wrapper is not memoized: its I\/O runs on every call and its errors are never cached$/);
    expect(site.message).toMatch(/\(core: the code after the last await, as loadCore\(text\)\)$/);
    expect(site.findings.map((finding) => finding.code)).not.toContain("MC201");
  });

  it("before the first await, returning what the rest uses", () => {
    const site = siteOf(lodash(`async (path: string) => {\n  const url = join("/files/", path);\n  const text = await download(url);\n  return text.length;\n}`));
    expect(site.asyncVerdict).toMatchObject({ verdict: "split", reason: expect.stringMatching(/^the code before the first await is memoized/) });
  });

  it("async with no await: the whole body", () => {
    expect(siteOf(lodash(`async (path: string) => parse(path)`)).asyncVerdict?.reason).toMatch(/^its whole body is memoized as `loadCore`/);
  });

  it("the returned expression around its one await, with the awaited value as the core's parameter", async () => {
    const arrow = lodash(`async (path: string) => parse(JSON.stringify(await download(path)))`);
    expect(siteOf(arrow).asyncVerdict?.reason).toMatch(/^its expression after the await is memoized as `loadCore`/);
    expect(await rewrite(arrow)).toContain(
      "const loadCore = memoize((awaited: string) => parse(JSON.stringify(awaited)));\nloadCore.cache = new LRUCache({ max: 500 });\n\nexport const load = async (path: string) => loadCore(await download(path));",
    );
    const statement = lodash(`async (id: string) => {\n  const name = id.trim();\n  return parse(await readText(name));\n}`).replace(IO, `${IO}async function readText(path: string): Promise<string> { return path; }\n`);
    expect(await rewrite(statement)).toContain("const loadCore = memoize((text: string) => parse(text));");
    expect(await rewrite(statement)).toContain("  return loadCore(await readText(name));\n");
  });

  it("not around an await that something in the expression runs before", () => {
    const site = siteOf(lodash(`async (path: string) => join(path.trim(), await download(path))`));
    expect(site.asyncVerdict?.reason).toContain("its expression after the await: part of it runs before the await, and would run after it");
  });

  it("the longest sound part of the code, when all of it is not", async () => {
    const code = lodash(`async (path: string) => {\n  const text = await download(path);\n  const size = parse(text);\n  return { size, path };\n}`);
    expect(siteOf(code).asyncVerdict?.reason).toMatch(/^part of the code after the last await is memoized/);
    expect(await rewrite(code)).toContain("const loadCore = memoize((text: string) => parse(text));\n");
  });

  it("a library that keys on every argument takes a core of several inputs", () => {
    const body = `async (a: string) => {\n  const b = await download(a);\n  return join(a, b);\n}`;
    expect(siteOf(memoizee(body)).asyncVerdict?.verdict).toBe("split");
    const lodashSite = siteOf(lodash(body));
    expect(lodashSite.asyncVerdict?.verdict).toBe("fallback");
    expect(lodashSite.asyncVerdict?.reason).toContain("it needs 2 inputs (`a`, `b`), but lodash keys on the first argument only");
  });

  it("gives each core a name no identifier of the file has", async () => {
    const code = `import memoize from "lodash/memoize.js";${IO}
const loadCore = 1;
export const load = memoize(async (path: string) => parse(await download(path) + loadCore));
export const a = memoize(async (path: string) => parse(path));
export const b = { load: memoize(async (path: string) => parse(path)) };
`;
    const output = await rewrite(code);
    expect(output).toContain("const loadCore2 = memoize((awaited: string) => parse(awaited + loadCore));");
    expect(output).toContain("const aCore = memoize((path: string) => parse(path));");
    expect(output).toContain("const loadCore3 = memoize((path: string) => parse(path));");
  });

  it("keeps a memocap-max comment's bound for the core", async () => {
    const output = await rewrite(`import memoize from "lodash/memoize.js";${IO}\n// memocap-max: 50\nexport const load = memoize(async (path: string) => parse(path));\n`);
    expect(output).toMatch(/^\/\/ memocap-max: 50\nconst loadCore = memoize\(\(path: string\) => parse\(path\)\);\nloadCore\.cache = new LRUCache\(\{ max: 50 \}\);$/m);
  });

  it("keeps CRLF line endings and needs no parentheses around an exported default", async () => {
    const code = lodash(`async (path: string) => {\n  const text = await download(path);\n  return parse(text);\n}`)
      .replace("export const load = ", "export default ")
      .replaceAll("\n", "\r\n");
    const output = await rewrite(code);
    expect(output).not.toMatch(/[^\r]\n/);
    expect(output).toContain("export default async (path: string) => {\r\n  const text = await download(path);\r\n  return memoizedCore(text);\r\n};");
  });
});

describe("unsound cores: the cause is given, and the site falls back or is left", () => {
  const causes: Record<string, [body: string, cause: RegExp]> = {
    "writes a variable outside it": [`async (id: string) => {\n  const text = await download(id);\n  total += parse(text);\n  return total;\n}`, /it assigns `total`, a variable outside it/],
    "changes an object outside it": [`async (id: string) => {\n  const text = await download(id);\n  seen.push(text);\n  return parse(text);\n}`, /the code after the last await: it changes `seen`, state outside it/],
    "uses this": [`async function (this: { base: string }, id: string) {\n  const text = await download(id);\n  return parse(this.base + text);\n}`, /it uses `this`/],
    "uses arguments": [`async function (id: string) {\n  const text = await download(id);\n  return parse(text + arguments.length);\n}`, /it uses `arguments`/],
    "reads an object": [`async (id: string) => {\n  const user = await fetchUser(id);\n  return parse(user.name);\n}`, /it reads `user` \(\{ name: string; \}\), not a primitive: it cannot be a cache key/],
    "returns early": [`async (id: string) => {\n  if (id.length > 3) {\n    return parse(id);\n  }\n  return await download(id);\n}`, /the code before the first await: it returns early, out of the middle of the function/],
    "awaits inside try/finally": [`async (id: string) => {\n  try {\n    return parse(await download(id));\n  } finally {\n    done();\n  }\n}`, /no synchronous statements around the awaits; an await inside try\/finally cannot be split around/],
    "awaits inside a loop": [`async (id: string) => {\n  let size = 0;\n  for (const part of id.split(",")) size += parse(await download(part));\n  return size;\n}`, /an await inside a loop cannot be split around/],
    "gives a promise": [`async (id: string) => {\n  const text = await download(id);\n  return download(text);\n}`, /its result is a promise: that is the I\/O, not a synchronous core/],
    "does no work": [`async (id: string) => {\n  const user = await fetchUser(id);\n  return user.name;\n}`, /it does no work worth caching \(no call\)/],
    "result changed after it": [`async (id: string) => {\n  const parts = id.split("/");\n  const text = await download(parts[0] ?? id);\n  parts.push(text);\n  return parts.length;\n}`, /`parts` is changed after it, but a cached result is shared by every call/],
  };
  const prelude = `let total = 0;\nconst seen: string[] = [];\nfunction done(): void {}\n`;
  for (const [title, [body, cause]] of Object.entries(causes)) {
    it(title, () => {
      const site = siteOf(lodash(body).replace(IO, IO + prelude));
      expect(site.asyncVerdict?.verdict).not.toBe("split");
      expect(site.asyncVerdict?.reason).toMatch(cause);
    });
  }

  it("reads a variable of an enclosing function, which a module-level core cannot see", () => {
    const inner = siteOf(`import memoize from "lodash/memoize.js";${IO}\nexport const make = (prefix: string) => memoize(async (id: string) => {\n  const text = await download(id);\n  return parse(prefix + text);\n});\n`);
    expect(inner.asyncVerdict?.reason).toContain("it reads `prefix` of an enclosing function, which a module-level core cannot see");
  });

  it("a function inside a function gets its core declared in that function, where its variables are seen", async () => {
    const output = await rewrite(`import memoize from "lodash/memoize.js";${IO}
export function make(prefix: string) {
  const load = memoize(async (id: string) => {
    const text = await download(id);
    return parse(prefix + text);
  });
  return load;
}
`);
    expect(output).toContain(`export function make(prefix: string) {
  const loadCore = memoize((text: string) => parse(prefix + text));
  loadCore.cache = new LRUCache({ max: 500 });

  const load = async (id: string) => {
    const text = await download(id);
    return loadCore(text);
  };
  return load;
}`);
  });

  it("fallback: lodash and memoizee promises in an LRUCache whose fetchMethod is the function", () => {
    for (const code of [lodash(`async (id: string) => (await fetchUser(id)).name`), memoizee(`async (id: string) => (await fetchUser(id)).name`, ", { promise: true }")]) {
      const site = siteOf(code);
      expect(site).toMatchObject({ code: "MC204", transform: "split-async", needsLruCache: true, asyncVerdict: { verdict: "fallback" } });
      expect(site.plan).toEqual([expect.objectContaining({ kind: "lru-fetch-cache", max: 500, wrapper: "(id: string) => loadCache.forceFetch(id)" })]);
      expect(site.findings.map((finding) => finding.code)).not.toContain("MC201");
    }
  });

  it("fallback uses fetch, not forceFetch, where the promise can resolve to undefined", () => {
    const site = siteOf(lodash(`async (id: string): Promise<string | undefined> => (await fetchUser(id)).name || undefined`));
    expect(site.plan).toEqual([expect.objectContaining({ wrapper: "(id: string): Promise<string | undefined> => loadCache.fetch(id)" })]);
    expect(site.asyncVerdict?.reason).toContain("a result that is undefined is not kept");
  });

  it("left, with the reasons for both, when neither a core nor a fallback fits", () => {
    const cases: Record<string, [code: string, reason: RegExp]> = {
      "two parameters": [lodash(`async (id: string, n: number) => (await fetchUser(id)).name.repeat(n)`), /no fallback: it takes 2 parameters, and an LRUCache fetch has one key/],
      "a resolver": [`import memoize from "lodash/memoize.js";${IO}\nexport const load = memoize(async (id: string) => (await fetchUser(id)).name, (id: string) => id.toLowerCase());\n`, /no fallback: the resolver decides the key/],
      "its cache used": [lodash(`async (id: string) => (await fetchUser(id)).name`) + "load.cache.clear?.();\n", /^not split: the memoizer's own API is used \(`load\.cache`\); no fallback: the memoizer's own API is used \(`load\.cache`\)$/],
      "resolves to nothing": [lodash(`async (id: string): Promise<void> => { await download(id); }`), /no fallback: it resolves to nothing, which an LRUCache does not keep/],
      "untyped parameter": [lodash(`async (id) => parse(await download(id))`), /not split: its parameters have no types, which the memoizer's signature supplied; no fallback: its parameter has no type/],
      "memoizee options": [memoizee(`async (id: string) => (await fetchUser(id)).name`, ", { maxAge: 1000 }"), /no fallback: the `maxAge` option of memoizee has no LRUCache fetch counterpart/],
    };
    for (const [title, [code, reason]] of Object.entries(cases)) {
      const site = siteOf(code);
      expect(site.asyncVerdict?.verdict, title).toBe("left");
      expect(site.asyncVerdict?.reason, title).toMatch(reason);
      expect(site.transform, title).toBe("bound-memoize");
      const finding = site.findings.find((candidate) => candidate.code === "MC201");
      expect(finding?.message, title).toContain(site.asyncVerdict!.reason);
    }
  });
});

describe("library promise modes", () => {
  it("p-memoize drops rejections itself: bounded as it is", () => {
    const site = siteOf(`import pMemoize from "p-memoize";${IO}\nexport const load = pMemoize(async (id: string) => parse(await download(id)));\n`);
    expect(site).toMatchObject({ code: "MC106", transform: "bound-memoize", asyncVerdict: { verdict: "fallback", reason: "p-memoize drops a rejected promise itself: its promise cache only needs a bound" } });
  });

  it("moize without a core gets isPromise; with isPromise it is only bounded", () => {
    const noCore = siteOf(`import moize from "moize";${IO}\nexport const load = moize.infinite(async (id: string) => (await fetchUser(id)).name);\n`);
    expect(noCore).toMatchObject({ code: "MC204", plan: [{ kind: "set-option", name: "isPromise", value: "true" }], asyncVerdict: { verdict: "fallback" } });
    const promiseMode = siteOf(`import moize from "moize";${IO}\nexport const load = moize.infinite(async (id: string) => (await fetchUser(id)).name, { isPromise: true });\n`);
    expect(promiseMode).toMatchObject({ code: "MC107", transform: "bound-memoize", asyncVerdict: { verdict: "fallback" } });
  });

  it("memoizee's promise mode drops a rejection a tick late: not counted as a promise mode", () => {
    const site = siteOf(memoizee(`async (path: string) => {\n  const text = await download(path);\n  return parse(text);\n}`, ", { promise: true }"));
    expect(site.asyncVerdict?.verdict).toBe("split");
  });

  it("a bounded async site is left, and says whether rejections stay cached", () => {
    const site = siteOf(memoizee(`async (path: string) => parse(await download(path))`, ", { max: 10 }"));
    expect(site).toMatchObject({ verdict: "none", asyncVerdict: { verdict: "left", reason: expect.stringContaining("rejections stay cached") } });
  });
});

describe("decorated async methods", () => {
  const method = (imports: string, decorator: string, body = `const text = await this.download(name);\n    return parse(text);`) => `${imports}${IO}
export class Loader {
  private async download(name: string): Promise<string> { return name; }

  ${decorator}
  async load(name: string): Promise<number> {
    ${body}
  }
}
`;
  const decoratorSite = (code: string) => {
    const sites = analyseText(FILE, code).filter((site) => site.kind === "decorator");
    expect(sites).toHaveLength(1);
    return sites[0]!;
  };

  it("split where the library memoizes plain functions too: the decorator goes, the core is memoized with the library", async () => {
    const code = method(`import { memoizeDecorator } from "memoize";`, "@memoizeDecorator()");
    expect(decoratorSite(code)).toMatchObject({ code: "MC203", transform: "split-async", asyncVerdict: { verdict: "split" } });
    const output = await rewrite(code);
    expect(output).toMatch(/^import memoize from "memoize";$/m);
    expect(output).not.toContain("memoizeDecorator");
    expect(output).toContain("const loadCore = memoize((text: string) => parse(text), { cache: new LRUCache({ max: 500 }) });");
    expect(output).toContain("  async load(name: string): Promise<number> {\n    const text = await this.download(name);\n    return loadCore(text);\n  }");
  });

  it("left to share-instance-cache, with the reason, where the library has no plain memoizer or no core is sound", () => {
    const noFunction = decoratorSite(method(`import { Memoize } from "typescript-memoize";`, "@Memoize()"));
    expect(noFunction.transform).toBe("share-instance-cache");
    expect(noFunction.asyncVerdict).toEqual({ verdict: "left", reason: "not split: typescript-memoize has no memoizer for a plain function to hold the core" });
    const readsThis = decoratorSite(method(`import { memoizeDecorator } from "memoize";`, "@memoizeDecorator()", `const text = await this.download(name);\n    return parse(text + this.constructor.name);`));
    expect(readsThis.asyncVerdict?.reason).toMatch(/^not split: the code after the last await: it uses `this`/);
  });

  it("a decorator that drops rejected promises itself is only bounded", () => {
    const site = decoratorSite(method(`import { pMemoizeDecorator } from "p-memoize";`, "@pMemoizeDecorator()"));
    expect(site.asyncVerdict).toEqual({ verdict: "fallback", reason: "p-memoize drops a rejected promise itself: its store only needs a bound" });
  });
});

describe("composition with bound-memoize", () => {
  it("a split counts as one rewritten site, at its place in the original text", async () => {
    const code = lodash(`async (path: string) => {\n  const text = await download(path);\n  return parse(text);\n}`);
    const analyser = new Analyser({ max: 500 });
    const sites = analyser.analyse(FILE, code);
    const { output, rewritten } = await rewriteFile(FILE, code, sites, analyser);
    expect(rewritten).toEqual(sites.filter((site) => site.verdict === "rewrite"));
    const line = code.split("\n").findIndex((text) => text.startsWith("export const load")) + 1;
    expect(rewritten.map((site) => [site.line, site.code])).toEqual([[line, "MC203"]]);
    expect(analyser.analyse(FILE, output).filter((site) => site.verdict === "rewrite")).toEqual([]);
  });
});
