import { readFile, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { isWithinDirectory } from "../files/paths.ts";
import { findNearestPackageJson } from "../fix/package-json.ts";

/**
 * A package of a run: the folder of a package.json, which is where `fix` adds lru-cache for the
 * files under it. A file belongs to the package of its nearest package.json; a file with none above
 * it belongs to the run's root (a path given to scan/fix) it was found under, a package without
 * package.json.
 */
export interface PackageInfo {
  /** Absolute. */
  dir: string;
  /** The package.json's `name`, when it has one. */
  name?: string;
  /** Absolute; absent for a root with no package.json above it. */
  packageJson?: string;
  /** The tsconfig.json type facts use for the package's top folder: in it, or the nearest above it. */
  tsconfig?: string;
}

/**
 * The packages of a run: the package of each root, and of each file that has something to report
 * (a site, a problem). Sorted by folder. `packageOf` then finds every such file's package.
 */
export async function resolvePackages(roots: readonly string[], files: Iterable<string>): Promise<PackageInfo[]> {
  const packageJsonOfDirectory = new Map<string, Promise<string | undefined>>();
  const nearest = (directory: string) => {
    let found = packageJsonOfDirectory.get(directory);
    if (!found) packageJsonOfDirectory.set(directory, (found = findNearestPackageJson(join(directory, "package.json"))));
    return found;
  };
  const packageJsons = new Set<string>();
  const rootsWithoutPackage = new Set<string>();
  for (const root of roots) {
    const directory = await folderOf(root);
    const packageJson = await nearest(directory);
    if (packageJson) packageJsons.add(packageJson);
    else rootsWithoutPackage.add(directory);
  }
  for (const file of new Set(files)) {
    const packageJson = await nearest(dirname(file));
    if (packageJson) packageJsons.add(packageJson);
  }
  const packages: PackageInfo[] = [...rootsWithoutPackage].map((dir) => ({ dir }));
  for (const packageJson of packageJsons) {
    const dir = dirname(packageJson);
    const name = await packageName(packageJson);
    packages.push({ dir, ...(name !== undefined && { name }), packageJson });
  }
  for (const info of packages) {
    const tsconfig = await nearestTsconfig(info.dir);
    if (tsconfig) info.tsconfig = tsconfig;
  }
  return packages.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}

/** The package a file belongs to: the one with the deepest folder that holds it. */
export function packageOf(file: string, packages: readonly PackageInfo[]): PackageInfo | undefined {
  let best: PackageInfo | undefined;
  for (const info of packages) {
    if (isWithinDirectory(info.dir, file) && (!best || info.dir.length > best.dir.length)) best = info;
  }
  return best;
}

/** A folder stands for itself; a file (or a path that does not exist) for its folder. */
async function folderOf(path: string): Promise<string> {
  const isDirectory = await stat(path).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
  return isDirectory ? path : dirname(path);
}

async function packageName(packageJson: string): Promise<string | undefined> {
  try {
    const document: unknown = JSON.parse((await readFile(packageJson, "utf8")).replace(/^\uFEFF/, ""));
    const name = typeof document === "object" && document !== null ? (document as { name?: unknown }).name : undefined;
    return typeof name === "string" && name !== "" ? name : undefined;
  } catch {
    // A package.json that cannot be read or parsed still marks a package; fix reports it if it must edit it.
    return undefined;
  }
}

async function nearestTsconfig(directory: string): Promise<string | undefined> {
  for (let dir = directory; ; dir = dirname(dir)) {
    const candidate = join(dir, "tsconfig.json");
    if (await stat(candidate).then((stats) => stats.isFile(), () => false)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}
