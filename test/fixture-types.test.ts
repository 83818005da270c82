import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "./helpers/cli.ts";

it("every fixture output type-checks (tsc --noEmit, strict, with the libraries' types)", () => {
  const run = spawnSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "__testfixtures__/tsconfig.json"], { cwd: ROOT, encoding: "utf8" });
  expect(run.stdout + run.stderr).toBe("");
  expect(run.status).toBe(0);
});

// Fixtures written for older majors have a tsconfig of their own that maps the library to the
// repository's copy of that major (micro-memoize-v4, reselect-5.1); decorator fixtures have one per
// decorator mode (share-instance-cache/legacy sets experimentalDecorators, /standard does not).
const NESTED_TSCONFIGS = readdirSync(join(ROOT, "__testfixtures__"), { recursive: true, encoding: "utf8" }).filter(
  (path) => path !== "tsconfig.json" && path.endsWith("tsconfig.json") && !path.includes("node_modules"),
);

for (const tsconfig of NESTED_TSCONFIGS) {
  it(`fixture outputs under ${dirname(tsconfig)} type-check with that folder's tsconfig`, () => {
    const run = spawnSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join("__testfixtures__", tsconfig)], { cwd: ROOT, encoding: "utf8" });
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
}
