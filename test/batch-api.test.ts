/**
 * The programmatic API over a workspace of three packages (test/fixtures/workspace, copied to a temp
 * folder): JSON-shaped results, per-package grouping and dependencies, --workspaces, the
 * configuration's transforms and libraries, print-config and the Markdown report.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { TRANSFORMS } from "../src/fix/transforms.ts";
import { effectiveConfig, fix, fixMarkdown, OptionError, scan, TRANSFORM_NAMES, workspacePackages, type FixJson, type ScanJson } from "../src/index.ts";
import { parseConfig } from "../src/config/config-file.ts";
import { ROOT, copyToTemp } from "./helpers/cli.ts";
import { writeProject } from "./helpers/report-project.ts";
import { validateOutput } from "./helpers/schemas.ts";

const WORKSPACE = "test/fixtures/workspace";

function expectValid(report: unknown): void {
  const valid = validateOutput(report);
  expect(validateOutput.errors ?? [], JSON.stringify(validateOutput.errors, null, 2)).toEqual([]);
  expect(valid).toBe(true);
}

function siteNamed<Report extends ScanJson | FixJson>(report: Report, name: string): Report["sites"][number] {
  const site = (report.sites as Array<Report["sites"][number]>).find((candidate) => candidate.name === name);
  if (!site) throw new Error(`no site ${name}`);
  return site;
}

describe("scan and fix return the JSON output's records, grouped per package", () => {
  let root: string;
  let scanned: ScanJson;
  let dry: FixJson;

  beforeAll(async () => {
    root = copyToTemp(WORKSPACE);
    scanned = await scan({ cwd: root, workspaces: true });
    dry = await fix({ cwd: root, workspaces: true, dry: true });
  });

  it("both validate against the output schema", () => {
    expectValid(scanned);
    expectValid(dry);
    expect(scanned.command).toBe("scan");
    expect(dry).toMatchObject({ command: "fix", dry: true });
    // The schema checks the package records too.
    const [first] = dry.packages;
    expect(validateOutput({ ...scanned, packages: [{ dir: "packages/a" }] })).toBe(false);
    expect(validateOutput({ ...dry, packages: [{ ...first, dependencyChanges: undefined }] })).toBe(false);
    expect(validateOutput({ ...dry, packages: [{ ...first, summary: { ...first!.summary, rewritten: -1 } }] })).toBe(false);
  });

  it("--workspaces finds the three packages; each has its name, package.json and tsconfig.json", () => {
    expect(scanned.packages.map(({ dir, name, packageJson, tsconfig }) => ({ dir, name, packageJson, tsconfig }))).toEqual([
      { dir: "packages/a", name: "@shop/pricing", packageJson: "packages/a/package.json", tsconfig: "packages/a/tsconfig.json" },
      { dir: "packages/b", name: "@shop/catalog", packageJson: "packages/b/package.json", tsconfig: "packages/b/tsconfig.json" },
      { dir: "packages/c", name: "@shop/rates", packageJson: "packages/c/package.json", tsconfig: undefined },
    ]);
  });

  it("every site names its package, and each package counts its own sites", () => {
    for (const site of scanned.sites) expect(site.file.startsWith(`${site.package}/`), site.file).toBe(true);
    const summaries = Object.fromEntries(scanned.packages.map((pkg) => [pkg.dir, pkg.summary]));
    expect(summaries["packages/a"]).toEqual({ sites: 2, unbounded: 2, bounded: 0, byCode: { MC101: 1, MC901: 1 }, problems: 0 });
    expect(summaries["packages/b"]).toEqual({ sites: 3, unbounded: 2, bounded: 1, byCode: { MC102: 1, MC110: 1, MC120: 1 }, problems: 0 });
    expect(summaries["packages/c"]).toMatchObject({ sites: 4, unbounded: 4, byCode: { MC101: 2, MC910: 1, MC911: 1 } });
  });

  it("package c's own configuration applies to c alone: its max and override, its transforms, its libraries", () => {
    expect(siteNamed(dry, "rateOf").change).toMatchObject({ status: "rewritten", plan: [expect.objectContaining({ max: 50 })] });
    expect(siteNamed(dry, "quoteFor").change).toMatchObject({ status: "rewritten", plan: [expect.objectContaining({ max: 2000 })] });
    expect(siteNamed(dry, "symbolOf")).toMatchObject({ code: "MC911", level: "error", change: { status: "left", reason: expect.stringMatching(/^left: rewriting this library is turned off in the configuration: memoizee; unbounded memoizee/) } });
    expect(siteNamed(dry, "roundingCache")).toMatchObject({ code: "MC910", change: { status: "left", reason: expect.stringMatching(/its transform is not selected: bound-module-cache/) } });
    // The same kinds of sites in a and b, without that configuration, are rewritten with the default bound.
    expect(siteNamed(dry, "priceFor").change).toMatchObject({ status: "rewritten", plan: [expect.objectContaining({ max: 500 })] });
    expect(siteNamed(dry, "stockCache").change).toMatchObject({ status: "rewritten", transform: "bound-module-cache" });
    expect(siteNamed(dry, "productName").change).toMatchObject({ status: "rewritten" });
  });

  it("each package gets its own lru-cache change, listed with it", () => {
    expect(dry.dependencyChanges.map((change) => [change.package, change.packageJson])).toEqual([
      ["packages/a", "packages/a/package.json"],
      ["packages/b", "packages/b/package.json"],
      ["packages/c", "packages/c/package.json"],
    ]);
    for (const pkg of dry.packages) expect(pkg.dependencyChanges).toEqual([{ packageJson: `${pkg.dir}/package.json`, dependency: "lru-cache", range: "^11.0.0" }]);
    expect(dry.packages.map((pkg) => [pkg.dir, pkg.summary.rewritten, pkg.summary.left, pkg.summary.filesChanged])).toEqual([
      ["packages/a", 1, 1, 1],
      ["packages/b", 2, 0, 2],
      ["packages/c", 2, 2, 2],
    ]);
    for (const change of dry.changes) expect(change.file.startsWith(`${change.package}/`)).toBe(true);
  });

  it("with dry, nothing was written", () => {
    expect(readFileSync(join(root, "packages/a/src/prices.ts"), "utf8")).toBe(readFileSync(join(copyToTemp(WORKSPACE), "packages/a/src/prices.ts"), "utf8"));
  });
});

describe("fix over several roots, each its own package", () => {
  it("rewrites each package, adds lru-cache to each package.json once, and a second run changes nothing", async () => {
    const root = copyToTemp(WORKSPACE);
    const roots = ["packages/a/", "packages/b/", "packages/c/"];
    const first = await fix({ cwd: root, paths: roots, allowDirty: true });
    expectValid(first);
    expect(first.packages.map((pkg) => pkg.name)).toEqual(["@shop/pricing", "@shop/catalog", "@shop/rates"]);
    expect(first.summary).toMatchObject({ rewritten: 5, left: 3, failed: 0, filesChanged: 5 });
    for (const dir of ["a", "b", "c"]) {
      expect(JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")).dependencies["lru-cache"], dir).toBe("^11.0.0");
    }
    expect(readFileSync(join(root, "packages/c/src/rates.ts"), "utf8")).toContain("rateOf.cache = new LRUCache({ max: 50 });");
    expect(readFileSync(join(root, "packages/c/src/hot/quotes.ts"), "utf8")).toContain("quoteFor.cache = new LRUCache({ max: 2000 });");
    const second = await fix({ cwd: root, paths: roots, allowDirty: true });
    expect(second.changes).toEqual([]);
    expect(second.dependencyChanges).toEqual([]);
    expect(second.summary).toMatchObject({ rewritten: 0, left: 3 });
  });

  it("a path with no package.json above it is a package of its own, without packageJson", async () => {
    const dir = writeProject({ "src/a.ts": `import memoize from "lodash/memoize";\nexport const f = memoize((k: string) => k.length);\n` });
    const report = await scan({ cwd: dir, paths: ["src"] });
    expect(report.packages).toEqual([{ dir: "src", summary: expect.objectContaining({ sites: 1 }) }]);
    expect(report.sites[0]?.package).toBe("src");
    expectValid(report);
  });
});

describe("--transforms and the configuration's transforms and libraries", () => {
  const ASYNC_AND_MODULE_CACHE = {
    "package.json": `{ "name": "t" }\n`,
    "src/load.ts": [
      `import memoize from "lodash/memoize";`,
      `import { readFile } from "node:fs/promises";`,
      ``,
      `export const loadTitle = memoize(async (path: string) => {`,
      `  const text = await readFile(path, "utf8");`,
      `  return JSON.parse(text).title.toUpperCase() as string;`,
      `});`,
      ``,
      `const lengths = new Map<string, number>();`,
      `export function lengthOf(word: string): number {`,
      `  if (!lengths.has(word)) lengths.set(word, word.length);`,
      `  return lengths.get(word)!;`,
      `}`,
      ``,
    ].join("\n"),
  };

  it("the README's configuration example is a valid configuration", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const example = /```json\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf("### Configuration")))![1]!;
    expect(parseConfig("/repo/memocap.config.json", example, "file")).toMatchObject({ transforms: expect.any(Array), libraries: expect.any(Object) });
  });

  it("the registered transforms are the names configurations and --transforms take, in run order", () => {
    expect(TRANSFORMS.map((transform) => transform.name)).toEqual([...TRANSFORM_NAMES]);
  });

  it("only the chosen transforms run: the others' sites are left (MC910); without split-async an async site is bounded as it is", async () => {
    const dir = writeProject(ASYNC_AND_MODULE_CACHE);
    const all = await fix({ cwd: dir, dry: true });
    expect(siteNamed(all, "loadTitle").change).toMatchObject({ status: "rewritten", transform: "split-async" });
    expect(siteNamed(all, "lengths").change).toMatchObject({ status: "rewritten", transform: "bound-module-cache" });

    const chosen = await fix({ cwd: dir, dry: true, transforms: ["bound-memoize"] });
    expectValid(chosen);
    const loadTitle = siteNamed(chosen, "loadTitle");
    expect(loadTitle).toMatchObject({ code: "MC101", change: { status: "rewritten", transform: "bound-memoize" } });
    expect(loadTitle.findings).toContainEqual(expect.objectContaining({ code: "MC201", message: expect.stringMatching(/split-async is not selected/) }));
    expect(loadTitle.asyncVerdict).toEqual({ verdict: "left", reason: expect.stringMatching(/split-async is not selected/) });
    expect(siteNamed(chosen, "lengths")).toMatchObject({ code: "MC910", verdict: "skip", transform: "bound-module-cache", change: { status: "left" } });
    expect(chosen.changes[0]?.diff).toMatch(/^\+loadTitle\.cache = new LRUCache\(\{ max: 500 \}\);$/m);
  });

  it("rejects an unknown transform, and split-async without bound-memoize, before reading a file", async () => {
    const dir = writeProject(ASYNC_AND_MODULE_CACHE);
    await expect(fix({ cwd: dir, dry: true, transforms: ["bound-memoise"] })).rejects.toThrow(OptionError);
    await expect(scan({ cwd: dir, transforms: ["split-async"] })).rejects.toThrow(/split-async needs bound-memoize/);
  });

  it("a library's max wins over overrides and max; --max wins over it; rewrite: false leaves its sites", async () => {
    const dir = writeProject({
      ...ASYNC_AND_MODULE_CACHE,
      "memocap.config.json": JSON.stringify({ max: 30, overrides: [{ files: ["src/**"], max: 60 }], libraries: { lodash: { max: 7 } } }),
    });
    const configured = await scan({ cwd: dir });
    expect(siteNamed(configured, "loadTitle").max).toBeUndefined();
    const dry = await fix({ cwd: dir, dry: true, transforms: ["bound-memoize", "bound-module-cache"] });
    expect(siteNamed(dry, "loadTitle").change).toMatchObject({ plan: [expect.objectContaining({ max: 7 })] });
    expect(siteNamed(dry, "lengths").change).toMatchObject({ plan: expect.arrayContaining([expect.objectContaining({ kind: "new-lru-cache", max: 60 })]) });
    const flagged = await fix({ cwd: dir, dry: true, max: 3, transforms: ["bound-memoize"] });
    expect(siteNamed(flagged, "loadTitle").change).toMatchObject({ plan: [expect.objectContaining({ max: 3 })] });

    writeFileSync(join(dir, "memocap.config.json"), JSON.stringify({ libraries: { lodash: { rewrite: false } } }));
    const off = await fix({ cwd: dir, dry: true });
    expect(siteNamed(off, "loadTitle")).toMatchObject({ code: "MC911", change: { status: "left" } });
    expect(siteNamed(off, "lengths").change.status).toBe("rewritten");
  });
});

describe("a library's options reach its decorator sites too", () => {
  it("typescript-memoize's max bounds the store share-instance-cache writes", async () => {
    const dir = writeProject({
      "package.json": `{ "name": "d" }\n`,
      "memocap.config.json": JSON.stringify({ max: 40, libraries: { "typescript-memoize": { max: 5 } } }),
      "src/report.ts": `import { Memoize } from "typescript-memoize";\nexport class Report {\n  @Memoize()\n  total(year: number) {\n    return year * 2;\n  }\n}\n`,
    });
    const report = await fix({ cwd: dir, dry: true });
    expect(report.sites[0]).toMatchObject({ library: "typescript-memoize", change: { status: "rewritten", transform: "share-instance-cache" } });
    expect(report.changes[0]?.diff).toMatch(/^\+const reportTotalCache = new LRUCache<.*>\(\{ max: 5 \}\);$/m);
  });
});

describe("workspacePackages", () => {
  const packages = (files: Record<string, string>) => {
    const dir = writeProject(files);
    return { dir, found: () => workspacePackages(".", dir).then((found) => found.map((path) => path.slice(dir.length + 1))) };
  };
  const pkg = (name: string) => ({ [`${name}/package.json`]: `{ "name": "${name}" }` });

  it("npm: the workspaces list; a folder without package.json and node_modules are not packages", async () => {
    const { found } = packages({ "package.json": `{ "workspaces": ["packages/*", "tools/cli"] }`, ...pkg("packages/one"), ...pkg("packages/two"), ...pkg("tools/cli"), "packages/notes/README.md": "", ...pkg("packages/one/node_modules/dep") });
    expect(await found()).toEqual(["packages/one", "packages/two", "tools/cli"]);
  });

  it("the root package is one only when a glob names it", async () => {
    const { dir } = packages({ "package.json": `{ "workspaces": [".", "packages/*"] }`, ...pkg("packages/one") });
    expect(await workspacePackages(".", dir)).toEqual([dir, join(dir, "packages/one")]);
  });

  it("yarn: { packages: [...] }, with a negated glob", async () => {
    const { found } = packages({ "package.json": `{ "workspaces": { "packages": ["packages/**", "!packages/legacy"], "nohoist": ["**/x"] } }`, ...pkg("packages/one"), ...pkg("packages/group/two"), ...pkg("packages/legacy") });
    expect(await found()).toEqual(["packages/group/two", "packages/one"]);
  });

  it("pnpm: pnpm-workspace.yaml's packages win over package.json", async () => {
    const { found } = packages({
      "package.json": `{ "name": "root", "workspaces": ["ignored/*"] }`,
      "pnpm-workspace.yaml": `packages:\n  # the apps and their libraries\n  - "apps/*"\n  - libs/*\n  - "!libs/old"\n`,
      ...pkg("apps/web"),
      ...pkg("libs/core"),
      ...pkg("libs/old"),
      ...pkg("ignored/x"),
    });
    expect(await found()).toEqual(["apps/web", "libs/core"]);
  });

  it("a folder that is no workspace root, bad YAML, bad workspaces and globs that find nothing are OptionErrors naming the file", async () => {
    await expect(packages({ "package.json": `{ "name": "solo" }` }).found()).rejects.toThrow(/^--workspaces: \. is not a workspace root/);
    await expect(packages({ "pnpm-workspace.yaml": `packages: [apps/*\n` }).found()).rejects.toThrow(/^--workspaces: pnpm-workspace\.yaml: not valid YAML/);
    await expect(packages({ "package.json": `{ "workspaces": "packages/*" }` }).found()).rejects.toThrow(/^--workspaces: package\.json: "workspaces" must be a list of globs$/);
    await expect(packages({ "package.json": `{ "workspaces": ["packages/*"] }` }).found()).rejects.toThrow(/^--workspaces: package\.json lists no package folder/);
    await expect(packages({ "package.json": `{ "workspaces": ["packages/*"] }` }).found()).rejects.toBeInstanceOf(OptionError);
  });
});

