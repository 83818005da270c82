import { readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { glob } from "tinyglobby";
import { parse as parseYaml } from "yaml";
import { describeFsError, hasErrorCode } from "../files/fs-error.ts";
import { OptionError } from "../option-error.ts";

/**
 * The package folders of the workspace whose root folder is `root` (absolute, sorted): the globs of
 * pnpm-workspace.yaml's `packages`, else of package.json's `workspaces` (npm and yarn: a list, or
 * yarn's `{ "packages": [...] }`); a glob led by `!` excludes. A folder counts when it holds a
 * package.json; node_modules is never searched. The root package itself is not one of them unless a
 * glob names it. Throws an OptionError when `root` is no workspace root or lists no package.
 */
export async function workspacePackages(root: string, cwd: string = process.cwd()): Promise<string[]> {
  const dir = resolve(cwd, root);
  const shown = relative(cwd, dir) || ".";
  const declared = (await pnpmWorkspaceGlobs(dir, shown)) ?? (await packageJsonWorkspaceGlobs(dir, shown));
  if (!declared) throw new OptionError(`--workspaces: ${shown} is not a workspace root (no pnpm-workspace.yaml with "packages", no "workspaces" in package.json)`);
  const patterns = declared.globs.map((pattern) => {
    const negated = pattern.startsWith("!");
    const folder = (negated ? pattern.slice(1) : pattern).replace(/\/+$/, "") || ".";
    return `${negated ? "!" : ""}${folder}/package.json`;
  });
  const found = await glob(patterns, { cwd: dir, absolute: true, ignore: ["**/node_modules/**"], followSymbolicLinks: false, expandDirectories: false });
  const packages = [...new Set(found.map((packageJson) => dirname(resolve(packageJson))))].sort();
  if (packages.length === 0) throw new OptionError(`--workspaces: ${join(shown, declared.file)} lists no package folder that holds a package.json`);
  return packages;
}

/** Every package of the workspaces rooted at `roots`, without duplicates, in order. */
export async function workspaceRoots(roots: readonly string[], cwd: string): Promise<string[]> {
  const packages = new Set<string>();
  for (const root of roots) for (const dir of await workspacePackages(root, cwd)) packages.add(dir);
  return [...packages];
}

interface WorkspaceGlobs {
  /** The file that declared them, relative to the root. */
  file: string;
  globs: string[];
}

async function pnpmWorkspaceGlobs(dir: string, shown: string): Promise<WorkspaceGlobs | undefined> {
  const file = "pnpm-workspace.yaml";
  const text = await readIfExists(join(dir, file), join(shown, file));
  if (text === undefined) return undefined;
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new OptionError(`--workspaces: ${join(shown, file)}: not valid YAML (${firstLine(error)})`);
  }
  const packages = isObject(document) ? document.packages : undefined;
  if (packages === undefined) return undefined;
  return { file, globs: checkGlobs(packages, join(shown, file), '"packages"') };
}

async function packageJsonWorkspaceGlobs(dir: string, shown: string): Promise<WorkspaceGlobs | undefined> {
  const file = "package.json";
  const text = await readIfExists(join(dir, file), join(shown, file));
  if (text === undefined) return undefined;
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new OptionError(`--workspaces: ${join(shown, file)}: not valid JSON (${firstLine(error)})`);
  }
  const workspaces = isObject(document) ? document.workspaces : undefined;
  if (workspaces === undefined) return undefined;
  // yarn also takes { "packages": [...], "nohoist": [...] }.
  const globs = isObject(workspaces) ? workspaces.packages : workspaces;
  return { file, globs: checkGlobs(globs, join(shown, file), '"workspaces"') };
}

function checkGlobs(value: unknown, file: string, key: string): string[] {
  if (!Array.isArray(value) || !value.every((glob) => typeof glob === "string" && glob.trim() !== "")) {
    throw new OptionError(`--workspaces: ${file}: ${key} must be a list of globs`);
  }
  return value as string[];
}

async function readIfExists(file: string, shown: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if (hasErrorCode(error, "ENOENT") || hasErrorCode(error, "ENOTDIR")) return undefined;
    throw new OptionError(`--workspaces: cannot read ${shown}: ${describeFsError(error)}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}
