import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/cli.ts";

const FIXTURES = join(ROOT, "__testfixtures__", "split-async");
// Files with no site left to bound-memoize alone (unsound-cores has one: standalone, split-async leaves it).
const CASES = ["lodash-core-after-await.input.ts", "memoizee-core-before-await.input.ts", "moize-split-and-promise-mode.input.ts", "lodash-in-js.input.js", "memoize-promise-returning.input.ts"];

describe("transforms/split-async.ts under plain jscodeshift", () => {
  it("splits, falls back and bounds what it wrote on its own, running the analysis itself", () => {
    const dir = mkdtempSync(join(tmpdir(), "memocap-split-async-"));
    const copies = CASES.map((name) => {
      const copy = join(dir, name.replace(".input", ""));
      copyFileSync(join(FIXTURES, name), copy);
      return copy;
    });
    const run = spawnSync("npx", ["jscodeshift", "-t", "transforms/split-async.ts", "--parser", "tsx", ...copies], { cwd: ROOT, encoding: "utf8" });
    expect(run.stdout).toMatch(/0 errors/);
    expect(run.stdout).toMatch(new RegExp(`${CASES.length} ok`));
    CASES.forEach((name, i) => {
      expect(readFileSync(copies[i]!, "utf8")).toBe(readFileSync(join(FIXTURES, name.replace(".input.", ".output.")), "utf8"));
    });
  });
});
