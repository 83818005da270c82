import { readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import semver from "semver";

/** The version of a library a file will run with, as far as the files on disk tell. */
export interface InstalledVersion {
  version: string;
  major: number;
  minor: number;
  /** Where it was read: the installed package, a lockfile, or the range a package.json declares (its lowest version). */
  source: "node_modules" | "lockfile" | "package.json";
}

/** `library` as seen from `file`; undefined when nothing on disk says. */
export type VersionLookup = (library: string, file: string) => InstalledVersion | undefined;

const LOCKFILES = ["package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml", "yarn.lock"] as const;
const DEPENDENCY_SECTIONS = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"] as const;

interface Found<T> {
  dir: string;
  value: T;
}

/**
 * A lookup that reads the file system, caching every answer per directory (and every file it reads),
 * so that a scan of a large tree reads each package.json and lockfile once.
 *
 * Order: the copy Node would load (`node_modules/<lib>/package.json`, walking up from the file); but when
 * a package.json closer to the file declares the library with a range that copy does not satisfy, that
 * package's own install is missing or stale, so its lockfile entry is used, else its declared range.
 */
export function createVersionLookup(): VersionLookup {
  const files = new FileCache();
  const installedIn = new Map<string, Found<string> | undefined>();
  const declaredIn = new Map<string, Found<string> | undefined>();
  const answers = new Map<string, InstalledVersion | undefined>();

  /** Nearest `dir/node_modules/<lib>/package.json` at or above `dir`. */
  const installed = (library: string, dir: string): Found<string> | undefined =>
    walkUp(installedIn, library, dir, (candidate) => {
      const version = files.json(join(candidate, "node_modules", library, "package.json"))?.version;
      return typeof version === "string" ? version : undefined;
    });

  /** Nearest package.json at or above `dir` that declares `library`, with its range. */
  const declared = (library: string, dir: string): Found<string> | undefined =>
    walkUp(declaredIn, library, dir, (candidate) => declaredRange(files.json(join(candidate, "package.json")), library));

  return (library, file) => {
    const dir = dirname(resolve(file));
    const key = `${library}\0${dir}`;
    if (!answers.has(key)) answers.set(key, lookUp(library, dir));
    return answers.get(key);
  };

  function lookUp(library: string, dir: string): InstalledVersion | undefined {
    const copy = installed(library, dir);
    const owner = declared(library, dir);
    const ownerIsCloser = owner !== undefined && copy !== undefined && owner.dir !== copy.dir && isInside(owner.dir, copy.dir);
    if (copy && !(ownerIsCloser && !satisfiesRange(copy.value, owner.value))) return versionOf(copy.value, "node_modules");
    const locked = lockedVersion(files, library, dir, owner);
    if (locked) return versionOf(locked, "lockfile");
    const lowest = owner && semver.validRange(owner.value) ? semver.minVersion(owner.value)?.version : undefined;
    if (lowest) return versionOf(lowest, "package.json");
    return copy ? versionOf(copy.value, "node_modules") : undefined;
  }
}

function walkUp<T>(memo: Map<string, Found<T> | undefined>, library: string, dir: string, probe: (dir: string) => T | undefined): Found<T> | undefined {
  const key = `${library}\0${dir}`;
  if (memo.has(key)) return memo.get(key);
  const value = probe(dir);
  const parent = dirname(dir);
  const found = value !== undefined ? { dir, value } : parent === dir ? undefined : walkUp(memo, library, parent, probe);
  memo.set(key, found);
  return found;
}

function declaredRange(pkg: Record<string, unknown> | undefined, library: string): string | undefined {
  for (const section of DEPENDENCY_SECTIONS) {
    const deps = pkg?.[section];
    const spec = deps && typeof deps === "object" ? (deps as Record<string, unknown>)[library] : undefined;
    if (typeof spec === "string") return rangeOfSpec(spec);
  }
  return undefined;
}

/** `npm:micro-memoize@4.2.0` → `4.2.0`; `workspace:^1.0.0` → `^1.0.0`. */
function rangeOfSpec(spec: string): string {
  if (spec.startsWith("npm:")) return spec.slice(spec.lastIndexOf("@") + 1);
  if (spec.startsWith("workspace:")) return spec.slice("workspace:".length);
  return spec;
}

/** The version the nearest lockfile pins for `library`, for the package that declares it when there is one. */
function lockedVersion(files: FileCache, library: string, dir: string, owner: Found<string> | undefined): string | undefined {
  for (let current = owner?.dir ?? dir; ; current = dirname(current)) {
    for (const name of LOCKFILES) {
      const path = join(current, name);
      if (!files.exists(path)) continue;
      const packagePath = owner ? relative(current, owner.dir).split(sep).join("/") : "";
      const versions = name.endsWith(".json")
        ? npmLockVersions(files.json(path), library, packagePath)
        : (name === "yarn.lock" ? yarnLockVersions : pnpmLockVersions)(files.text(path) ?? "", library);
      return pick(versions, owner?.value);
    }
    if (dirname(current) === current) return undefined;
  }
}

/** package-lock v2/v3 `packages` (the package's own nested copy first, then the hoisted one), or v1 `dependencies`. */
function npmLockVersions(lock: Record<string, unknown> | undefined, library: string, packagePath: string): string[] {
  const packages = lock?.packages as Record<string, { version?: unknown }> | undefined;
  if (packages) {
    // A lockfile above the package holds its dependencies only when the package is one of its workspaces.
    if (packagePath && !packages[packagePath]) return [];
    const keys = packagePath ? [`${packagePath}/node_modules/${library}`, `node_modules/${library}`] : [`node_modules/${library}`];
    return keys.map((key) => packages[key]?.version).filter((version): version is string => typeof version === "string");
  }
  const version = (lock?.dependencies as Record<string, { version?: unknown }> | undefined)?.[library]?.version;
  return typeof version === "string" ? [version] : [];
}

/** yarn.lock v1 (`version "4.2.0"`) and berry (`version: 4.2.0`): the versions of every entry for `library`. */
function yarnLockVersions(text: string, library: string): string[] {
  const versions: string[] = [];
  let inEntry = false;
  for (const line of text.split(/\r?\n/)) {
    if (line && !/^\s/.test(line) && line.endsWith(":")) {
      inEntry = line
        .slice(0, -1)
        .split(",")
        .some((spec) => packageNameOfSpec(spec.trim().replace(/^"|"$/g, "")) === library);
    } else if (inEntry) {
      const version = /^\s+version:?\s+"?([^"\s]+)"?/.exec(line)?.[1];
      if (version) {
        versions.push(version);
        inEntry = false;
      }
    }
  }
  return versions;
}

