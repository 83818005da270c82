import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixJson, fixSites, scanJson, scanSites } from "../src/index.ts";
import type { FixJson, ScanJson } from "../src/report/json.ts";
import { ROOT } from "./helpers/cli.ts";
import { MIXED_PROJECT, writeProject } from "./helpers/report-project.ts";
import { validateOutput as validate } from "./helpers/schemas.ts";

function expectValid(report: unknown): void {
  const valid = validate(report);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(valid).toBe(true);
}

describe("JSON output", () => {
  let dir: string;
  let scanned: ScanJson;
  let dry: FixJson;

  beforeAll(async () => {
    dir = writeProject(MIXED_PROJECT);
    scanned = scanJson(await scanSites({ paths: ["."], cwd: dir }), dir);
    dry = fixJson(await fixSites({ paths: ["."], cwd: dir, dry: true }), dir, true);
  });

  it("scan output validates against schema/memocap-output.schema.json", () => {
    expectValid(scanned);
  });

  it("fix --dry output validates against the same schema", () => {
    expectValid(dry);
  });

  it("the schema rejects what it does not describe (so a passing validation means something)", () => {
    expect(validate({ ...scanned, extra: true })).toBe(false);
    expect(validate({ ...scanned, sites: [{ ...scanned.sites[0], line: 0 }] })).toBe(false);
    expect(validate({ ...scanned, sites: [{ ...scanned.sites[0], verdict: "maybe" }] })).toBe(false);
    expect(validate({ ...dry, sites: [{ ...dry.sites[0], change: { status: "rewritten" } }] })).toBe(false);
    const { changes: _changes, ...fixWithoutChanges } = dry;
    expect(validate(fixWithoutChanges)).toBe(false);
  });

  it("carries the schema version, the tool and a summary per reason code", () => {
    expect(scanned.schemaVersion).toBe(1);
    expect(scanned.tool.name).toBe("memocap");
    expect(scanned.tool.version).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
    expect(scanned.summary).toMatchObject({ filesScanned: 5, sites: 4, unbounded: 3, bounded: 1, problems: 1 });
    expect(scanned.summary.byCode).toEqual({ MC101: 1, MC110: 1, MC901: 1, MC902: 1 });
  });

  it("gives each site its location, library, code, message, level and verdict", () => {
    const prices = scanned.sites.find((site) => site.file === "src/prices.ts");
    expect(prices).toMatchObject({
      line: 3,
      column: 25,
      library: "lodash",
      module: "lodash/memoize",
      name: "priceFor",
      bounded: false,
      code: "MC101",
      level: "error",
      verdict: "rewrite",
      transform: "bound-memoize",
    });
    expect(prices?.message).toMatch(/^unbounded lodash memoize/);
    expect(prices?.findings).toEqual([expect.objectContaining({ code: "MC402", level: "warning" })]);
    expect(scanned.sites.find((site) => site.file === "src/months.ts")).toMatchObject({ code: "MC901", level: "note", verdict: "skip" });
    expect(scanned.sites.find((site) => site.file === "src/stock.ts")).toMatchObject({ code: "MC110", level: "none", verdict: "none", max: 100 });
  });

  it("reports the file that does not parse as a problem, with a relative path, and warnings apart", async () => {
    expect(scanned.problems).toEqual([{ file: "src/broken.ts", package: ".", reason: expect.stringMatching(/^syntax error at \d+:\d+/) }]);
    expect(scanned.warnings).toEqual([]);
    const result = await scanSites({ paths: ["."], cwd: dir });
    const warned = scanJson({ ...result, warnings: [{ file: join(dir, "tsconfig.json"), reason: "does not parse" }] }, dir);
    expectValid(warned);
    expect(warned.warnings).toEqual([{ file: "tsconfig.json", reason: "does not parse" }]);
  });

  it("says for every site what fix did with it", () => {
    const change = (file: string) => dry.sites.find((site) => site.file === file)?.change;
    expect(change("src/prices.ts")).toMatchObject({ status: "rewritten", transform: "bound-memoize", plan: [expect.objectContaining({ kind: "assign-cache-after-statement" })] });
    expect(change("src/stock.ts")).toEqual({ status: "none" });
    expect(change("src/months.ts")).toEqual({ status: "left", reason: expect.stringMatching(/memocap-ignore/) });
    expect(change("src/rates.ts")).toEqual({ status: "left", reason: expect.stringMatching(/not an object literal/) });
    expect(dry.summary).toMatchObject({ rewritten: 1, filesChanged: 1, left: 2, failed: 0 });
  });

  it("lists each changed file with its rewritten sites and its diff, and the dependency added", () => {
    expect(dry).toMatchObject({ dry: true, interrupted: false });
    expect(dry.changes).toHaveLength(1);
    expect(dry.changes[0]).toMatchObject({ file: "src/prices.ts", sites: [{ line: 3, column: 25, code: "MC101", transform: "bound-memoize" }] });
    expect(dry.changes[0]?.diff).toMatch(/^\+\+\+ b\/src\/prices\.ts$/m);
    expect(dry.changes[0]?.diff).toMatch(/^\+priceFor\.cache = new LRUCache\(\{ max: 500 \}\);$/m);
    expect(dry.dependencyChanges).toEqual([{ packageJson: "package.json", dependency: "lru-cache", range: "^11.0.0", package: "." }]);
    expect(dry.packages).toEqual([
      {
        dir: ".",
        name: "mixed",
        packageJson: "package.json",
        summary: { sites: 4, unbounded: 3, bounded: 1, byCode: { MC101: 1, MC110: 1, MC901: 1, MC902: 1 }, problems: 1, rewritten: 1, filesChanged: 1, left: 2, failed: 0 },
        dependencyChanges: [{ packageJson: "package.json", dependency: "lru-cache", range: "^11.0.0" }],
      },
    ]);
  });

  it("marks a site held back by the package (MC903) as left, not rewritten", async () => {
    const held = writeProject({
      "package.json": `{ "name": "held", "dependencies": { "lru-cache": "^6.0.0" } }\n`,
      "src/a.ts": `import memoize from "lodash/memoize";\nexport const f = memoize((k: string) => k);\n`,
    });
    const report = fixJson(await fixSites({ paths: ["."], cwd: held, dry: true }), held, true);
    expectValid(report);
    expect(report.sites[0]).toMatchObject({ code: "MC903", level: "error", change: { status: "left" } });
    expect(report.changes).toEqual([]);
  });

  it("marks a site to rewrite in a file whose write failed as failed, with the file's reason", async () => {
    const result = await fixSites({ paths: ["."], cwd: dir, dry: true });
    const prices = join(dir, "src/prices.ts");
    const report = fixJson({ ...result, changes: [], problems: [{ file: prices, reason: "changed since it was read" }] }, dir, false);
    expectValid(report);
    expect(report.sites.find((site) => site.file === "src/prices.ts")?.change).toEqual({ status: "failed", reason: "changed since it was read" });
    expect(report.summary).toMatchObject({ rewritten: 0, failed: 1 });
  });

  it("async and class-member sites carry their extra facts, and still validate", async () => {
    const members = writeProject({
      "src/rates.ts": `import memoize from "lodash/memoize";\nexport const rateOf = memoize(async (currency: string) => (await fetch(currency)).status);\n`,
      "src/report.ts": `import { Memoize } from "typescript-memoize";\nexport class Report {\n  @Memoize()\n  total(year: number) {\n    return year * 2;\n  }\n}\n`,
    });
    const report = scanJson(await scanSites({ paths: ["."], cwd: members }), members);
    expectValid(report);
    expect(report.sites.find((site) => site.file === "src/rates.ts")?.asyncVerdict).toEqual({ verdict: expect.any(String), reason: expect.any(String) });
    expect(report.sites.find((site) => site.file === "src/report.ts")?.usesThis).toBe(false);
  });
});
