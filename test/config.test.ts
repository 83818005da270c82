/**
 * memocap.config.json / package.json "memocap": found from each path upward, checked strictly,
 * include/exclude globs and per-path bounds relative to the file that holds them, flags winning.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, findConfig, parseConfig } from "../src/config/config-file.ts";
import { discoverConfiguredFiles } from "../src/config/configured-files.ts";
import { scan } from "../src/scan.ts";

const SITE = `import memoize from "lodash/memoize";\nexport const f = memoize((k: string) => k.length);\n`;

/** A throw-away folder with `.git` (the top of the config search) and the given files. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "memocap-config-"));
  mkdirSync(join(dir, ".git"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const configError = (text: string, kind: "file" | "package.json" = "file") => {
  try {
    parseConfig("/repo/memocap.config.json", text, kind as "file");
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).reason;
  }
  throw new Error("no ConfigError");
};

describe("a configuration is checked strictly, with a one-line reason", () => {
  it("reads every setting", () => {
    const config = parseConfig("/repo/memocap.config.json", `{ "$schema": "x", "max": 300, "include": "src/**", "exclude": ["**/*.test.ts"], "overrides": [{ "files": ["src/hot/**"], "max": 2000 }] }`, "file");
    expect(config).toEqual({
      file: "/repo/memocap.config.json",
      dir: "/repo",
      max: 300,
      include: ["src/**"],
      exclude: ["**/*.test.ts"],
      overrides: [{ files: ["src/hot/**"], max: 2000 }],
    });
  });

  const bad: Array<[string, string, RegExp]> = [
    ["invalid JSON, with where", `{\n  "max": 3,\n}`, /^not valid JSON \(PropertyNameExpected at 3:1\)$/],
    ["comments (JSON, not JSONC)", `{ // bound\n "max": 3 }`, /^not valid JSON \(InvalidCommentToken at 1:3\)$/],
    ["max of 0", `{ "max": 0 }`, /^"max" must be a whole number of at least 1 \(got 0\)$/],
    ["max as a string", `{ "max": "500" }`, /^"max" must be a whole number of at least 1 \(got "500"\)$/],
    ["a fractional max", `{ "max": 1.5 }`, /got 1\.5/],
    ["a misspelt key", `{ "maxx": 3 }`, /^unknown key "maxx" \(known: max, include, exclude, overrides, transforms, libraries\)$/],
    ["transforms that are not a list", `{ "transforms": "bound-memoize" }`, /^"transforms" must be a list of transform names/],
    ["an unknown transform", `{ "transforms": ["bound-memoise"] }`, /^"transforms": unknown transform "bound-memoise" \(known: split-async, bound-memoize, /],
    ["split-async without bound-memoize", `{ "transforms": ["split-async"] }`, /^"transforms": split-async needs bound-memoize/],
    ["no transform at all", `{ "transforms": [] }`, /^"transforms": name at least one transform$/],
    ["libraries that are not an object", `{ "libraries": ["lodash"] }`, /^"libraries" must be an object/],
    ["an unknown library", `{ "libraries": { "lodahs": { "max": 3 } } }`, /^unknown library "lodahs" in "libraries" \(known: .*lodash.*\)$/],
    ["a library's bad max", `{ "libraries": { "lodash": { "max": 0 } } }`, /^"libraries\.lodash\.max" must be a whole number of at least 1 \(got 0\)$/],
    ["a library's rewrite that is not a boolean", `{ "libraries": { "moize": { "rewrite": "no" } } }`, /^"libraries\.moize\.rewrite" must be true or false \(got "no"\)$/],
    ["a library option memocap does not know", `{ "libraries": { "moize": { "maxSize": 3 } } }`, /^unknown key "maxSize" in "libraries\.moize" \(known: max, rewrite\)$/],
    ["globs that are not strings", `{ "exclude": [1] }`, /^"exclude" must be a glob or a non-empty list of globs$/],
    ["an empty include list", `{ "include": [] }`, /"include" must be a glob or a non-empty list/],
    ["overrides that are not a list", `{ "overrides": { "files": "a", "max": 1 } }`, /^"overrides" must be a list/],
    ["an override without max", `{ "overrides": [{ "files": ["a/**"] }] }`, /^"overrides\[0\]" needs both "files" and "max"$/],
    ["an override with a bad max", `{ "overrides": [{ "files": ["a/**"], "max": -1 }] }`, /^"overrides\[0\]\.max" must be a whole number/],
    ["an override with an unknown key", `{ "overrides": [{ "files": ["a/**"], "max": 1, "maxSize": 2 }] }`, /^unknown key "maxSize" in "overrides\[0\]"/],
    ["not an object", `[1, 2]`, /^the configuration must be an object$/],
  ];
  for (const [title, text, reason] of bad) {
    it(`rejects ${title}`, () => {
      const message = configError(text);
      expect(message).toMatch(reason);
      expect(message).not.toMatch(/\n/);
    });
  }

  it("reads transforms and per-library options", () => {
    const config = parseConfig("/repo/memocap.config.json", `{ "transforms": ["bound-memoize", "split-async"], "libraries": { "lodash": { "max": 40 }, "memoizee": { "rewrite": false } } }`, "file");
    expect(config.transforms).toEqual(["bound-memoize", "split-async"]);
    expect(config.libraries).toEqual({ lodash: { max: 40 }, memoizee: { rewrite: false } });
  });

  it("package.json: the memocap key is the configuration; without it there is none", () => {
    expect(parseConfig("/repo/package.json", `{ "name": "a", "memocap": { "max": 7 } }`, "package.json")).toMatchObject({ file: "/repo/package.json", max: 7 });
    expect(parseConfig("/repo/package.json", `{ "name": "a" }`, "package.json")).toBeUndefined();
    expect(configError(`{ "memocap": 7 }`, "package.json")).toBe(`"memocap" must be an object`);
  });
});

