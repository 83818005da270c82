import { realpath, stat } from "node:fs/promises";
import { basename, posix, relative, resolve } from "node:path";
import { escapePath, glob } from "tinyglobby";
import { SOURCE_EXTENSIONS, isMinifiedFile, isSourceFile } from "./extensions.ts";
import { describeFsError } from "./fs-error.ts";
import { loadGitignoreMatcher } from "./gitignore.ts";
import { isWithinDirectory, toPosixPath } from "./paths.ts";
import type { FileProblem } from "./problem.ts";
import { inspectSymlink, linksAsFiles } from "./symlinks.ts";

/** Dependencies, build output, caches and VCS data: never hand-written source. */
const SKIPPED_DIRECTORIES = [
  "node_modules",
  "dist",
  "build",
  "out",
  "coverage",
  ".next",
  ".nuxt",
  ".output",
  ".svelte-kit",
  ".turbo",
  ".cache",
  ".git",
];

const SOURCE_FILE_GLOB = `**/*.{${SOURCE_EXTENSIONS.map((extension) => extension.slice(1)).join(",")}}`;

export interface DiscoverOptions {
  cwd: string;
  /** Globs relative to cwd; when given, only matching files are kept. */
  include?: string[];
  /** Globs relative to cwd; matching files are dropped. */
  exclude?: string[];
}

export interface DiscoveredFiles {
  /** Absolute, sorted, without duplicates. */
  files: string[];
  problems: FileProblem[];
}

interface DiscoveryContext {
  cwd: string;
  /** The real path of cwd: links that lead out of it are not followed. */
  root: string;
  include: string[] | undefined;
  exclude: string[];
}

type PathTarget =
  | { kind: "directory" | "file" | "other"; path: string }
  | { kind: "problem"; problem: FileProblem };

export async function discoverFiles(paths: string[], options: DiscoverOptions): Promise<DiscoveredFiles> {
  const cwd = resolve(options.cwd);
  const root = await realpath(cwd);
  const context: DiscoveryContext = {
    cwd,
    root,
    include: options.include !== undefined && options.include.length > 0 ? options.include : undefined,
    exclude: options.exclude ?? [],
  };
  const requested = paths.length > 0 ? paths : ["."];
  const targets = await Promise.all(requested.map((path) => classifyPath(resolve(cwd, path), cwd, root)));

  const found = await Promise.all(targets.map((target) => filesForTarget(target, context)));
  const files = new Set(found.flatMap((result) => result.files));
  const named = targets.flatMap((target) => (target.kind === "problem" ? [target.problem] : []));
  const crawled = found.flatMap((result) => result.problems).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  // A broken link named on the command line is met again by the crawl of its folder: reported once.
  const reported = new Set<string>();
  const problems = [...named, ...crawled].filter((problem) => !reported.has(problem.file) && reported.add(problem.file));
  return { files: [...files].sort(), problems };
}

async function filesForTarget(target: PathTarget, context: DiscoveryContext): Promise<DiscoveredFiles> {
  if (target.kind === "directory") return findSourceFilesIn(target.path, context);
  // Named files are taken even when gitignored or inside a skipped folder: the user asked for them.
  if (target.kind === "file" && isSourceFile(target.path) && (await passesFilters(target.path, context))) {
    return { files: [target.path], problems: [] };
  }
  return { files: [], problems: [] };
}

async function classifyPath(path: string, cwd: string, root: string): Promise<PathTarget> {
  try {
    // stat follows symlinks: a loop fails with ELOOP, a dangling link with ENOENT.
    const stats = await stat(path);
    if (isWithinDirectory(cwd, path) && !isWithinDirectory(root, await realpath(path))) {
      return { kind: "problem", problem: { file: path, reason: "symlink leaves the root" } };
    }
    return { kind: stats.isDirectory() ? "directory" : stats.isFile() ? "file" : "other", path };
  } catch (error) {
    return { kind: "problem", problem: { file: path, reason: describeFsError(error) } };
  }
}

