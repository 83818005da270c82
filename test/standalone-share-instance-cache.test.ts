import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/cli.ts";
import { runStandaloneTransform } from "./helpers/standalone.ts";

const FIXTURES = join(ROOT, "__testfixtures__", "share-instance-cache", "legacy");
// Decorator fixtures only: bound-memoize has nothing to do in them, so this transform alone gives the full output.
const CASES = ["typescript-memoize.input.ts", "decko.input.ts", "utils-decorators.input.ts", "memoize-decorator.input.ts"];

describe("transforms/share-instance-cache.ts under plain jscodeshift", () => {
  it("rewrites decorator fixtures on its own, running the analysis itself (decorator mode from the folder's tsconfig)", () => {
    const tsconfig = JSON.stringify({ compilerOptions: { experimentalDecorators: true } });
    const run = runStandaloneTransform("share-instance-cache", FIXTURES, CASES, { "tsconfig.json": tsconfig });
    expect(run.stdout).toMatch(/0 errors/);
    expect(run.stdout).toMatch(/3 ok/);
    expect(run.stdout).toMatch(/1 skipped/); // memoize-decorator: bounded, nothing to rewrite
    for (const { name, actual, expected } of run.results) expect(actual, name).toBe(expected);
  });
});
