import { stat } from "node:fs/promises";
import path from "node:path";
import { applyEdits, modify } from "jsonc-parser";
import semver from "semver";

/** The range memocap adds: v10 introduced the named `LRUCache` export the rewrites import. */
export const LRU_CACHE_RANGE = "^11.0.0";

export type DependencyPlan =
  | { kind: "present"; section: string; range: string }
  | { kind: "add"; newText: string }
  | { kind: "incompatible"; section: string; range: string; reason: string }
  | { kind: "invalid"; reason: string };

/** Sections whose packages are installed for consumers of the package, in the order they are checked. */
const RUNTIME_SECTIONS = ["dependencies", "peerDependencies", "optionalDependencies"] as const;
const DEPENDENCY_SECTIONS = [...RUNTIME_SECTIONS, "devDependencies"] as const;

type PackageJson = Record<string, unknown> & {
  [S in (typeof DEPENDENCY_SECTIONS)[number]]?: Record<string, unknown>;
};

const MIN_MAJOR_WHY: Record<string, string> = {
  "lru-cache": "for the named LRUCache export",
};

/**
 * Looks for package.json in the directory of `fromFile`, then in each parent.
 * `stopAt` is the last directory looked in (inclusive); without it the walk ends at the filesystem root.
 */
export async function findNearestPackageJson(fromFile: string, stopAt?: string): Promise<string | undefined> {
  const last = stopAt === undefined ? undefined : path.resolve(stopAt);
  let dir = path.dirname(path.resolve(fromFile));
  for (;;) {
    const candidate = path.join(dir, "package.json");
    if (await isFile(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (dir === last || parent === dir) return undefined;
    dir = parent;
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Decides what to do so that `name` is a runtime dependency of the package, and when something must be
 * added returns the whole new package.json text with the file's indent, line endings and final newline kept.
 */
export function planDependency(
  packageJsonText: string,
  name: string,
  range: string,
  minMajor = 10,
): DependencyPlan {
  const format = detectFormat(packageJsonText);
  const pkg = parsePackageJson(format.body);
  if (typeof pkg === "string") return { kind: "invalid", reason: pkg };

  const declared = DEPENDENCY_SECTIONS.flatMap((section) => {
    const value = pkg[section]?.[name];
    return value === undefined ? [] : [{ section, range: String(value) }];
  });

  // A dev entry counts too: for the package's own installs npm lets the devDependencies range win.
  const tooOld = declared.find((entry) => isBelowMajor(entry.range, minMajor));
  if (tooOld) {
    const why = MIN_MAJOR_WHY[name];
    return {
      kind: "incompatible",
      ...tooOld,
      reason: `${name} ${tooOld.range} is declared in ${tooOld.section}; memocap needs >=${minMajor}${why ? ` ${why}` : ""}`,
    };
  }

  const runtime = declared.find((entry) => entry.section !== "devDependencies");
  if (runtime) return { kind: "present", ...runtime };

  return { kind: "add", newText: format.bom + withEntry(format, pkg.dependencies, name, range) };
}

/** Returns the parsed object, or the reason it cannot be used. */
function parsePackageJson(body: string): PackageJson | string {
  let pkg: unknown;
  try {
    pkg = JSON.parse(body);
  } catch (error) {
    return `package.json does not parse: ${shortMessage(error)}`;
  }
  if (!isPlainObject(pkg)) return "package.json is not a JSON object";
  for (const section of DEPENDENCY_SECTIONS) {
    const deps = pkg[section];
    if (deps !== undefined && !isPlainObject(deps)) return `package.json "${section}" is not an object`;
  }
  return pkg as PackageJson;
}

function isBelowMajor(range: string, minMajor: number): boolean {
  // Tags ("latest"), git urls, file: and npm: specs are not semver ranges: nothing to judge, so accepted.
  if (semver.validRange(range) === null) return false;
  const min = semver.minVersion(range);
  return min !== null && min.major < minMajor;
}

/**
 * An edit of the text, not a re-serialisation, so that every other byte of the file stays as it was.
 * The new key goes in alphabetical position when the keys are already sorted (as npm keeps them),
 * else at the end; a missing "dependencies" section is appended at the end, as npm does.
 */
function withEntry(format: JsonFormat, deps: Record<string, unknown> | undefined, name: string, range: string): string {
  const keys = Object.keys(deps ?? {});
  const sorted = keys.every((key, i) => i === 0 || compareNames(keys[i - 1]!, key) <= 0);
  const insertAt = sorted ? keys.findIndex((key) => compareNames(key, name) > 0) : -1;
  const edits = modify(format.body, ["dependencies", name], range, {
    formattingOptions: { insertSpaces: !format.indent.includes("\t"), tabSize: format.indent.includes("\t") ? 1 : format.indent.length, eol: format.eol },
    // Called for the object that receives the new key: the package itself when "dependencies" is missing.
    getInsertionIndex: (properties) => (deps === undefined || insertAt === -1 ? properties.length : insertAt),
  });
  return applyEdits(format.body, edits);
}

function compareNames(a: string, b: string): number {
  return a.localeCompare(b, "en");
}

interface JsonFormat {
  body: string;
  bom: string;
  indent: string;
  eol: string;
}

function detectFormat(text: string): JsonFormat {
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const body = text.slice(bom.length);
  return {
    body,
    bom,
    // The first indented line shows the unit: one level deep is the top-level keys.
    indent: /^([ \t]+)\S/m.exec(body)?.[1] ?? "  ",
    eol: body.includes("\r\n") ? "\r\n" : "\n",
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function shortMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]!;
}
