/**
 * The CLI over the workspace fixture (copied to a temp folder): the same JSON as the API for the
 * same input, several roots, --workspaces, --transforms, --report, print-config and transforms.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TRANSFORMS } from "../src/fix/transforms.ts";
import { effectiveConfig, fix, fixMarkdown, scan, type FixJson } from "../src/index.ts";
import { copyToTemp, memocap } from "./helpers/cli.ts";

const WORKSPACE = "test/fixtures/workspace";

describe("the CLI and the API give the same JSON for the same input", () => {
  it("scan --workspaces", async () => {
    const root = copyToTemp(WORKSPACE);
    const run = memocap(["scan", "--workspaces", "--format", "json"], root);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(await scan({ cwd: root, workspaces: true }));
  });

  it("scan with the memocap-baseline.json found from the folder it runs in: the API applies it as the CLI does", async () => {
    const root = copyToTemp(WORKSPACE);
    const baseline = memocap(["baseline", "--workspaces", "--reason", "accepted for the test"], root);
    expect(baseline.status, baseline.stderr).toBe(0);
    const run = memocap(["scan", "--workspaces", "--format", "json"], root);
    const viaCli = JSON.parse(run.stdout);
    expect(viaCli.baseline).toMatchObject({ file: "memocap-baseline.json" });
    expect(viaCli.baseline.baselined).toBeGreaterThan(0);
    expect(viaCli).toEqual(await scan({ cwd: root, workspaces: true }));
    expect(await scan({ cwd: root, workspaces: true, baseline: false })).not.toHaveProperty("baseline");
  });

  it("fix over three roots, writing, with a Markdown report: the same JSON, the report is fixMarkdown's", async () => {
    const viaCli = copyToTemp(WORKSPACE);
    const viaApi = copyToTemp(WORKSPACE);
    const roots = ["packages/a/", "packages/b/", "packages/c/"];
    const run = memocap(["fix", ...roots, "--format", "json", "--report", "memocap.md"], viaCli);
    expect(run.status).toBe(0);
    const cliReport = JSON.parse(run.stdout) as FixJson;
    const apiReport = await fix({ cwd: viaApi, paths: roots });
    expect(cliReport).toEqual(apiReport);
    expect(cliReport.packages.map((pkg) => [pkg.name, pkg.dependencyChanges.length])).toEqual([
      ["@shop/pricing", 1],
      ["@shop/catalog", 1],
      ["@shop/rates", 1],
    ]);
    // Both runs wrote the same files.
    for (const file of ["packages/a/src/prices.ts", "packages/b/src/stock.ts", "packages/c/src/rates.ts", "packages/c/package.json"]) {
      expect(readFileSync(join(viaCli, file), "utf8"), file).toBe(readFileSync(join(viaApi, file), "utf8"));
    }
    expect(readFileSync(join(viaCli, "memocap.md"), "utf8")).toBe(fixMarkdown(cliReport));
  });
});

describe("--transforms, --workspaces and --report on the command line", () => {
  it("--transforms picks the rewrites; a bad list is a usage error (exit 2) that names the problem", () => {
    const root = copyToTemp(WORKSPACE);
    const chosen = memocap(["fix", "--dry", "--format", "json", "--transforms", "bound-memoize", "packages/b"], root);
    expect(chosen.status).toBe(0);
    const report = JSON.parse(chosen.stdout) as FixJson;
    expect(report.sites.find((site) => site.name === "stockCache")).toMatchObject({ code: "MC910", change: { status: "left" } });
    expect(report.sites.find((site) => site.name === "productName")?.change.status).toBe("rewritten");

    for (const [list, message] of [
      ["bound-memoise", /^memocap: --transforms: unknown transform "bound-memoise" \(known: split-async, bound-memoize, bound-module-cache, migrate-to-lru-cache, share-instance-cache\)$/m],
      ["split-async", /^memocap: --transforms: split-async needs bound-memoize/m],
    ] as const) {
      const run = memocap(["scan", "--transforms", list], root);
      expect(run.status, list).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe("");
    }
  });

  it("--workspaces on a folder that is no workspace root, and a --report that cannot be written: exit 2, nothing written", () => {
    const root = copyToTemp(WORKSPACE);
    const noWorkspace = memocap(["fix", "--workspaces", "packages/a"], root);
    expect(noWorkspace.status).toBe(2);
    expect(noWorkspace.stderr).toBe(`memocap: --workspaces: packages/a is not a workspace root (no pnpm-workspace.yaml with "packages", no "workspaces" in package.json)\n`);

    const before = readFileSync(join(root, "packages/a/src/prices.ts"), "utf8");
    const badReport = memocap(["fix", "--workspaces", "--report", "missing/folder/report.md"], root);
    expect(badReport.status).toBe(2);
    expect(badReport.stderr).toMatch(/^memocap: --report: cannot write missing\/folder\/report\.md: no such file or directory$/m);
    expect(readFileSync(join(root, "packages/a/src/prices.ts"), "utf8")).toBe(before);
    expect(existsSync(join(root, "missing"))).toBe(false);
  });
});

describe("memocap transforms and print-config", () => {
  it("transforms lists every rewrite on one line, in the order they run", () => {
    const run = memocap(["transforms"]);
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines.map((line) => line.split(/\s+/)[0])).toEqual(TRANSFORMS.map((transform) => transform.name));
    for (const [index, line] of lines.entries()) expect(line).toMatch(new RegExp(`^${TRANSFORMS[index]!.name} +\\S`));
  });

  it("print-config prints effectiveConfig's JSON for a file; a path that does not exist is exit 2", async () => {
    const root = copyToTemp(WORKSPACE);
    const run = memocap(["print-config", "packages/c/src/rates.ts", "--transforms", "bound-memoize,bound-module-cache"], root);
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(printed).toEqual(await effectiveConfig("packages/c/src/rates.ts", { cwd: root, transforms: ["bound-memoize", "bound-module-cache"] }));
    expect(printed).toMatchObject({ config: "packages/c/memocap.config.json", max: 50, transforms: ["bound-memoize", "bound-module-cache"], transformsFrom: "--transforms" });

    const missing = memocap(["print-config", "packages/nope.ts"], root);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("memocap: print-config: packages/nope.ts: no such file or folder\n");
  });
});
