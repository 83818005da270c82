import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/cli.ts";

const FIXTURES = join(ROOT, "__testfixtures__", "share-instance-cache", "legacy");
// Decorator fixtures only: bound-memoize has nothing to do in them, so this transform alone gives the full output.
const CASES = ["typescript-memoize.input.ts", "decko.input.ts", "utils-decorators.input.ts", "memoize-decorator.input.ts"];

describe("transforms/share-instance-cache.ts under plain jscodeshift", () => {
  it("rewrites decorator fixtures on its own, running the analysis itself (decorator mode from the folder's tsconfig)", () => {
    const dir = mkdtempSync(join(tmpdir(), "memocap-jscodeshift-"));
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { experimentalDecorators: true } }));
    const copies = CASES.map((name) => {
      const copy = join(dir, name.replace(".input", ""));
      copyFileSync(join(FIXTURES, name), copy);
      return copy;
    });
    const run = spawnSync("npx", ["jscodeshift", "-t", "transforms/share-instance-cache.ts", "--parser", "tsx", ...copies], { cwd: ROOT, encoding: "utf8" });
    expect(run.stdout).toMatch(/0 errors/);
    expect(run.stdout).toMatch(/3 ok/);
    expect(run.stdout).toMatch(/1 skipped/); // memoize-decorator: bounded, nothing to rewrite
    CASES.forEach((name, i) => {
      expect(readFileSync(copies[i]!, "utf8")).toBe(readFileSync(join(FIXTURES, name.replace(".input.", ".output.")), "utf8"));
    });
  });
});
