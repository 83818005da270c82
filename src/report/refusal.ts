import type { UncommittedChangesError } from "../fix/fix.ts";
import { displayPath } from "./paths.ts";

/** Why `fix` wrote nothing on a dirty work tree: the files with git's short status, and the way out. */
export function formatRefusal(error: UncommittedChangesError, cwd: string): string {
  const lines = [`memocap: refusing to fix: ${error.message}`];
  for (const { status, file } of error.files) lines.push(`  ${status} ${displayPath(cwd, file)}`);
  lines.push("Nothing was written. Commit or stash them, or pass --allow-dirty to rewrite them anyway (fix --dry and scan never refuse).");
  return lines.join("\n");
}