describe("the configuration is found from each path upward", () => {
  it("memocap.config.json above the path; it wins over package.json in the same folder", async () => {
    const dir = tree({ "memocap.config.json": `{ "max": 11 }`, "package.json": `{ "memocap": { "max": 22 } }`, "packages/api/src/a.ts": SITE });
    expect(await findConfig(join(dir, "packages/api/src"))).toMatchObject({ file: join(dir, "memocap.config.json"), max: 11 });
  });

  it("a package.json without the key is passed over; the nearest one with it is used", async () => {
    const dir = tree({ "package.json": `{ "memocap": { "max": 22 } }`, "packages/api/package.json": `{ "name": "api" }`, "packages/api/src/a.ts": SITE });
    expect(await findConfig(join(dir, "packages/api/src"))).toMatchObject({ file: join(dir, "package.json"), max: 22 });
  });

  it("the search stops at the top of the git work tree", async () => {
    const outer = tree({ "memocap.config.json": `{ "max": 11 }` });
    const inner = join(outer, "checkout");
    mkdirSync(join(inner, ".git"), { recursive: true });
    expect(await findConfig(inner)).toBeUndefined();
  });

  it("a package.json with a memocap key that is not valid JSON is a configuration error naming it", async () => {
    const dir = tree({ "package.json": `{ "memocap": { "max": 3 }, "name": ` });
    await expect(findConfig(dir)).rejects.toMatchObject({ file: join(dir, "package.json"), reason: expect.stringMatching(/^not valid JSON/) });
  });

  it("a package.json that is not valid JSON and does not mention memocap configures nothing", async () => {
    const dir = tree({ "package.json": `{ "name": ` });
    expect(await findConfig(dir)).toBeUndefined();
  });
});

