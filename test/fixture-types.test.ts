import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "./helpers/cli.ts";

it("every fixture output type-checks (tsc --noEmit, strict, with the libraries' types)", () => {
  const run = spawnSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "__testfixtures__/tsconfig.json"], { cwd: ROOT, encoding: "utf8" });
  expect(run.stdout + run.stderr).toBe("");
  expect(run.status).toBe(0);
});
