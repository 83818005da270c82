import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, memocap } from "./helpers/cli.ts";
import { MIXED_PROJECT, PARSEABLE_PROJECT, writeProject } from "./helpers/report-project.ts";
import { validateOutput, validateSarif } from "./helpers/schemas.ts";

const ESC = "\x1b[";

describe("exit codes", () => {
  it("1: scan --check finds an unbounded cache; it says how many on stderr", () => {
    const run = memocap(["scan", ".", "--check"], writeProject(PARSEABLE_PROJECT));
    expect(run.status).toBe(1);
    // MC101 counts; MC110 is bounded, MC901 was left on purpose, MC902 is a doubt (warning), not a finding.
    expect(run.stderr).toBe("memocap: check failed: 1 unbounded cache (memocap explain <code> says why)\n");
  });

  it("0: scan --check when every cache is bounded or left on purpose", () => {
    const dir = writeProject({
      "stock.ts": MIXED_PROJECT["src/stock.ts"]!,
      "months.ts": MIXED_PROJECT["src/months.ts"]!,
    });
    const run = memocap(["scan", ".", "--check"], dir);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
  });

  it("3: a file that does not parse among good ones; the others are still reported, even with --check", () => {
    const run = memocap(["scan", ".", "--check", "--format", "json"], writeProject(MIXED_PROJECT));
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^error: src\/broken\.ts: syntax error at \d+:\d+: .+$/m);
    const report = JSON.parse(run.stdout) as { sites: Array<{ file: string }>; problems: Array<{ file: string }> };
    expect(report.sites.map((site) => site.file).sort()).toEqual(["src/months.ts", "src/prices.ts", "src/rates.ts", "src/stock.ts"]);
    expect(report.problems.map((problem) => problem.file)).toEqual(["src/broken.ts"]);
  });

  it("2: usage errors: --output without a machine format, an --output that cannot be written (checked before the run)", () => {
    const dir = writeProject(PARSEABLE_PROJECT);
    const textOutput = memocap(["scan", ".", "--output", "report.txt"], dir);
    expect(textOutput.status).toBe(2);
    expect(textOutput.stderr).toMatch(/^memocap: --output needs --format json or --format sarif$/m);
    const badOutput = memocap(["scan", ".", "--format", "json", "--output", "missing/folder/report.json"], dir);
    expect(badOutput.status).toBe(2);
    expect(badOutput.stderr).toMatch(/^memocap: --output: cannot write missing\/folder\/report\.json: no such file or directory$/m);
    expect(badOutput.stdout).toBe("");
  });
});

describe("--output", () => {
  it("writes the SARIF report to the file while the terminal keeps the text report; without --check, exit 0 whatever it finds", () => {
    const dir = writeProject(PARSEABLE_PROJECT);
    const run = memocap(["scan", "src", "--format", "sarif", "--output", "memocap.sarif"], dir);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const log = JSON.parse(readFileSync(join(dir, "memocap.sarif"), "utf8")) as { version: string; runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(validateSarif(log)).toBe(true);
    expect(log.runs[0]!.results.map((result) => result.ruleId).sort()).toEqual(["MC101", "MC402", "MC901", "MC902"]);
    expect(run.stdout).toMatch(/^src\/prices\.ts:3:25 {2}lodash {2}unbounded/m);
    expect(run.stdout).toMatch(/4 sites found \(3 unbounded, 1 bounded\)/);
  });

  it("writes the fix JSON to the file; the diff stays on stdout, and stderr groups what is left by reason before the summary", () => {
    const dir = writeProject(PARSEABLE_PROJECT);
    const run = memocap(["fix", ".", "--dry", "--format", "json", "--output", "fix.json"], dir);
    expect(run.status).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, "fix.json"), "utf8")) as { command: string; summary: { rewritten: number } };
    expect(validateOutput(report)).toBe(true);
    expect(report).toMatchObject({ command: "fix", summary: { rewritten: 1 } });
    expect(run.stdout).toMatch(/^\+priceFor\.cache = new LRUCache\(\{ max: 500 \}\);$/m);
    const section = run.stderr.slice(run.stderr.indexOf("Skipped, by reason:"));
    expect(section.split("\n").slice(0, 5)).toEqual([
      "Skipped, by reason:",
      "  MC901 ×1  left alone: memocap-ignore comment",
      expect.stringMatching(/^ {6}src\/months\.ts:4:26 {2}monthName: unbounded lodash memoize/),
      "  MC902 ×1  options are not an object literal: cannot tell whether the cache is bounded",
      "      src/rates.ts:4:23  rateOf",
    ]);
    expect(run.stderr).toMatch(/1 would be rewritten in 1 file, 2 skipped \(MC901 ×1, MC902 ×1\),/);
  });
});