describe("discovery and bounds follow the configuration of each path", () => {
  const FILES = {
    "memocap.config.json": JSON.stringify({
      max: 300,
      exclude: ["src/generated/**"],
      overrides: [
        { files: ["src/hot/**"], max: 2000 },
        { files: ["src/hot/tiny.ts"], max: 5 },
      ],
    }),
    "src/a.ts": SITE,
    "src/hot/b.ts": SITE,
    "src/hot/tiny.ts": SITE,
    "src/generated/c.ts": SITE,
  };
  const names = (dir: string, files: string[]) => files.map((file) => relative(dir, file));

  it("exclude globs apply relative to the configuration's folder, whatever the current folder", async () => {
    const dir = tree(FILES);
    for (const [cwd, path] of [
      [dir, "."],
      [dir, "src"],
      [join(dir, "src"), "."],
    ] as const) {
      const found = await discoverConfiguredFiles({ cwd, paths: [path] });
      expect(names(dir, found.files)).toEqual(["src/a.ts", "src/hot/b.ts", "src/hot/tiny.ts"]);
    }
  });

  it("max per file: the last matching override, else the configuration's max", async () => {
    const dir = tree(FILES);
    const found = await discoverConfiguredFiles({ cwd: join(dir, "src"), paths: ["."] });
    expect(found.files.map((file) => [relative(dir, file), found.maxFor(file)])).toEqual([
      ["src/a.ts", 300],
      ["src/hot/b.ts", 2000],
      ["src/hot/tiny.ts", 5],
    ]);
  });

  it("command-line flags win: --max over max and overrides, --exclude over exclude", async () => {
    const dir = tree(FILES);
    const found = await discoverConfiguredFiles({ cwd: dir, paths: ["."], max: 42, exclude: ["src/hot/**"] });
    expect(found.files.map((file) => [relative(dir, file), found.maxFor(file)])).toEqual([
      ["src/a.ts", 42],
      ["src/generated/c.ts", 42],
    ]);
  });

  it("include from the configuration keeps only matching files", async () => {
    const dir = tree({ ...FILES, "memocap.config.json": `{ "include": ["src/hot/**/*.ts"] }` });
    expect(names(dir, (await discoverConfiguredFiles({ cwd: dir, paths: ["."] })).files)).toEqual(["src/hot/b.ts", "src/hot/tiny.ts"]);
  });

  it("two paths under two configurations each get their own", async () => {
    const dir = tree({
      "one/memocap.config.json": `{ "max": 10 }`,
      "one/a.ts": SITE,
      "two/package.json": `{ "memocap": { "max": 20, "exclude": ["skip.ts"] } }`,
      "two/b.ts": SITE,
      "two/skip.ts": SITE,
      "three/c.ts": SITE,
    });
    const found = await discoverConfiguredFiles({ cwd: dir, paths: ["one", "two", "three/c.ts"] });
    expect(found.files.map((file) => [relative(dir, file), found.maxFor(file)])).toEqual([
      ["one/a.ts", 10],
      ["three/c.ts", undefined],
      ["two/b.ts", 20],
    ]);
    expect(found.configs.map((config) => relative(dir, config.file))).toEqual(["one/memocap.config.json", "two/package.json"]);
  });

  it("config: false reads none", async () => {
    const dir = tree(FILES);
    const found = await discoverConfiguredFiles({ cwd: dir, paths: ["."], config: false });
    expect(found.files).toHaveLength(4);
    expect(found.maxFor(found.files[0]!)).toBeUndefined();
  });

  it("scan writes each file's bound into its plan", async () => {
    const dir = tree(FILES);
    const result = await scan({ cwd: dir, paths: ["."] });
    expect(result.sites.map((site) => [relative(dir, site.file), site.plan?.[0] && "max" in site.plan[0] ? site.plan[0].max : undefined])).toEqual([
      ["src/a.ts", 300],
      ["src/hot/b.ts", 2000],
      ["src/hot/tiny.ts", 5],
    ]);
  });

  it("a memocap-max comment still wins over the configuration", async () => {
    const dir = tree({ "memocap.config.json": `{ "max": 300 }`, "src/a.ts": `import memoize from "lodash/memoize";\n// memocap-max: 9\nexport const f = memoize((k: string) => k.length);\n` });
    const [site] = (await scan({ cwd: dir, paths: ["."] })).sites;
    expect(site?.plan).toEqual([expect.objectContaining({ max: 9 })]);
  });

  it("a bad configuration rejects the run with a ConfigError naming the file", async () => {
    const dir = tree({ "memocap.config.json": `{ "max": 0 }`, "src/a.ts": SITE });
    await expect(scan({ cwd: dir, paths: ["src"] })).rejects.toBeInstanceOf(ConfigError);
  });
});
