import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { writeProject } from "./report-project.ts";

/** Runs git in `dir` with a fixed identity and branch name; throws with git's stderr when it fails. */
export function git(dir: string, ...args: string[]): string {
  const run = spawnSync("git", ["-c", "user.email=test@example.com", "-c", "user.name=test", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", ...args], {
    cwd: dir,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`git ${args.join(" ")}: ${run.stderr}`);
  return run.stdout;
}

/** A temp git repository holding `files`, all committed on `main`. */
export function gitRepo(files: Record<string, string>): string {
  const dir = writeProject(files);
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "initial");
  return dir;
}

/** Writes (or overwrites) files in `dir`. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}
