import { execFile } from "node:child_process";
import { realpath, stat } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { promisify } from "node:util";
import type { Site } from "../analysis/site.ts";
import { OptionError } from "../option-error.ts";
import { changedLinesOfPatch, type LineRange } from "./diff-hunks.ts";

const run = promisify(execFile);

/** `--since <ref>` or `--staged`: which change the run is limited to. */
export type ChangeRequest = { since: string } | { staged: true };

/**
 * The files of a change and their changed lines: the run looks only at these files, and
 * `scan --check` fails only on sites whose code touches a changed line.
 */
export class ChangeSet {
  /** What the change is, for messages: `since main (merge base 1a2b3c4)`, `staged`. */
  readonly description: string;
  /** Real absolute path → changed lines ("all" for a new or untracked file). */
  private readonly files: ReadonlyMap<string, LineRange[] | "all">;
  private readonly cwd: string;
  private readonly realCwd: string;

  constructor(options: { description: string; files: ReadonlyMap<string, LineRange[] | "all">; cwd: string; realCwd: string }) {
    this.description = options.description;
    this.files = options.files;
    this.cwd = options.cwd;
    this.realCwd = options.realCwd;
  }

  /** Whether `file` (a path under cwd as discovery gives it) is part of the change. */
  readonly includes = (file: string): boolean => this.files.has(this.realPath(file));

  /** Marks each site `inChange`: whether a line from the site's first to its last touches a changed line. */
  readonly annotate = (file: string, text: string, sites: Site[]): void => {
    const lines = this.files.get(this.realPath(file));
    for (const site of sites) {
      if (lines === undefined) site.inChange = false;
      else if (lines === "all") site.inChange = true;
      else {
        const last = site.line + countLineBreaks(text, site.start, site.end);
        site.inChange = lines.some((range) => range.first <= last && range.last >= site.line);
      }
    }
  };

  /** Discovery gives paths under cwd as given; git gives real paths under the work-tree top. */
  private realPath(file: string): string {
    return join(this.realCwd, relative(this.cwd, resolve(this.cwd, file)));
  }
}

/**
 * Asks git for the change:
 * - `since`: the working tree (committed, staged, unstaged and untracked files that are not ignored)
 *   against the merge base of `since` and HEAD, so that on a branch `--since main` means what the
 *   branch changed, not what main gained since;
 * - `staged`: the files with staged changes (`git diff --cached`), read as they are in the working
 *   tree; their changed lines are those that differ from HEAD, staged or not.
 * The work tree is the one holding `firstPath` (the run's first path). Outside a work tree, with an
 * unknown ref, or without git: an OptionError (exit 2).
 */
export async function findChangeSet(request: ChangeRequest, cwd: string, firstPath = "."): Promise<ChangeSet> {
  const option = "since" in request ? "--since" : "--staged";
  const top = await workTreeTop(await folderOf(resolve(cwd, firstPath)), option);
  const git = (args: string[]) => gitOutput(["-c", "core.quotePath=false", ...args], top, option);
  const hasHead = await git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]).then(
    () => true,
    () => false,
  );
  const diffOptions = ["--no-color", "--no-ext-diff", "--find-renames", "--diff-filter=d", "--src-prefix=a/", "--dst-prefix=b/"];
  const files = new Map<string, LineRange[] | "all">();
  const addPatch = (patch: string, names: readonly string[]) => {
    const changed = changedLinesOfPatch(patch);
    for (const name of names) files.set(join(top, name), changed.get(name) ?? []);
  };
  let description: string;

  if ("since" in request) {
    const ref = request.since;
    // git would read it as an option.
    if (ref.startsWith("-")) throw new OptionError(`--since: "${ref}" is not a git ref`);
    const commit = await git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).then(
      (output) => output.trim(),
      () => {
        throw new OptionError(`--since: unknown git ref "${ref}" (in ${top})`);
      },
    );
    // No common history (or no HEAD yet): the ref itself.
    const base = hasHead ? await git(["merge-base", commit, "HEAD"]).then((output) => output.trim(), () => commit) : commit;
    description = base === commit ? `since ${ref}` : `since ${ref} (merge base ${base.slice(0, 7)})`;
    const names = splitNul(await git(["diff", "--name-only", "-z", ...diffOptions, base, "--"]));
    addPatch(await git(["diff", "-U0", ...diffOptions, base, "--"]), names);
    for (const name of splitNul(await git(["ls-files", "--others", "--exclude-standard", "-z"]))) files.set(join(top, name), "all");
  } else {
    description = "staged";
    const names = splitNul(await git(["diff", "--cached", "--name-only", "-z", ...diffOptions, "--"]));
    if (!hasHead) {
      for (const name of names) files.set(join(top, name), "all");
    } else {
      for (let start = 0; start < names.length; start += PATHS_PER_CALL) {
        const chunk = names.slice(start, start + PATHS_PER_CALL);
        addPatch(await git(["--literal-pathspecs", "diff", "-U0", ...diffOptions, "HEAD", "--", ...chunk]), chunk);
      }
    }
  }
  return new ChangeSet({ description, files, cwd, realCwd: await realpath(cwd) });
}

/** Paths per git call, far below any command-line length limit. */
const PATHS_PER_CALL = 500;

async function workTreeTop(dir: string, option: string): Promise<string> {
  try {
    return (await run("git", ["rev-parse", "--show-toplevel"], { cwd: dir })).stdout.trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && (await folderOf(dir)) === dir) throw new OptionError(`${option} needs git, which was not found`);
    throw new OptionError(`${option} needs a git work tree: ${dir} is not in one`);
  }
}

/** A folder is itself; a file, or a path that does not exist, its parent. */
async function folderOf(path: string): Promise<string> {
  return stat(path).then(
    (stats) => (stats.isDirectory() ? path : dirname(path)),
    () => dirname(path),
  );
}

async function gitOutput(args: string[], cwd: string, option: string): Promise<string> {
  try {
    return (await run("git", args, { cwd, maxBuffer: 256 * 1024 * 1024 })).stdout;
  } catch (error) {
    const message = ((error as { stderr?: string }).stderr || (error as Error).message).trim().split("\n")[0];
    throw new OptionError(`${option}: git ${args.filter((arg) => arg !== "-c" && !arg.startsWith("core.")).join(" ")} failed: ${message}`);
  }
}

function splitNul(output: string): string[] {
  return output.split("\0").filter((name) => name !== "");
}

function countLineBreaks(text: string, start: number, end: number): number {
  let count = 0;
  for (let index = text.indexOf("\n", start); index !== -1 && index < end; index = text.indexOf("\n", index + 1)) count++;
  return count;
}
