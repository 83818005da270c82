import { realpath, stat } from "node:fs/promises";
import { basename, relative, resolve } from "node:path";
import { escapePath, glob } from "tinyglobby";
import { SOURCE_EXTENSIONS, isMinifiedFile, isSourceFile } from "./extensions.ts";
import { describeFsError } from "./fs-error.ts";
import { loadGitignoreMatcher } from "./gitignore.ts";
import { isWithinDirectory, toPosixPath } from "./paths.ts";
import type { FileProblem } from "./problem.ts";

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
    include: options.include !== undefined && options.include.length > 0 ? options.include : undefined,
    exclude: options.exclude ?? [],
  };
  const requested = paths.length > 0 ? paths : ["."];
  const targets = await Promise.all(requested.map((path) => classifyPath(resolve(cwd, path), cwd, root)));

  const found = await Promise.all(targets.map((target) => filesForTarget(target, context)));
  const files = new Set(found.flat());
  const problems = targets.flatMap((target) => (target.kind === "problem" ? [target.problem] : []));
  return { files: [...files].sort(), problems };
}

async function filesForTarget(target: PathTarget, context: DiscoveryContext): Promise<string[]> {
  if (target.kind === "directory") return findSourceFilesIn(target.path, context);
  // Named files are taken even when gitignored or inside a skipped folder: the user asked for them.
  if (target.kind === "file" && isSourceFile(target.path) && (await passesFilters(target.path, context))) {
    return [target.path];
  }
  return [];
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

async function findSourceFilesIn(dir: string, context: DiscoveryContext): Promise<string[]> {
  const relativeDir = toPosixPath(relative(context.cwd, dir));
  const base = relativeDir === "" ? "" : `${escapePath(relativeDir)}/`;
  const found = await glob([...(context.include ?? [`${base}${SOURCE_FILE_GLOB}`]), `${base}**/.gitignore`], {
    cwd: context.cwd,
    absolute: true,
    dot: true,
    followSymbolicLinks: false,
    ignore: [...skippedDirectoryGlobs(relativeDir, base), ...context.exclude],
  });
  const inside = found.map((file) => resolve(file)).filter((file) => isWithinDirectory(dir, file));
  const isGitignored = await loadGitignoreMatcher(
    dir,
    inside.filter((file) => basename(file) === ".gitignore"),
  );
  return inside.filter((file) => isSourceFile(file) && !isMinifiedFile(file) && !isGitignored(file));
}

/**
 * Skipped folders are matched anywhere below cwd, so a broad --include does not crawl node_modules either.
 * When the searched directory itself lies in one (the user asked for it) or outside cwd, they are
 * matched below that directory only.
 */
function skippedDirectoryGlobs(relativeDir: string, base: string): string[] {
  const segments = relativeDir.split("/");
  const anchorAtSearchedDir = segments[0] === ".." || segments.some((segment) => SKIPPED_DIRECTORIES.includes(segment));
  const prefix = anchorAtSearchedDir ? base : "";
  return SKIPPED_DIRECTORIES.map((name) => `${prefix}**/${name}/**`);
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
    followSymbolicLinks: true,
    ignore: patterns,
  });
  return kept.length === 0;
}
