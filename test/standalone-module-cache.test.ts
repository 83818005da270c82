import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/cli.ts";

const FIXTURES = join(ROOT, "__testfixtures__", "bound-module-cache");
const CASES = ["object-typed.input.ts", "map-cjs.input.cjs", "object-in-js.input.js", "escapes.input.ts"];

describe("transforms/bound-module-cache.ts under plain jscodeshift", () => {
  it("rewrites fixtures on its own, running the analysis itself", () => {
    const dir = mkdtempSync(join(tmpdir(), "memocap-jscodeshift-"));
    const copies = CASES.map((name) => {
      const copy = join(dir, name.replace(".input", ""));
      copyFileSync(join(FIXTURES, name), copy);
      return copy;
    });
    const run = spawnSync("npx", ["jscodeshift", "-t", "transforms/bound-module-cache.ts", "--parser", "tsx", ...copies], { cwd: ROOT, encoding: "utf8" });
    expect(run.stdout).toMatch(/0 errors/);
    expect(run.stdout).toMatch(/3 ok/);
    expect(run.stdout).toMatch(/1 skipped/); // escapes.input.ts: no site to rewrite
    CASES.forEach((name, i) => {
      expect(readFileSync(copies[i]!, "utf8")).toBe(readFileSync(join(FIXTURES, name.replace(".input.", ".output.")), "utf8"));
    });
  });
});