describe("effectiveConfig (print-config)", () => {
  let root: string;
  beforeAll(() => {
    root = copyToTemp(WORKSPACE);
    mkdirSync(join(root, ".git"));
  });

  it("gives a file's bound and the setting it comes from, its transforms, libraries and package", async () => {
    expect(await effectiveConfig("packages/c/src/hot/quotes.ts", { cwd: root })).toEqual({
      path: "packages/c/src/hot/quotes.ts",
      config: "packages/c/memocap.config.json",
      included: true,
      max: 2000,
      maxFrom: "overrides[0] in packages/c/memocap.config.json",
      include: null,
      exclude: null,
      overrides: [{ files: ["src/hot/**"], max: 2000 }],
      transforms: ["bound-memoize"],
      transformsFrom: "transforms in packages/c/memocap.config.json",
      libraries: { memoizee: { rewrite: false } },
      package: { dir: "packages/c", name: "@shop/rates", packageJson: "packages/c/package.json" },
    });
    expect(await effectiveConfig("packages/c/src/rates.ts", { cwd: root })).toMatchObject({ max: 50, maxFrom: "max in packages/c/memocap.config.json" });
  });

  it("the command line's options win, as in a run; no configuration: the defaults", async () => {
    const flagged = await effectiveConfig("packages/c/src/rates.ts", { cwd: root, max: 9, transforms: ["bound-module-cache", "bound-memoize"], exclude: ["**/rates.ts"] });
    expect(flagged).toMatchObject({ max: 9, maxFrom: "--max", transforms: ["bound-memoize", "bound-module-cache"], transformsFrom: "--transforms", included: false, exclude: ["**/rates.ts"] });
    const plain = await effectiveConfig("packages/a/src/prices.ts", { cwd: root });
    expect(plain).toMatchObject({ config: null, max: 500, maxFrom: "default", transforms: [...TRANSFORM_NAMES], transformsFrom: "default", libraries: {} });
    expect(plain.package).toEqual({ dir: "packages/a", name: "@shop/pricing", packageJson: "packages/a/package.json", tsconfig: "packages/a/tsconfig.json" });
  });

  it("rejects a path that does not exist and a bad transform list", async () => {
    await expect(effectiveConfig("packages/z", { cwd: root })).rejects.toThrow(/^print-config: packages\/z: no such file or folder$/);
    await expect(effectiveConfig("packages/a", { cwd: root, transforms: ["nope"] })).rejects.toBeInstanceOf(OptionError);
  });
});

