/**
 * `fix` reaches a fixed point on the pinned perf tree (../shared/corpus/perf-tree.txt): fix a copy,
 * fix it again, and print the files changed by the first run, the changed files that no longer
 * parse (must be 0) and the files changed by the second run (must be 0). Exits 1 when a must-be-0
 * figure is not 0. The tree is fetched once into .corpus-cache/ (gitignored).
 * Options: --tree DIR (use this tree instead), --keep (leave the copy in the temp folder).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { glob } from "tinyglobby";
import ts from "typescript";

const ROOT = join(import.meta.dirname, "..");
const CORPUS = join(ROOT, "..", "shared", "corpus");
const args = process.argv.slice(2);
const treeOption = args.includes("--tree") ? args[args.indexOf("--tree") + 1] : undefined;
const TREE = treeOption ?? join(ROOT, ".corpus-cache", "perf-tree");

if (!existsSync(TREE)) {
  console.log(`fetching the perf tree into ${TREE} …`);
  const fetched = spawnSync("bash", [join(CORPUS, "fetch.sh"), join(CORPUS, "perf-tree.txt"), TREE], { stdio: "inherit" });
  if (fetched.status !== 0) process.exit(fetched.status ?? 1);
}

// A copy outside the repository: memocap honours .gitignore, and the cache folder is ignored.
const work = mkdtempSync(join(tmpdir(), "memocap-fixed-point-"));
const copy = join(work, "tree");
cpSync(TREE, copy, { recursive: true });

/** Every file of the copy (sources and package.json files), by its content hash. */
async function snapshot(): Promise<Map<string, string>> {
  const files = await glob(["**/*"], { cwd: copy, dot: true, followSymbolicLinks: false });
  return new Map(files.map((file) => [file, createHash("sha1").update(readFileSync(join(copy, file))).digest("hex")]));
}

function changedBetween(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

interface FixReport {
  summary: { filesScanned: number; rewritten: number; filesChanged: number };
  problems: Array<{ file: string; reason: string }>;
}

function runFix(): { report: FixReport; seconds: number; exitCode: number | null } {
  const started = performance.now();
  const run = spawnSync(process.execPath, [join(ROOT, "bin", "memocap.js"), "fix", ".", "--format", "json"], { cwd: copy, encoding: "utf8", maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0 && run.status !== 3) throw new Error(`memocap fix failed (exit ${run.status}):\n${run.stderr.slice(-2000)}`);
  return { report: JSON.parse(run.stdout) as FixReport, seconds, exitCode: run.status };
}

/** The TypeScript parser's first complaint about a source file, if any. */
function parseError(file: string): string | undefined {
  const text = readFileSync(join(copy, file), "utf8");
  const kind = /\.tsx$/.test(file) ? ts.ScriptKind.TSX : /\.[cm]?ts$/.test(file) ? ts.ScriptKind.TS : /\.jsx$/.test(file) ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const diagnostics = (source as ts.SourceFile & { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  return diagnostics[0] && ts.flattenDiagnosticMessageText(diagnostics[0].messageText, " ");
}

const isSource = (file: string) => /\.[cm]?[jt]sx?$/.test(file);

try {
  const original = await snapshot();
  console.log(`perf tree: ${TREE} (${original.size} files), working on a copy in ${copy}\n`);

  const first = runFix();
  const afterFirst = await snapshot();
  const changedByFirst = changedBetween(original, afterFirst);
  const unparseable = changedByFirst.filter(isSource).map((file) => ({ file, error: parseError(file) })).filter((entry) => entry.error !== undefined);
  const reportedUnparseable = first.report.problems.filter((problem) => /does not parse|fixed point/.test(problem.reason));

  const second = runFix();
  const changedBySecond = changedBetween(afterFirst, await snapshot());

  const reasons = new Map<string, number>();
  for (const problem of first.report.problems) reasons.set(problem.reason.replace(/\d+/g, "N"), (reasons.get(problem.reason.replace(/\d+/g, "N")) ?? 0) + 1);

  console.log(`first run   ${first.seconds.toFixed(1)} s, exit ${first.exitCode}: ${first.report.summary.filesScanned} files scanned, ${first.report.summary.rewritten} sites rewritten`);
  console.log(`  files changed by the first run:        ${changedByFirst.length} (${changedByFirst.filter(isSource).length} sources, ${changedByFirst.filter((file) => !isSource(file)).length} package.json)`);
  console.log(`  changed files that fail to parse:      ${unparseable.length}   (must be 0)`);
  console.log(`  rewrites refused (no parse/fixed point): ${reportedUnparseable.length}`);
  for (const [reason, count] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`  problem ×${count}: ${reason}`);
  console.log(`second run  ${second.seconds.toFixed(1)} s, exit ${second.exitCode}: ${second.report.summary.rewritten} sites rewritten`);
  console.log(`  files changed by the second run:       ${changedBySecond.length}   (must be 0)`);
  for (const entry of unparseable) console.log(`  does not parse: ${entry.file}: ${entry.error}`);
  for (const file of changedBySecond) console.log(`  changed again: ${file}`);
  if (unparseable.length > 0 || changedBySecond.length > 0) process.exitCode = 1;
  console.log(`\nfiles changed by the first run:\n${changedByFirst.map((file) => `  ${relative(".", file)}`).join("\n")}`);
} finally {
  if (!args.includes("--keep")) rmSync(work, { recursive: true, force: true });
}
