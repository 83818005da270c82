import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/cli.ts";
import { runStandaloneTransform } from "./helpers/standalone.ts";

const FIXTURES = join(ROOT, "__testfixtures__", "bound-module-cache");
const CASES = ["object-typed.input.ts", "map-cjs.input.cjs", "object-in-js.input.js", "escapes.input.ts"];

describe("transforms/bound-module-cache.ts under plain jscodeshift", () => {
  it("rewrites fixtures on its own, running the analysis itself", () => {
    const run = runStandaloneTransform("bound-module-cache", FIXTURES, CASES);
    expect(run.stdout).toMatch(/0 errors/);
    expect(run.stdout).toMatch(/3 ok/);
    expect(run.stdout).toMatch(/1 skipped/); // escapes.input.ts: no site to rewrite
    for (const { name, actual, expected } of run.results) expect(actual, name).toBe(expected);
  });
});