describe("fixMarkdown: the pull request summary", () => {
  let markdown: string;
  beforeAll(async () => {
    markdown = fixMarkdown(await fix({ cwd: copyToTemp(WORKSPACE), workspaces: true, dry: true }));
  });

  it("has a heading per package, with the totals first", () => {
    expect(markdown).toMatch(/^## memocap: bounded caches \(dry run: nothing written\)\n\n3 packages: 5 sites would be rewritten in 5 files, 3 left as they are, lru-cache would be added to 3 packages\.\n/);
    expect([...markdown.matchAll(/^### (.+)$/gm)].map((match) => match[1])).toEqual(["`@shop/pricing` (packages/a)", "`@shop/catalog` (packages/b)", "`@shop/rates` (packages/c)"]);
  });

  it("lists the sites rewritten, the sites left with their reasons, and the dependency, under their package", () => {
    const rates = markdown.slice(markdown.indexOf("### `@shop/rates`"));
    expect(rates).toContain("| `packages/c/src/rates.ts:4:23` `rateOf` | lodash | MC101 | bound-memoize |");
    expect(rates).toMatch(/^\| `packages\/c\/src\/rates\.ts:6:25` `symbolOf` \| memoizee \| MC911 \| left: rewriting this library is turned off in the configuration: memoizee; [^|\n]+ \|$/m);
    expect(rates).toContain("Dependency: `lru-cache@^11.0.0` would be added to `packages/c/package.json`.");
    const pricing = markdown.slice(0, markdown.indexOf("### `@shop/catalog`"));
    expect(pricing).toMatch(/\| `packages\/a\/src\/months\.ts:4:26` `monthName` \| lodash \| MC901 \| left alone: memocap-ignore comment/);
  });

  it("keeps a reason with pipes or backticks, and a name with backticks, inside its table cell", async () => {
    const report = await fix({ cwd: copyToTemp(WORKSPACE), workspaces: true, dry: true });
    const left = report.sites.find((site) => site.change.status === "left")!;
    left.change = { status: "left", reason: "a | b and `code` |" };
    left.name = "weird`name";
    const row = fixMarkdown(report)
      .split("\n")
      .find((line) => line.includes("weird"))!;
    expect(row).toContain("``weird`name``");
    expect(row).toContain("a \\| b and `code` \\| |");
    expect(row.replace(/\\\|/g, "").split("|")).toHaveLength(6);
  });
});
