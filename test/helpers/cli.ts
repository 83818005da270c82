import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");
const BIN = join(ROOT, "bin", "memocap.js");

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (`npm run build` first; `npm test` does) as a user would. */
export function memocap(args: string[], cwd = ROOT): CliRun {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A throw-away copy of a folder of this repository. */
export function copyToTemp(relativePath: string): string {
  const dir = mkdtempSync(join(tmpdir(), "memocap-"));
  cpSync(join(ROOT, relativePath), dir, { recursive: true });
  return dir;
}
