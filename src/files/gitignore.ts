import { lstat, readFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import ignore from "ignore";
import { isStrictlyWithinDirectory, toPosixPath } from "./paths.ts";

interface IgnoreLevel {
  dir: string;
  rules: ignore.Ignore;
}

/** The nearest ancestor of `dir` (itself included) that holds a `.git` entry: the git work-tree top. */
export async function findGitWorkTreeTop(dir: string): Promise<string | undefined> {
  for (let current = dir; ; current = dirname(current)) {
    if (await exists(join(current, ".git"))) return current;
    if (dirname(current) === current) return undefined;
  }
}

/**
 * Builds a predicate telling whether a file under `searchDir` is ignored the way git would see it:
 * the .gitignore files from the work-tree top (or `searchDir` outside a work tree) down to `searchDir`,
 * plus `nestedGitignoreFiles` found inside it, each applied relative to its own directory.
 * Deeper files override shallower ones, and nothing inside an ignored directory can be re-included.
 */
export async function loadGitignoreMatcher(
  searchDir: string,
  nestedGitignoreFiles: readonly string[],
): Promise<(file: string) => boolean> {
  const top = (await findGitWorkTreeTop(searchDir)) ?? searchDir;
  const ruleDirs = new Set([
    ...directoriesFromTop(top, searchDir),
    ...nestedGitignoreFiles.map((file) => dirname(file)),
  ]);
  const loaded = await Promise.all([...ruleDirs].map((dir) => loadIgnoreLevel(dir, dir === top)));
  const levels = loaded.filter((level) => level !== undefined).sort((a, b) => depth(a.dir) - depth(b.dir));
  if (levels.length === 0) return () => false;

  // `test` also says "ignored" when its own level ignores a parent folder, so a deeper .gitignore that
  // re-includes a folder (`!gen/`) does not bring its files back as git would: the safe side for a codemod.
  const isExcludedByRules = (path: string, isDirectory: boolean): boolean => {
    let excluded = false;
    for (const level of levels) {
      if (!isStrictlyWithinDirectory(level.dir, path)) continue;
      const result = level.rules.test(toPosixPath(relative(level.dir, path)) + (isDirectory ? "/" : ""));
      if (result.ignored) excluded = true;
      else if (result.unignored) excluded = false;
    }
    return excluded;
  };

  const ignoredDirectories = new Map<string, boolean>();
  const isDirectoryIgnored = (dir: string): boolean => {
    if (!isStrictlyWithinDirectory(top, dir)) return false;
    let ignored = ignoredDirectories.get(dir);
    if (ignored === undefined) {
      ignored = isDirectoryIgnored(dirname(dir)) || isExcludedByRules(dir, true);
      ignoredDirectories.set(dir, ignored);
    }
    return ignored;
  };

  return (file) => isDirectoryIgnored(dirname(file)) || isExcludedByRules(file, false);
}

async function loadIgnoreLevel(dir: string, isTop: boolean): Promise<IgnoreLevel | undefined> {
  // .git/info/exclude holds the repository's private ignore rules; .gitignore at the top overrides them.
  const texts = await Promise.all([
    isTop ? readTextOrEmpty(join(dir, ".git", "info", "exclude")) : "",
    readTextOrEmpty(join(dir, ".gitignore")),
  ]);
  const text = texts.join("\n");
  if (text.trim() === "") return undefined;
  // Like git's core.ignoreCase, which `git init` turns on for the case-insensitive file systems of these.
  const ignorecase = process.platform === "win32" || process.platform === "darwin";
  return { dir, rules: ignore({ ignorecase }).add(text) };
}

function directoriesFromTop(top: string, dir: string): string[] {
  const directories = [dir];
  for (let current = dir; isStrictlyWithinDirectory(top, current); ) {
    current = dirname(current);
    directories.push(current);
  }
  return directories;
}

async function readTextOrEmpty(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch {
    return "";
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

function depth(dir: string): number {
  return dir.split(sep).length;
}
