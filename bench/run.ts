/**
 * `npm run bench`: memocap against the floor and a jscodeshift no-op on the pinned perf tree
 * (../shared/corpus/perf-tree.txt), definitions in DESIGN §7. Prints figures; asserts nothing.
 * Options: --runs N (default 3), --tree DIR, --skip-jscodeshift.
 */
import { spawnSync } from "node:child_process";
import { existsSync, linkSync, mkdirSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { glob } from "tinyglobby";

const ROOT = join(import.meta.dirname, "..");
const CORPUS = join(ROOT, "..", "shared", "corpus");
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? undefined : args[at + 1];
};
const RUNS = Number(option("runs") ?? 3);
// Outside the repository: its .gitignore would hide a tree kept inside it from memocap.
const TREE = option("tree") ?? join(tmpdir(), "memocap-perf-tree");
const SCRATCH = join(tmpdir(), "memocap-bench");

interface Sample {
  seconds: number;
  maxRssMb: number;
}

/** Wall time and peak RSS of a command, from GNU time (the largest of the process and its children). */
function measure(command: string[], input?: string): Sample {
  const run = spawnSync("/usr/bin/time", ["-f", "MEMOCAP_BENCH %e %M", ...command], { cwd: ROOT, input, encoding: "utf8", maxBuffer: 1 << 30 });
  const line = run.stderr.split("\n").find((text) => text.startsWith("MEMOCAP_BENCH "));
  if (!line) throw new Error(`${command.join(" ")} failed:\n${run.stderr.slice(-2000)}`);
  const [, seconds, kb] = line.split(" ");
  return { seconds: Number(seconds), maxRssMb: Number(kb) / 1024 };
}

function median(samples: Sample[]): Sample {
  const sorted = [...samples].sort((a, b) => a.seconds - b.seconds);
  const middle = sorted[Math.floor(sorted.length / 2)]!;
  return { seconds: middle.seconds, maxRssMb: Math.max(...samples.map((sample) => sample.maxRssMb)) };
}

function repeat(command: string[], runs = RUNS, input?: string): Sample {
  return median(Array.from({ length: runs }, () => measure(command, input)));
}

async function sourceFiles(tree: string): Promise<string[]> {
  return glob(["**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}"], { cwd: tree, absolute: true, ignore: ["**/node_modules/**", "**/*.d.ts", "**/*.d.mts", "**/*.d.cts"] });
}

/** A tree of hard links to every n-th source file, for the scaling runs. */
function subset(files: string[], tree: string, fraction: number): string {
  const dir = join(SCRATCH, `subset-${Math.round(fraction * 100)}`);
  rmSync(dir, { recursive: true, force: true });
  const step = 1 / fraction;
  files.forEach((file, index) => {
    if (index % step !== 0) return;
    const target = join(dir, relative(tree, file));
    mkdirSync(dirname(target), { recursive: true });
    linkSync(file, target);
  });
  return dir;
}

const memocap = (...rest: string[]) => [process.execPath, join(ROOT, "bin", "memocap.js"), ...rest];

if (!existsSync(TREE)) {
  console.log(`fetching the perf tree into ${TREE} …`);
  const fetched = spawnSync("bash", [join(CORPUS, "fetch.sh"), join(CORPUS, "perf-tree.txt"), TREE], { stdio: "inherit" });
  if (fetched.status !== 0) process.exit(fetched.status ?? 1);
}
const files = await sourceFiles(TREE);
const loadAverage = () => loadavg().map((load) => load.toFixed(1)).join(" ");
console.log(`perf tree: ${TREE}\n${files.length} source files, ${RUNS} runs each (median wall time, peak RSS)`);
console.log(`${availableParallelism()} cores; load average ${loadAverage()} (other work on the machine slows every figure)\n`);

// The files memocap looks at (its discovery leaves out build output and ignored files).
const { discoverFiles } = (await import(join(ROOT, "dist", "src", "files", "discover.js"))) as typeof import("../src/files/discover.ts");
const memocapFiles = (await discoverFiles([TREE], { cwd: ROOT })).files;
console.log(`memocap's discovery keeps ${memocapFiles.length} of them (it leaves build output out)`);
console.log(`jscodeshift runs over the ${files.length} source files (DESIGN §7, the floor's files), and again over the ${memocapFiles.length} memocap keeps\n`);

