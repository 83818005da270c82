/**
 * `--since <ref>` and `--staged`: the files git says changed (and, for `scan --check`, the sites on
 * changed lines), with temp git repositories. The CLI is run where its lines and exit codes are the
 * point; the rest runs the same scope in this process.
 */
import { mkdtempSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fix } from "../src/fix/fix.ts";
import { changedLinesOfPatch, unquoteC } from "../src/git/diff-hunks.ts";
import { scanJson } from "../src/report/json.ts";
import { scanSarif } from "../src/report/sarif.ts";
import { prepareRunScope } from "../src/run-scope.ts";
import { memocap } from "./helpers/cli.ts";
import { git, gitRepo, writeFiles } from "./helpers/git-repo.ts";
import { validateOutput, validateSarif } from "./helpers/schemas.ts";
import { scopedScan } from "./helpers/scoped-run.ts";

const LODASH = `import memoize from "lodash/memoize";\n`;
const site = (name: string) => `export const ${name} = memoize((key: string) => key.length);\n`;
const PACKAGE_JSON = `{ "name": "app", "version": "1.0.0", "dependencies": { "lodash": "^4.17.21" } }\n`;

/** A repository with two files of sites, committed on main, and a branch `feature` checked out. */
function repo(): string {
  const dir = gitRepo({
    "package.json": PACKAGE_JSON,
    ".gitignore": "generated/\n",
    "src/prices.ts": `${LODASH}\n${site("priceFor")}\n${site("taxFor")}`,
    "src/names.ts": `${LODASH}\n${site("nameFor")}`,
  });
  git(dir, "checkout", "-qb", "feature");
  return dir;
}

const sitesOf = (stdout: string) => stdout.split("\n").filter((line) => /^\S+:\d+:\d+ /.test(line));
const where = (sites: Array<{ file: string; line: number; column: number }>, dir: string) => sites.map((entry) => `${entry.file.slice(dir.length + 1)}:${entry.line}:${entry.column}`);

describe("git diff -U0 hunks", () => {
  it("gives the new side's changed lines per file; a deletion touches the lines around it", () => {
    const patch = [
      "diff --git a/src/a.ts b/src/a.ts",
      "index 1..2 100644",
      "--- a/src/a.ts",
      "+++ b/src/a.ts",
      "@@ -3 +3 @@",
      "-old",
      "+++ new line that starts with two plus signs",
      "@@ -10,2 +9,0 @@",
      "-gone",
      "-gone too",
      "@@ -20,0 +19,3 @@",
      "+a",
      "+b",
      "+c",
      "diff --git a/my file.ts b/my file.ts",
      "--- a/my file.ts\t",
      "+++ b/my file.ts\t",
      "@@ -1 +1,2 @@",
      "diff --git a/\"x\\303\\251\\\"y.ts\" b/\"x\\303\\251\\\"y.ts\"",
      '--- "a/x\\303\\251\\"y.ts"',
      '+++ "b/x\\303\\251\\"y.ts"',
      "@@ -0,0 +1 @@",
      "diff --git a/gone.ts b/gone.ts",
      "--- a/gone.ts",
      "+++ /dev/null",
      "@@ -1 +0,0 @@",
    ].join("\n");
    expect(Object.fromEntries(changedLinesOfPatch(patch))).toEqual({
      "src/a.ts": [
        { first: 3, last: 3 },
        { first: 9, last: 10 },
        { first: 19, last: 21 },
      ],
      "my file.ts": [{ first: 1, last: 2 }],
      'xé"y.ts': [{ first: 1, last: 1 }],
    });
    expect(unquoteC('"tab\\there\\\\"')).toBe("tab\there\\");
  });
});

