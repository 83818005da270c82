/**
 * What type-checking the rewritten files costs `fix --dry`: runs it with and without `--no-verify`
 * over each tree, alternately, and prints the median wall time and CPU time (user + system, from
 * /usr/bin/time) of each. Usage: tsx bench/verify-cost.ts [--runs N] [TREE..]; default trees:
 * examples/pricing-service and the perf tree (/tmp/memocap-perf-tree, else .corpus-cache/perf-tree).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const args = process.argv.slice(2);
const runsIndex = args.indexOf("--runs");
const runs = runsIndex >= 0 ? Number(args[runsIndex + 1]) : 5;
const named = args.filter((arg, index) => !arg.startsWith("--") && index !== runsIndex + 1);
const perfTree = ["/tmp/memocap-perf-tree", join(ROOT, ".corpus-cache", "perf-tree")].find((dir) => existsSync(dir));
const trees = named.length > 0 ? named : [join(ROOT, "examples", "pricing-service"), ...(perfTree ? [perfTree] : [])];

interface Sample {
  wall: number;
  cpu: number;
}

function run(tree: string, verify: boolean): Sample & { changed: number; rolledBack: number } {
  const scratch = mkdtempSync(join(tmpdir(), "memocap-verify-cost-"));
  const timing = join(scratch, "time");
  const report = join(scratch, "report.json");
  try {
    const started = performance.now();
    const child = spawnSync(
      "/usr/bin/time",
      ["-f", "%U %S", "-o", timing, process.execPath, join(ROOT, "bin", "memocap.js"), "fix", "--dry", "--quiet", "--format", "json", "--output", report, ...(verify ? [] : ["--no-verify"]), "."],
      { cwd: tree, encoding: "utf8", maxBuffer: 1 << 30 },
    );
    const wall = (performance.now() - started) / 1000;
    if (child.status !== 0 && child.status !== 3) throw new Error(`memocap fix failed in ${tree} (exit ${child.status}): ${child.stderr.slice(-500)}`);
    const [user, system] = readFileSync(timing, "utf8").trim().split("\n").at(-1)!.split(" ").map(Number);
    const json = JSON.parse(readFileSync(report, "utf8")) as { summary: { filesChanged: number }; problems: Array<{ diagnostics?: unknown[] }> };
    return { wall, cpu: user! + system!, changed: json.summary.filesChanged, rolledBack: json.problems.filter((problem) => problem.diagnostics).length };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

for (const tree of trees) {
  const withVerify: Sample[] = [];
  const without: Sample[] = [];
  let changed = 0;
  let rolledBack = 0;
  for (let i = 0; i < runs; i++) {
    const verified = run(tree, true);
    withVerify.push(verified);
    without.push(run(tree, false));
    ({ changed, rolledBack } = verified);
  }
  const row = (label: string, samples: Sample[]) => `  ${label.padEnd(12)} wall ${median(samples.map((s) => s.wall)).toFixed(2)} s   cpu ${median(samples.map((s) => s.cpu)).toFixed(2)} s`;
  console.log(`${tree}: ${changed} files changed, ${rolledBack} rolled back (median of ${runs} runs each)`);
  console.log(row("--no-verify", without));
  console.log(row("verify", withVerify));
  const added = median(withVerify.map((s) => s.wall)) - median(without.map((s) => s.wall));
  const addedCpu = median(withVerify.map((s) => s.cpu)) - median(without.map((s) => s.cpu));
  console.log(`  verification adds ${added.toFixed(2)} s wall, ${addedCpu.toFixed(2)} s cpu (${(changed > 0 ? (addedCpu / changed) * 1000 : 0).toFixed(0)} ms cpu per changed file)\n`);
}