const results: Record<string, Sample & { files: number }> = {};
results.floor = { ...repeat([process.execPath, join(ROOT, "bench", "floor.mjs"), TREE]), files: files.length };
results["memocap scan"] = { ...repeat(memocap("scan", TREE, "--format", "json")), files: memocapFiles.length };
results["memocap fix --dry"] = { ...repeat(memocap("fix", "--dry", TREE)), files: memocapFiles.length };
// The share of fix --dry that type-checks each rewrite before and after.
results["fix --dry --no-verify"] = { ...repeat(memocap("fix", "--dry", "--no-verify", TREE)), files: memocapFiles.length };
// The same scan through the API with a worker thread beside the main thread (the CLI's default
// only from 4 cores up): what worker threads bring on this machine.
results["scan, 2 threads"] = { ...repeat([process.execPath, join(ROOT, "bench", "scan-threads.mjs"), TREE, "2"]), files: memocapFiles.length };
if (!args.includes("--skip-jscodeshift")) {
  const jscodeshiftNoop = (list: string[]) => ({ files: list.length, ...repeat(
    [join(ROOT, "node_modules", ".bin", "jscodeshift"), "-t", join(ROOT, "bench", "noop-transform.cjs"), "--parser=tsx", "--silent", "--stdin"],
    Math.min(RUNS, 3),
    list.join("\n"),
  ) });
  results["jscodeshift no-op"] = jscodeshiftNoop(files);
  results["  on memocap's files"] = jscodeshiftNoop(memocapFiles);
}

const pad = (text: string, width: number) => text.padEnd(width);
console.log(`${pad("run", 22)}${pad("wall s", 10)}${pad("files/s", 10)}peak RSS MB`);
for (const [name, sample] of Object.entries(results)) {
  console.log(`${pad(name, 22)}${pad(sample.seconds.toFixed(2), 10)}${pad(Math.round(sample.files / sample.seconds).toString(), 10)}${sample.maxRssMb.toFixed(0)}`);
}
const floor = results.floor!.seconds;
const scan = results["memocap scan"]!.seconds;
console.log(`\nscan / floor             ${(scan / floor).toFixed(1)} ×   (target ≤ 10)`);
console.log(`fix --dry / floor        ${(results["memocap fix --dry"]!.seconds / floor).toFixed(1)} ×   (target ≤ 15)`);
if (results["jscodeshift no-op"]) console.log(`jscodeshift / scan       ${(results["jscodeshift no-op"].seconds / scan).toFixed(1)} ×   (target ≥ 10; over memocap's ${memocapFiles.length} files only: ${(results["  on memocap's files"]!.seconds / scan).toFixed(1)} ×)`);

console.log("\nscaling of scan with the number of files:");
const scaling: Array<{ count: number; seconds: number }> = [];
for (const fraction of [0.25, 0.5, 1]) {
  const dir = fraction === 1 ? TREE : subset(files, TREE, fraction);
  const count = fraction === 1 ? files.length : (await sourceFiles(dir)).length;
  const sample = repeat(memocap("scan", dir, "--format", "json"));
  scaling.push({ count, seconds: sample.seconds });
  console.log(`  ${pad(`${fraction * 100} %`, 6)} ${pad(`${count} files`, 13)} ${sample.seconds.toFixed(2)} s   ${(sample.seconds / count * 1000).toFixed(3)} ms/file`);
  if (fraction !== 1) rmSync(dir, { recursive: true, force: true });
}
const [smallest, largest] = [scaling[0]!, scaling.at(-1)!];
console.log(`  files × ${(largest.count / smallest.count).toFixed(1)}, time × ${(largest.seconds / smallest.seconds).toFixed(1)}   (target: time grows no faster than the files)`);
console.log(`\nload average at the end: ${loadAverage()}`);
