import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/cli.ts";
import { runStandaloneTransform } from "./helpers/standalone.ts";

const FIXTURES = join(ROOT, "__testfixtures__", "split-async");
// Files with no site left to bound-memoize alone (unsound-cores has one: standalone, split-async leaves it).
const CASES = ["lodash-core-after-await.input.ts", "memoizee-core-before-await.input.ts", "moize-split-and-promise-mode.input.ts", "lodash-in-js.input.js", "memoize-promise-returning.input.ts"];

describe("transforms/split-async.ts under plain jscodeshift", () => {
  it("splits, falls back and bounds what it wrote on its own, running the analysis itself", () => {
    const run = runStandaloneTransform("split-async", FIXTURES, CASES);
    expect(run.stdout).toMatch(/0 errors/);
    expect(run.stdout).toMatch(new RegExp(`${CASES.length} ok`));
    for (const { name, actual, expected } of run.results) expect(actual, name).toBe(expected);
  });
});
