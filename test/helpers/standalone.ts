import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./cli.ts";

export interface StandaloneRun {
  /** jscodeshift's own summary ("0 errors", "3 ok", ...). */
  stdout: string;
  /** Each case's file after the run, and the fixture output it should equal. */
  results: Array<{ name: string; actual: string; expected: string }>;
}

/**
 * Copies the input fixtures `cases` of `fixtures` into a temp folder (with the extra `files` written
 * beside them, e.g. a tsconfig.json) and runs plain `npx jscodeshift -t transforms/<transform>.ts`
 * over the copies, as a user would without memocap's CLI.
 */
export function runStandaloneTransform(transform: string, fixtures: string, cases: string[], files: Record<string, string> = {}): StandaloneRun {
  const dir = mkdtempSync(join(tmpdir(), "memocap-jscodeshift-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const copies = cases.map((name) => {
    const copy = join(dir, name.replace(".input", ""));
    copyFileSync(join(fixtures, name), copy);
    return copy;
  });
  const run = spawnSync("npx", ["jscodeshift", "-t", `transforms/${transform}.ts`, "--parser", "tsx", ...copies], { cwd: ROOT, encoding: "utf8" });
  return {
    stdout: run.stdout,
    results: cases.map((name, i) => ({
      name,
      actual: readFileSync(copies[i]!, "utf8"),
      expected: readFileSync(join(fixtures, name.replace(".input.", ".output.")), "utf8"),
    })),
  };
}
