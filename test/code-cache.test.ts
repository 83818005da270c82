import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { memocap, ROOT } from "./helpers/cli.ts";

// src/typescript.cts, built: it compiles TypeScript through a V8 code cache in os.tmpdir().
const TYPESCRIPT = join(ROOT, "dist", "src", "typescript.cjs");
// Loads TypeScript as memocap does and compiles a line with it: the output shows the compiler works.
const PROBE = `const ts = require(${JSON.stringify(TYPESCRIPT)}); process.stdout.write(ts.transpileModule("const answer: number = 42;", {}).outputText);`;
const COMPILED = "answer = 42;";
const UID = process.getuid?.();

function loadTypeScript(temp: string) {
  const run = spawnSync(process.execPath, ["-e", PROBE], { encoding: "utf8", env: { ...process.env, TMPDIR: temp } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function cacheFolder(temp: string): string {
  return join(temp, `memocap-code-cache-${UID ?? "user"}`);
}

function cacheFiles(temp: string): string[] {
  return readdirSync(cacheFolder(temp)).map((name) => join(cacheFolder(temp), name));
}

const temps: string[] = [];
const newTemp = () => {
  temps.push(mkdtempSync(join(tmpdir(), "memocap-code-cache-test-")));
  return temps.at(-1)!;
};
afterAll(() => temps.forEach((temp) => rmSync(temp, { recursive: true, force: true })));

describe.skipIf(UID === undefined)("the code cache of TypeScript", () => {
  it("is written once, in a folder only this user may use, and the next run takes it as it is", () => {
    const temp = newTemp();
    const first = loadTypeScript(temp);
    expect(first).toMatchObject({ status: 0, stderr: "" });
    expect(first.stdout).toContain(COMPILED);
    const [cache, ...others] = cacheFiles(temp);
    expect(others).toEqual([]);
    expect(statSync(cacheFolder(temp)).mode & 0o777).toBe(0o700);
    expect(statSync(cache!).mode & 0o777).toBe(0o600);
    const written = readFileSync(cache!);
    const writtenAt = statSync(cache!).mtimeMs;

    // A cache that V8 accepts is not written again (a rejected one is: see the next test).
    expect(loadTypeScript(temp)).toEqual(first);
    expect(readFileSync(cache!).equals(written)).toBe(true);
    expect(statSync(cache!).mtimeMs).toBe(writtenAt);
  });

  it("that is damaged or cut short is replaced, and TypeScript loads as without it", () => {
    const temp = newTemp();
    const reference = loadTypeScript(temp);
    const [cache] = cacheFiles(temp);
    const valid = readFileSync(cache!);
    for (const damaged of [Buffer.from("not a code cache"), valid.subarray(0, valid.length >> 1)]) {
      writeFileSync(cache!, damaged);
      expect(loadTypeScript(temp)).toEqual(reference);
      expect(cacheFiles(temp)).toEqual([cache]);
      expect(readFileSync(cache!).equals(damaged)).toBe(false);
      // The replacement is accepted: the run after it leaves it as it is.
      const replaced = readFileSync(cache!);
      expect(loadTypeScript(temp)).toEqual(reference);
      expect(readFileSync(cache!).equals(replaced)).toBe(true);
    }
  });

  it("is not used from a folder that others may write to", () => {
    const temp = newTemp();
    mkdirSync(cacheFolder(temp));
    chmodSync(cacheFolder(temp), 0o777);
    const run = loadTypeScript(temp);
    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(run.stdout).toContain(COMPILED);
    expect(cacheFiles(temp)).toEqual([]);
  });

  it("is left out without a word when there is no temporary folder to keep it in", () => {
    const notAFolder = join(newTemp(), "a-file");
    writeFileSync(notAFolder, "");
    const run = loadTypeScript(notAFolder);
    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(run.stdout).toContain(COMPILED);
  });

  it("is written whole when runs start together: each loads TypeScript, one cache file is left", async () => {
    const temp = newTemp();
    const runs = Array.from({ length: 4 }, () => {
      const child = spawn(process.execPath, ["-e", PROBE], { env: { ...process.env, TMPDIR: temp } });
      let stdout = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      return new Promise<{ status: number | null; stdout: string }>((resolve) => child.on("close", (status) => resolve({ status, stdout })));
    });
    for (const run of await Promise.all(runs)) expect(run).toEqual({ status: 0, stdout: expect.stringContaining(COMPILED) });
    const files = cacheFiles(temp);
    expect(files.map((file) => file.endsWith(".bin"))).toEqual([true]);
    const cache = readFileSync(files[0]!);
    expect(loadTypeScript(temp).stdout).toContain(COMPILED);
    expect(readFileSync(files[0]!).equals(cache)).toBe(true);
  });

  it("a run that worked a second or more writes a fuller cache once, which later runs load", () => {
    const temp = newTemp();
    const busy = `const ts = require(${JSON.stringify(TYPESCRIPT)}); const until = process.cpuUsage().user + 1_100_000; while (process.cpuUsage().user < until) ts.transpileModule("const answer: number = 42;", {});`;
    const run = (code: string) => spawnSync(process.execPath, ["-e", code], { encoding: "utf8", env: { ...process.env, TMPDIR: temp } });
    expect(loadTypeScript(temp).status).toBe(0);
    expect(cacheFiles(temp).map((file) => file.endsWith(".full.bin"))).toEqual([false]);
    expect(run(busy).status).toBe(0);
    const full = cacheFiles(temp).find((file) => file.endsWith(".full.bin"));
    expect(full).toBeDefined();
    const writtenAt = statSync(full!).mtimeMs;
    // Loaded from the fuller cache from now on: neither a short run nor a long one writes again.
    expect(loadTypeScript(temp).stdout).toContain(COMPILED);
    expect(run(busy).status).toBe(0);
    expect(cacheFiles(temp)).toHaveLength(2);
    expect(statSync(full!).mtimeMs).toBe(writtenAt);
  });

  it("changes nothing in what a scan finds", () => {
    const temp = newTemp();
    const args = ["scan", "examples/pricing-service/src/pricing.ts", "--format", "json"];
    const withoutCache = memocap(args, ROOT, { TMPDIR: temp });
    const withCache = memocap(args, ROOT, { TMPDIR: temp });
    expect(withoutCache.status).toBe(0);
    expect(JSON.parse(withoutCache.stdout).sites).not.toEqual([]);
    expect(JSON.parse(withCache.stdout)).toEqual(JSON.parse(withoutCache.stdout));
    expect(cacheFiles(temp)).toHaveLength(1);
  });
});