describe("fix --dry output for a reviewer", () => {
  it("--quiet leaves stderr to errors; the diffs are still printed", () => {
    const dir = writeProject(PARSEABLE_PROJECT);
    const quiet = memocap(["fix", ".", "--dry", "--quiet"], dir);
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toBe("");
    expect(quiet.stdout).toMatch(/^\+\+\+ b\/src\/prices\.ts$/m);
    expect(quiet.stdout).toMatch(/^\+\+\+ b\/package\.json$/m);
  });

  it("colours the diff on a terminal; not with NO_COLOR, and not when piped", () => {
    const dir = writeProject(PARSEABLE_PROJECT);
    const args = ["fix", ".", "--dry", "--diff-context", "0"];
    const terminal = onTerminal(args, dir);
    expect(terminal).toContain(`${ESC}32m+priceFor.cache = new LRUCache({ max: 500 });${ESC}39m`);
    expect(terminal).toContain(`${ESC}1m--- a/src/prices.ts${ESC}22m`);
    expect(onTerminal(args, dir, { NO_COLOR: "1" })).not.toContain(ESC);
    const piped = memocap(args, dir, { NO_COLOR: undefined, FORCE_COLOR: undefined });
    expect(piped.stdout).not.toContain(ESC);
    expect(piped.stdout).toMatch(/^@@ -3,0 \+5,1 @@\n\+priceFor\.cache = new LRUCache\(\{ max: 500 \}\);$/m);
  });
});

describe("progress bar", () => {
  // Over PROGRESS_MIN_FILES files, so that only the terminal and --quiet decide.
  let manyFiles: string;
  beforeAll(() => {
    manyFiles = writeProject({
      ...Object.fromEntries(Array.from({ length: 320 }, (_, i) => [`src/f${i}.ts`, `export const v${i} = ${i};\n`])),
      "src/m.ts": `import memoize from "lodash/memoize";\nexport const f = memoize((k: string) => k);\n`,
    });
  });

  it("shows on a terminal for a run of a few hundred files, and is cleared at the end", () => {
    const output = onTerminal(["scan", "."], manyFiles, { NO_COLOR: "1" });
    expect(output).toMatch(/\r\x1b\[Kmemocap [█░]{20} \d+\/321 files · \d sites? · \d+\.\ds/);
    // Cleared before the report, so the report starts on a clean line.
    expect(output).toMatch(/\r\x1b\[Ksrc\/m\.ts:2:18 {2}lodash/);
  });

  it("never shows with --quiet or when stderr is not a terminal", () => {
    expect(onTerminal(["scan", ".", "--quiet"], manyFiles, { NO_COLOR: "1" })).not.toContain("\x1b[K");
    const piped = memocap(["scan", "."], manyFiles);
    expect(piped.stderr).toBe("");
    expect(piped.stdout).toMatch(/321 files scanned/);
  });
});

/**
 * Runs the CLI on a real pseudo-terminal (util-linux `script`): stdout and stderr are both that
 * terminal, and come back together.
 */
function onTerminal(args: string[], cwd: string, env: Record<string, string> = {}): string {
  const command = [process.execPath, BIN, ...args].map((word) => `'${word}'`).join(" ");
  const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...inherited } = process.env;
  const run = spawnSync("script", ["-qec", command, "/dev/null"], { cwd, encoding: "utf8", input: "", env: { ...inherited, TERM: "xterm", ...env } });
  expect(run.status).toBe(0);
  return run.stdout;
}
