import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyToTemp, memocap } from "./helpers/cli.ts";

const EXAMPLE = "examples/pricing-service";

describe("memocap CLI", () => {
  it("--help lists the commands", () => {
    const run = memocap(["--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/memocap scan/);
    expect(run.stdout).toMatch(/memocap fix/);
  });

  it("an unknown option is a usage error (exit 2)", () => {
    const run = memocap(["scan", "--frobnicate"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/frobnicate/);
  });

  it("--max must be a positive whole number", () => {
    expect(memocap(["scan", EXAMPLE, "--max", "0"]).status).toBe(2);
  });

  it("scan lists every site of the example with its library, state and reason", () => {
    const run = memocap(["scan", EXAMPLE]);
    expect(run.status).toBe(0);
    const siteLines = run.stdout.split("\n").filter((line) => /^examples\/\S+:\d+:\d+ /.test(line));
    expect(siteLines).toHaveLength(12);
    expect(run.stdout).toMatch(/^examples\/pricing-service\/src\/pricing\.ts:\d+:\d+ {2}lodash {2}unbounded {2}MC101 unbounded lodash memoize: every distinct first argument is kept forever \(results can be undefined: kept by lruCacheKeepingUndefined\)$/m);
    expect(run.stdout).toMatch(/inventory\.ts:\d+:\d+ {2}memoizee {2}bounded \(max 100\)/);
    expect(run.stdout).not.toMatch(/config\.ts/);
    expect(run.stdout).toMatch(/8 files scanned, 12 sites found \(11 unbounded, 1 bounded\)/);
  });

  it("scan --format json prints the same sites as JSON", () => {
    const run = memocap(["scan", EXAMPLE, "--format", "json"]);
    const report = JSON.parse(run.stdout) as { schemaVersion: number; sites: Array<{ library: string; bounded: boolean; file: string }> };
    expect(report.schemaVersion).toBe(1);
    expect(report.sites).toHaveLength(12);
    expect(report.sites.filter((site) => site.library === "memoizee")).toHaveLength(4);
    expect(report.sites.every((site) => site.file.startsWith("examples/pricing-service/src/"))).toBe(true);
  });

  it("fix --dry prints a diff and writes nothing", () => {
    const dir = copyToTemp(EXAMPLE);
    const before = readFileSync(join(dir, "src/pricing.ts"), "utf8");
    const run = memocap(["fix", "--dry", "."], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\+\+\+ b\/src\/pricing\.ts$/m);
    // priceFor answers undefined for an unknown SKU: the type checker sees it, the cache keeps it.
    expect(run.stdout).toMatch(/^\+priceFor\.cache = lruCacheKeepingUndefined\(500\);$/m);
    expect(run.stdout).toMatch(/^\+ {4}"lru-cache": "\^11\.0\.0",$/m);
    expect(run.stderr).toMatch(/11 would be rewritten in 6 files, 0 skipped/);
    expect(readFileSync(join(dir, "src/pricing.ts"), "utf8")).toBe(before);
  });

  it("fix rewrites, adds lru-cache once, and a second run changes nothing", () => {
    const dir = copyToTemp(EXAMPLE);
    const first = memocap(["fix", ".", "--max", "250"], dir);
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/11 rewritten in 6 files/);
    expect(readFileSync(join(dir, "src/pricing.ts"), "utf8")).toMatch(/^priceFor\.cache = lruCacheKeepingUndefined\(250\);$/m);
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).dependencies["lru-cache"]).toBe("^11.0.0");

    const snapshot = ["src/pricing.ts", "src/discounts.ts", "src/legacy/tax-rates.cjs", "package.json"].map((file) => readFileSync(join(dir, file), "utf8"));
    const second = memocap(["fix", "."], dir);
    expect(second.status).toBe(0);
    expect(second.stderr).toMatch(/0 rewritten in 0 files/);
    expect(["src/pricing.ts", "src/discounts.ts", "src/legacy/tax-rates.cjs", "package.json"].map((file) => readFileSync(join(dir, file), "utf8"))).toEqual(snapshot);
  });

  it("a file that does not parse is reported on one line; the others are still fixed (exit 3)", () => {
    const dir = copyToTemp(EXAMPLE);
    writeFileSync(join(dir, "src/broken.ts"), `import memoize from "lodash/memoize";\nexport const f = memoize((k: string) => {;\n`);
    const run = memocap(["fix", "."], dir);
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^error: src\/broken\.ts: syntax error at \d+:\d+: .+$/m);
    expect(run.stderr).toMatch(/11 rewritten in 6 files/);
  });
});
