/**
 * Peak RSS of memocap on generated trees of growing size. Files are read, analysed and rewritten one
 * at a time, so what the run retains stays flat; the peak RSS still grows a little with the tree,
 * as V8 lets garbage pile up before a full collection. The run with the heap capped shows the
 * retained part: it must pass on every size. Prints figures; asserts nothing.
 * Options: --sizes 2000,10000,20000 (files per tree), --keep (leave the trees in the temp folder).
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? undefined : args[at + 1];
};
const SIZES = (option("sizes") ?? "2000,10000,20000").split(",").map(Number);
const SCRATCH = join(tmpdir(), "memocap-memory");

/** One file in ten has a lodash site, one in ten a Map the prefilter lets through; ~4 KB each. */
function moduleText(index: number): string {
  const body = Array.from({ length: 40 }, (_, line) => `export const value${index}_${line} = ${line} * ${index} + "${"x".repeat(60)}".length;`).join("\n");
  if (index % 10 === 0) return `import memoize from "lodash/memoize";\n\n${body}\nexport const cached${index} = memoize((key: string) => key.repeat(2));\n`;
  if (index % 10 === 1) return `const seen = new Map<string, number>();\n${body}\nexport const size${index} = () => seen.size;\n`;
  return `${body}\n`;
}

function generate(files: number): string {
  const dir = join(SCRATCH, `tree-${files}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), `{\n  "name": "generated",\n  "version": "1.0.0"\n}\n`);
  for (let index = 0; index < files; index++) {
    const folder = join(dir, "src", `pkg${Math.floor(index / 500)}`);
    if (index % 500 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `m${index}.ts`), moduleText(index));
  }
  return dir;
}

/** Wall time and peak RSS (GNU time: the largest resident set of the process). */
function measure(command: string[], cwd: string): { seconds: number; maxRssMb: number } {
  const run = spawnSync("/usr/bin/time", ["-f", "MEMOCAP_MEMORY %e %M", ...command], { cwd, encoding: "utf8", maxBuffer: 1 << 30 });
  const line = run.stderr.split("\n").find((text) => text.startsWith("MEMOCAP_MEMORY "));
  if (!line) throw new Error(`${command.join(" ")} failed:\n${run.stderr.slice(-2000)}`);
  const [, seconds, kb] = line.split(" ");
  return { seconds: Number(seconds), maxRssMb: Number(kb) / 1024 };
}

const memocap = (...rest: string[]) => [process.execPath, join(ROOT, "bin", "memocap.js"), ...rest];
const HEAP_CAP_MB = 192;

console.log(`${"files".padEnd(8)}${"command".padEnd(36)}${"wall s".padEnd(9)}peak RSS MB`);
for (const size of SIZES) {
  const tree = generate(size);
  for (const [name, command] of [
    ["scan", memocap("scan", ".", "--format", "json")],
    ["fix --dry", memocap("fix", "--dry", ".")],
    [`fix --dry, heap capped at ${HEAP_CAP_MB} MB`, [process.execPath, `--max-old-space-size=${HEAP_CAP_MB}`, ...memocap("fix", "--dry", ".").slice(1)]],
  ] as const) {
    const sample = measure([...command], tree);
    console.log(`${String(size).padEnd(8)}${name.padEnd(36)}${sample.seconds.toFixed(1).padEnd(9)}${sample.maxRssMb.toFixed(0)}`);
  }
  const copy = `${tree}-fix`;
  rmSync(copy, { recursive: true, force: true });
  cpSync(tree, copy, { recursive: true });
  const sample = measure(memocap("fix", "."), copy);
  console.log(`${String(size).padEnd(8)}${"fix".padEnd(36)}${sample.seconds.toFixed(1).padEnd(9)}${sample.maxRssMb.toFixed(0)}`);
  if (!args.includes("--keep")) rmSync(SCRATCH, { recursive: true, force: true });
}