function packageNameOfSpec(spec: string): string {
  const at = spec.indexOf("@", spec.startsWith("@") ? 1 : 0);
  return at === -1 ? spec : spec.slice(0, at);
}

/** pnpm-lock.yaml package keys: `/lib/1.2.3:` (v5), `/lib@1.2.3:` (v6), `lib@1.2.3:` (v9), peers in parentheses. */
function pnpmLockVersions(text: string, library: string): string[] {
  const name = library.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const key = new RegExp(`^ {2}['"]?/?${name}[@/](\\d[^:'"(\\s]*)`, "gm");
  return [...text.matchAll(key)].map((match) => match[1]!);
}

function pick(versions: string[], range: string | undefined): string | undefined {
  const valid = versions.filter((version) => semver.valid(version));
  if (valid.length === 0) return undefined;
  if (range && semver.validRange(range)) return semver.maxSatisfying(valid, range) ?? undefined;
  return semver.rsort([...valid])[0];
}

/** A range that is not semver (a tag, a git URL) cannot be judged: the installed copy is trusted. */
function satisfiesRange(version: string, range: string): boolean {
  return !semver.validRange(range) || semver.satisfies(version, range, { includePrerelease: true });
}

function isInside(dir: string, ancestor: string): boolean {
  const path = relative(ancestor, dir);
  return !path.startsWith("..") && !isAbsolute(path);
}

function versionOf(text: string, source: InstalledVersion["source"]): InstalledVersion | undefined {
  const parsed = semver.coerce(text);
  return parsed ? { version: parsed.version, major: parsed.major, minor: parsed.minor, source } : undefined;
}

class FileCache {
  private readonly texts = new Map<string, string | undefined>();
  private readonly jsons = new Map<string, Record<string, unknown> | undefined>();

  exists(path: string): boolean {
    return this.text(path) !== undefined;
  }

  text(path: string): string | undefined {
    if (!this.texts.has(path)) this.texts.set(path, readIfFile(path));
    return this.texts.get(path);
  }

  json(path: string): Record<string, unknown> | undefined {
    if (!this.jsons.has(path)) this.jsons.set(path, parseObject(this.text(path)));
    return this.jsons.get(path);
  }
}

function readIfFile(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? readFileSync(path, "utf8") : undefined;
  } catch {
    return undefined;
  }
}

function parseObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