describe("scan --since", () => {
  it("looks only at the files changed since the ref's merge base, untracked ones included, ignored ones not", async () => {
    const dir = repo();
    writeFiles(dir, { "src/names.ts": `${LODASH}\n${site("nameFor")}${site("titleFor")}` });
    git(dir, "commit", "-qam", "titles");
    // main moves on after the branch point: its changes are not the branch's.
    git(dir, "checkout", "-q", "main");
    writeFiles(dir, { "src/prices.ts": `${LODASH}\n${site("priceFor")}\n${site("taxFor")}${site("dutyFor")}` });
    git(dir, "commit", "-qam", "duties");
    git(dir, "checkout", "-q", "feature");
    writeFiles(dir, { "src/new.ts": `${LODASH}\n${site("newFor")}`, "generated/gen.ts": `${LODASH}\n${site("genFor")}` });

    const { result, scope } = await scopedScan(dir, { changes: { since: "main" } });
    expect(where(result.sites, dir)).toEqual(["src/names.ts:3:24", "src/names.ts:4:25", "src/new.ts:3:23"]);
    expect(result.filesScanned).toBe(2);
    expect(scope.changes?.description).toMatch(/^since main \(merge base [0-9a-f]{7}\)$/);
  });

  it("--check fails only on sites that a changed line touches; the others are listed, marked, not counted", async () => {
    const dir = repo();
    // taxFor's call gets a second line; priceFor, above it, is untouched.
    writeFiles(dir, { "src/prices.ts": `${LODASH}\n${site("priceFor")}\nexport const taxFor = memoize((key: string) =>\n  key.length);\n` });
    const run = memocap(["scan", "--check", "--since", "HEAD"], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^memocap: check failed: 1 unbounded cache /m);
    expect(run.stderr).toMatch(/^memocap: check: 1 changed file \(since HEAD\) checked, 1 unbounded outside the changed lines not counted$/m);
    const lines = sitesOf(run.stdout);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^src\/prices\.ts:3:25 .*\[outside the change\]/);
    expect(lines[1]).toMatch(/^src\/prices\.ts:5:23 /);
    expect(lines[1]).not.toContain("[outside the change]");

    // A line break taken out of a call touches it: the deletion is between its lines.
    writeFiles(dir, { "src/names.ts": `${LODASH}\nexport const nameFor = memoize((key: string) =>\n  key.length);\n` });
    git(dir, "commit", "-qam", "two lines");
    writeFiles(dir, { "src/names.ts": `${LODASH}\nexport const nameFor = memoize((key: string) => key.length);\n` });
    expect((await scopedScan(dir, { changes: { since: "HEAD" } })).failures.map((failure) => failure.name)).toEqual(["nameFor"]);
    // A change below a site does not touch it.
    writeFiles(dir, { "src/names.ts": `${LODASH}\nexport const nameFor = memoize((key: string) =>\n  key.length);\nexport const other = 1;\n` });
    expect((await scopedScan(dir, { changes: { since: "HEAD" } })).failures).toEqual([]);
  });

  it("marks the sites in JSON (inChange) and SARIF (baselineState), and both validate", async () => {
    const dir = repo();
    writeFiles(dir, { "src/prices.ts": `${LODASH}\n${site("priceFor")}\n${site("taxFor")}${site("dutyFor")}` });
    const { result } = await scopedScan(dir, { changes: { since: "HEAD" } });
    const json = scanJson(result, dir);
    expect(validateOutput(json), JSON.stringify(validateOutput.errors)).toBe(true);
    expect(json.sites.map((entry) => [entry.name, entry.inChange])).toEqual([
      ["priceFor", false],
      ["taxFor", false],
      ["dutyFor", true],
    ]);
    const sarif = scanSarif(result, dir);
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(sarif.runs[0]!.results.map((entry) => entry.baselineState)).toEqual(["unchanged", "unchanged", "new"]);
  });

  it("a deleted file is no error, and a path outside the change finds nothing", async () => {
    const dir = repo();
    unlinkSync(join(dir, "src/names.ts"));
    const deleted = await scopedScan(dir, { changes: { since: "HEAD" } });
    expect([deleted.result.filesScanned, deleted.result.problems]).toEqual([0, []]);
    writeFiles(dir, { "src/prices.ts": `${LODASH}\n${site("onlyThis")}` });
    expect((await scopedScan(dir, { changes: { since: "HEAD" }, paths: ["src/names.ts", "package.json"] })).result.sites).toEqual([]);
    expect((await scopedScan(dir, { changes: { since: "HEAD" }, paths: ["src"] })).result.sites.map((entry) => entry.name)).toEqual(["onlyThis"]);
  });

  it("stops with exit 2 and one line outside a git work tree, for an unknown ref, and with --staged too", async () => {
    const outside = mkdtempSync(join(tmpdir(), "memocap-nogit-"));
    try {
      const run = memocap(["scan", "--since", "main"], outside);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(`memocap: --since needs a git work tree: ${outside} is not in one\n`);
      await expect(prepareRunScope({ cwd: outside, changes: { staged: true } })).rejects.toThrow(`--staged needs a git work tree: ${outside} is not in one`);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    const dir = repo();
    const bad = memocap(["scan", "--since", "no-such-branch"], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^memocap: --since: unknown git ref "no-such-branch" \(in .*\)\n$/);
    await expect(prepareRunScope({ cwd: dir, changes: { since: "-p" } })).rejects.toThrow('--since: "-p" is not a git ref');
    const both = memocap(["fix", "--since", "main", "--staged"], dir);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/since and staged are mutually exclusive/);
  });
});

describe("--staged", () => {
  it("looks only at files with staged changes, with their lines as in the working tree", async () => {
    const dir = repo();
    writeFiles(dir, { "src/names.ts": `${LODASH}\n${site("nameFor")}${site("titleFor")}`, "src/prices.ts": `${LODASH}\n${site("priceFor")}\n${site("taxFor")}${site("dutyFor")}` });
    git(dir, "add", "src/names.ts");
    const staged = await scopedScan(dir, { changes: { staged: true } });
    expect(where(staged.result.sites, dir)).toEqual(["src/names.ts:3:24", "src/names.ts:4:25"]);
    expect(staged.failures.map((failure) => failure.name)).toEqual(["titleFor"]);
    git(dir, "commit", "-qm", "names");
    expect((await scopedScan(dir, { changes: { staged: true } })).result.filesScanned).toBe(0);
  });

  it("works before the first commit: every staged line is new", async () => {
    const dir = mkdtempSync(join(tmpdir(), "memocap-fresh-"));
    try {
      git(dir, "init", "-q");
      writeFiles(dir, { "package.json": PACKAGE_JSON, "src/a.ts": `${LODASH}\n${site("aFor")}`, "src/b.ts": `${LODASH}\n${site("bFor")}` });
      git(dir, "add", "src/a.ts");
      const run = memocap(["scan", "--check", "--staged"], dir);
      expect(run.status).toBe(1);
      expect(sitesOf(run.stdout).map((line) => line.split(" ")[0])).toEqual(["src/a.ts:3:21"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("fix --since", () => {
  it("rewrites only the changed files", async () => {
    const dir = repo();
    writeFiles(dir, { "src/names.ts": `${LODASH}\n${site("nameFor")}${site("titleFor")}` });
    git(dir, "commit", "-qam", "titles");
    const scope = await prepareRunScope({ cwd: dir, changes: { since: "main" } });
    const result = await fix({ cwd: dir, typeFacts: false, verify: false, ...scope.runOptions });
    expect(result.changes.map((change) => change.file)).toEqual([join(dir, "src/names.ts")]);
    expect(git(dir, "status", "--porcelain")).toBe(" M package.json\n M src/names.ts\n");
  });
});