async function findSourceFilesIn(dir: string, context: DiscoveryContext): Promise<DiscoveredFiles> {
  // A folder outside cwd (`memocap scan ..`) is globbed from itself: tinyglobby loses the files under
  // cwd when a pattern starts with `../**`. The --include/--exclude globs are rebased to it.
  const globCwd = isWithinDirectory(context.cwd, dir) ? context.cwd : dir;
  const rebased = (globs: string[]) => (globCwd === context.cwd ? globs : rebaseGlobs(globs, context.cwd, globCwd));
  const relativeDir = toPosixPath(relative(globCwd, dir));
  const base = relativeDir === "" ? "" : `${escapePath(relativeDir)}/`;
  const links = linksAsFiles();
  const found = await glob([...(context.include ? rebased(context.include) : [`${base}${SOURCE_FILE_GLOB}`]), `${base}**/.gitignore`], {
    cwd: globCwd,
    absolute: true,
    dot: true,
    followSymbolicLinks: false,
    ignore: [...skippedDirectoryGlobs(relativeDir, base), ...rebased(context.exclude)],
    fs: { readdir: links.readdir },
  });
  const inside = found.map((file) => resolve(file)).filter((file) => isWithinDirectory(dir, file));
  const isGitignored = await loadGitignoreMatcher(
    dir,
    inside.filter((file) => basename(file) === ".gitignore" && !links.found.has(file)),
  );
  const isCandidate = (file: string) => isSourceFile(file) && !isMinifiedFile(file) && !isGitignored(file);
  const matchedLinks = new Set(inside.filter((file) => links.found.has(file)));
  // A link to a folder has no source-file name to match; without --include it may hide any file.
  const folderLinks = context.include ? [] : [...links.found].filter((link) => !matchedLinks.has(link) && !isGitignored(link));
  const root = isWithinDirectory(context.cwd, dir) ? context.root : await realpath(dir);
  return {
    files: inside.filter((file) => isCandidate(file) && !matchedLinks.has(file)),
    problems: await unfollowedSymlinkProblems([...matchedLinks].filter(isCandidate), folderLinks, root, context),
  };
}

/**
 * Links the crawl did not follow that hide files from it: a loop, or a way out of the root. `fileLinks`
 * passed every filter a source file passes; `folderLinks` count only when they lead to a folder that is
 * not excluded. A link that stays inside the root is silent: its target is processed where it lies.
 */
async function unfollowedSymlinkProblems(
  fileLinks: string[],
  folderLinks: string[],
  root: string,
  context: DiscoveryContext,
): Promise<FileProblem[]> {
  const problems: FileProblem[] = [];
  for (const link of fileLinks) {
    const { reason } = await inspectSymlink(link, root);
    if (reason) problems.push({ file: link, reason: `${reason} (not followed)` });
  }
  for (const link of folderLinks) {
    const { reason, isDirectory } = await inspectSymlink(link, root);
    if (!reason || !isDirectory) continue;
    if (context.exclude.length > 0 && (await matchesAnyGlob(link, context.exclude, context.cwd))) continue;
    problems.push({ file: link, reason: `${reason} (not followed)` });
  }
  return problems;
}

/**
 * Skipped folders are matched anywhere below the glob's cwd, so a broad --include does not crawl
 * node_modules either. When the searched directory itself lies in one (the user asked for it), they
 * are matched below that directory only.
 */
function skippedDirectoryGlobs(relativeDir: string, base: string): string[] {
  const anchorAtSearchedDir = relativeDir.split("/").some((segment) => SKIPPED_DIRECTORIES.includes(segment));
  const prefix = anchorAtSearchedDir ? base : "";
  return SKIPPED_DIRECTORIES.map((name) => `${prefix}**/${name}/**`);
}

/** Globs written relative to `from`, made relative to `to` (a `!` negation kept). */
function rebaseGlobs(globs: string[], from: string, to: string): string[] {
  const prefix = escapePath(toPosixPath(relative(to, from)));
  return globs.map((glob) => {
    const negated = glob.startsWith("!");
    const pattern = negated ? glob.slice(1) : glob;
    const rebased = posix.isAbsolute(pattern) ? pattern : posix.normalize(posix.join(prefix, pattern));
    return negated ? `!${rebased}` : rebased;
  });
}

async function passesFilters(file: string, context: DiscoveryContext): Promise<boolean> {
  if (context.include !== undefined && !(await matchesAnyGlob(file, context.include, context.cwd))) return false;
  return !(context.exclude.length > 0 && (await matchesAnyGlob(file, context.exclude, context.cwd)));
}

/**
 * tinyglobby has no matcher API: globbing for the file itself with `patterns` as the ignore list
 * comes back empty exactly when one of the patterns matches it.
 */
async function matchesAnyGlob(file: string, patterns: string[], cwd: string): Promise<boolean> {
  const kept = await glob([escapePath(toPosixPath(relative(cwd, file)))], {
    cwd,
    dot: true,
    expandDirectories: false,
    followSymbolicLinks: false,
    ignore: patterns,
    // A link, to a file or a folder, is matched by its own path, never followed.
    fs: { readdir: linksAsFiles().readdir },
  });
  return kept.length === 0;
}
