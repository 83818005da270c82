/**
 * SIGINT and SIGTERM in the middle of `fix` on a tree of many files: every file ends either as it was
 * or completely rewritten, no temp file is left, and the files already rewritten have lru-cache in
 * their package.json.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, expect, it } from "vitest";
import { BIN } from "./helpers/cli.ts";

const FILES = 40;
const PACKAGE_JSON = `{\n  "name": "many",\n  "version": "1.0.0"\n}\n`;
const names = Array.from({ length: FILES }, (_, index) => `f${String(index).padStart(3, "0")}.ts`);

let scratch: string;
let pristine: string;
const after = new Map<string, string>();

function moduleText(index: number): string {
  // Some bulk, so that a write takes a while and a signal can land in one.
  const filler = Array.from({ length: 100 }, (_, line) => `// ${String(line).padStart(4, "0")} ${"padding ".repeat(6)}`).join("\n");
  return `import memoize from "lodash/memoize";\n\n${filler}\nexport const value${index} = memoize((key: string) => key.repeat(${index}));\n`;
}

function run(args: string[], cwd: string) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exit, stderr: () => stderr };
}

function copyOfPristine(name: string): string {
  const dir = join(scratch, name);
  cpSync(pristine, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "memocap-interrupt-"));
  pristine = join(scratch, "pristine");
  mkdirSync(join(pristine, "src"), { recursive: true });
  writeFileSync(join(pristine, "package.json"), PACKAGE_JSON);
  names.forEach((name, index) => writeFileSync(join(pristine, "src", name), moduleText(index)));

  const complete = copyOfPristine("complete");
  expect(await run(["fix", "."], complete).exit).toBe(0);
  for (const name of names) after.set(name, readFileSync(join(complete, "src", name), "utf8"));
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it("a run stopped by SIGINT or SIGTERM at any moment leaves each file old or new and no temp file", async () => {
  // Signals sent at spread-out moments after the first file is rewritten, alternating the two kinds.
  const delaysMs = [0, 10, 40, 120];
  const outcomes: Array<{ rewritten: number; code: number | null }> = [];
  for (const [attempt, delay] of delaysMs.entries()) {
    const dir = copyOfPristine(`attempt-${attempt}`);
    const signal = attempt % 2 === 0 ? "SIGTERM" : "SIGINT";
    const fixing = run(["fix", "."], dir);
    const first = join(dir, "src", names[0]!);
    while (readFileSync(first, "utf8") !== after.get(names[0]!)) await sleep(2);
    await sleep(delay);
    fixing.child.kill(signal);
    // And once more, as an impatient user would: it must not cut a write short.
    if (attempt % 3 === 0) setTimeout(() => fixing.child.kill(signal), 1);
    const code = await fixing.exit;

    expect(readdirSync(join(dir, "src")).sort()).toEqual(names);
    expect(readdirSync(dir).sort()).toEqual(["package.json", "src"]);
    let rewritten = 0;
    for (const [index, name] of names.entries()) {
      const text = readFileSync(join(dir, "src", name), "utf8");
      if (text === after.get(name)) rewritten++;
      else expect(text, `${name} after ${signal} at +${delay} ms`).toBe(moduleText(index));
    }
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).dependencies?.["lru-cache"]).toBe("^11.0.0");
    if (rewritten < FILES) {
      expect(code).toBe(signal === "SIGINT" ? 130 : 143);
      expect(fixing.stderr()).toMatch(new RegExp(`stopped by ${signal}: every file is either as it was or completely rewritten`));
    }
    outcomes.push({ rewritten, code });
  }
  // The signals did land mid-run: some runs stopped with files on both sides.
  expect(outcomes.filter((outcome) => outcome.rewritten > 0 && outcome.rewritten < FILES).length).toBeGreaterThanOrEqual(2);
});
