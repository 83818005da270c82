import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/cli.ts";
import { runStandaloneTransform } from "./helpers/standalone.ts";

const FIXTURES = join(ROOT, "__testfixtures__", "bound-memoize");
const CASES = ["lodash-default-import.input.ts", "lodash-in-tsx.input.tsx", "lodash-require.input.cjs", "memoizee-esm.input.ts", "lodash-es-in-js.input.js"];

describe("transforms/bound-memoize.ts under plain jscodeshift", () => {
  it("rewrites fixtures on its own, running the analysis itself", () => {
    const run = runStandaloneTransform("bound-memoize", FIXTURES, CASES);
    expect(run.stdout).toMatch(/0 errors/);
    expect(run.stdout).toMatch(new RegExp(`${CASES.length} ok`));
    for (const { name, actual, expected } of run.results) expect(actual, name).toBe(expected);
  });
});

describe("transforms/migrate-to-lru-cache.ts under plain jscodeshift", () => {
  it("migrates nano-memoize and promise-memoize on its own, running the analysis itself", () => {
    const cases = ["nano-memoize-default-import.input.ts", "promise-memoize-require.input.cjs"];
    const run = runStandaloneTransform("migrate-to-lru-cache", join(ROOT, "__testfixtures__", "migrate-to-lru-cache"), cases);
    expect(run.stdout).toMatch(/0 errors/);
    expect(run.stdout).toMatch(new RegExp(`${cases.length} ok`));
    for (const { name, actual, expected } of run.results) expect(actual, name).toBe(expected);
  });
});
