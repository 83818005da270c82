import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");
export const BIN = join(ROOT, "bin", "memocap.js");

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI (`npm run build` first; `npm test` does) as a user would, without colour
 * unless `env` says otherwise (a variable set to undefined there is removed).
 */
export function memocap(args: string[], cwd = ROOT, env: Record<string, string | undefined> = {}): CliRun {
  const merged = Object.fromEntries(Object.entries({ ...process.env, NO_COLOR: "1", ...env }).filter(([, value]) => value !== undefined));
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: merged });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A throw-away copy of a folder of this repository. */
export function copyToTemp(relativePath: string): string {
  const dir = mkdtempSync(join(tmpdir(), "memocap-"));
  cpSync(join(ROOT, relativePath), dir, { recursive: true });
  return dir;
}
