import { execFile } from "node:child_process";
import { dirname, join, relative } from "node:path";
import { promisify } from "node:util";
import { findGitWorkTreeTop } from "../files/gitignore.ts";

const run = promisify(execFile);

/** A file whose current contents git could not give back: modified, staged, untracked or ignored. */
export interface UncommittedFile {
  file: string;
  /** git's two-letter short status: " M", "M ", "A ", "??", "!!", ... */
  status: string;
}

/** Paths per `git status` call, far below any command-line length limit. */
const PATHS_PER_CALL = 500;

/**
 * The files among `files` that have uncommitted changes in the git work tree they belong to, or that
 * git does not track (untracked or ignored): rewriting them would lose work git cannot restore.
 * Files outside any work tree are not checked. Throws when git cannot answer for a work tree.
 */
export async function uncommittedFiles(files: readonly string[]): Promise<UncommittedFile[]> {
  const byWorkTree = new Map<string, string[]>();
  const topOfDirectory = new Map<string, Promise<string | undefined>>();
  for (const file of files) {
    const directory = dirname(file);
    let top = topOfDirectory.get(directory);
    if (!top) topOfDirectory.set(directory, (top = findGitWorkTreeTop(directory)));
    const workTree = await top;
    if (workTree !== undefined) byWorkTree.set(workTree, [...(byWorkTree.get(workTree) ?? []), file]);
  }
  const found: UncommittedFile[] = [];
  for (const [workTree, inTree] of byWorkTree) {
    for (let start = 0; start < inTree.length; start += PATHS_PER_CALL) {
      found.push(...(await statusOf(workTree, inTree.slice(start, start + PATHS_PER_CALL))));
    }
  }
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

async function statusOf(workTree: string, files: string[]): Promise<UncommittedFile[]> {
  let stdout: string;
  try {
    // Literal pathspecs: a file called `[id].ts` is that file, not a glob. Paths in -z output are
    // relative to the work-tree top and never quoted.
    ({ stdout } = await run(
      "git",
      ["--literal-pathspecs", "status", "--porcelain=v1", "-z", "--untracked-files=all", "--ignored=matching", "--", ...files.map((file) => relative(workTree, file))],
      { cwd: workTree, maxBuffer: 64 * 1024 * 1024 },
    ));
  } catch (error) {
    const message = ((error as { stderr?: string }).stderr || (error as Error).message).trim().split("\n")[0];
    throw new Error(`cannot read the git status of ${workTree}: ${message}`);
  }
  const entries = stdout.split("\0");
  const found: UncommittedFile[] = [];
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (entry.length < 4) continue;
    const status = entry.slice(0, 2);
    found.push({ file: join(workTree, entry.slice(3)), status });
    // A rename or copy is followed by the path it came from, which is no longer there to rewrite.
    if (status[0] === "R" || status[0] === "C") index++;
  }
  return found;
}
