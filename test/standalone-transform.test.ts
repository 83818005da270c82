import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/cli.ts";

const FIXTURES = join(ROOT, "__testfixtures__", "bound-memoize");
const CASES = ["lodash-default-import.input.ts", "lodash-in-tsx.input.tsx", "lodash-require.input.cjs", "memoizee-esm.input.ts", "lodash-es-in-js.input.js"];

describe("transforms/bound-memoize.ts under plain jscodeshift", () => {
  it("rewrites fixtures on its own, running the analysis itself", () => {
    const dir = mkdtempSync(join(tmpdir(), "memocap-jscodeshift-"));
    const copies = CASES.map((name) => {
      const copy = join(dir, name.replace(".input", ""));
      copyFileSync(join(FIXTURES, name), copy);
      return copy;
    });
    const run = spawnSync("npx", ["jscodeshift", "-t", "transforms/bound-memoize.ts", "--parser", "tsx", ...copies], { cwd: ROOT, encoding: "utf8" });
    expect(run.stdout).toMatch(/0 errors/);
    expect(run.stdout).toMatch(new RegExp(`${CASES.length} ok`));
    CASES.forEach((name, i) => {
      expect(readFileSync(copies[i]!, "utf8")).toBe(readFileSync(join(FIXTURES, name.replace(".input.", ".output.")), "utf8"));
    });
  });
});

describe("transforms/migrate-to-lru-cache.ts under plain jscodeshift", () => {
  it("migrates nano-memoize and promise-memoize on its own, running the analysis itself", () => {
    const fixtures = join(ROOT, "__testfixtures__", "migrate-to-lru-cache");
    const cases = ["nano-memoize-default-import.input.ts", "promise-memoize-require.input.cjs"];
    const dir = mkdtempSync(join(tmpdir(), "memocap-jscodeshift-"));
    const copies = cases.map((name) => {
      const copy = join(dir, name.replace(".input", ""));
      copyFileSync(join(fixtures, name), copy);
      return copy;
    });
    const run = spawnSync("npx", ["jscodeshift", "-t", "transforms/migrate-to-lru-cache.ts", "--parser", "tsx", ...copies], { cwd: ROOT, encoding: "utf8" });
    expect(run.stdout).toMatch(/0 errors/);
    expect(run.stdout).toMatch(new RegExp(`${cases.length} ok`));
    cases.forEach((name, i) => {
      expect(readFileSync(copies[i]!, "utf8")).toBe(readFileSync(join(fixtures, name.replace(".input.", ".output.")), "utf8"));
    });
  });
});
