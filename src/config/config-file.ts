import { readFile, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { getNodeValue, parseTree, printParseErrorCode, type ParseError } from "jsonc-parser";
import { describeFsError } from "../files/fs-error.ts";
import { ConfigError } from "./config-error.ts";
import { CONFIGURABLE_LIBRARIES } from "./library-names.ts";
import { transformSelectionProblem } from "./transform-names.ts";

export const CONFIG_FILE_NAME = "memocap.config.json";
const PACKAGE_JSON = "package.json";
const PACKAGE_KEY = "memocap";

// Kept in its own module so that the CLI can recognise it without loading the configuration code.
export { ConfigError };

/** `overrides: [{ files: ["src/hot/**"], max: 2000 }]`: a bound for the files matching the globs. */
export interface MaxOverride {
  files: string[];
  max: number;
}

/** `libraries: { "lodash": { "max": 1000 }, "moize": { "rewrite": false } }`: options for one library's sites. */
export interface LibraryOptions {
  /** The bound for this library's sites (wins over `overrides` and `max`). */
  max?: number;
  /** false: its sites are reported but never rewritten (MC911). */
  rewrite?: boolean;
}

/** A memocap configuration and where it was read from. Globs are relative to `dir`. */
export interface MemocapConfig {
  /** memocap.config.json, or the package.json whose `memocap` key held it. */
  file: string;
  dir: string;
  max?: number;
  include?: string[];
  exclude?: string[];
  overrides: MaxOverride[];
  /** The transforms that may run, by name (default: all). */
  transforms?: string[];
  libraries?: Record<string, LibraryOptions>;
}

/**
 * The configuration for a folder: memocap.config.json, or a `memocap` key in package.json, in that
 * folder or the nearest folder above it that has one. The search stops at the top of the git work
 * tree (the folder holding `.git`) so that a checkout is not configured from outside it.
 */
export async function findConfig(startDir: string): Promise<MemocapConfig | undefined> {
  for (let dir = startDir; ; dir = dirname(dir)) {
    const configFile = join(dir, CONFIG_FILE_NAME);
    const text = await readIfExists(configFile);
    if (text !== undefined) return parseConfig(configFile, text, "file");
    const packageJson = join(dir, PACKAGE_JSON);
    const packageText = await readIfExists(packageJson);
    // A package.json that does not parse and does not mention memocap is no configuration: the run
    // goes on (fix reports it if it would add lru-cache to it). One that mentions it is a broken one.
    if (packageText !== undefined && (parsesAsJson(packageText) || packageText.includes(`"${PACKAGE_KEY}"`))) {
      const config = parseConfig(packageJson, packageText, "package.json");
      if (config) return config;
    }
    if (dirname(dir) === dir || (await exists(join(dir, ".git")))) return undefined;
  }
}

/** Reads and checks a configuration; a package.json without a `memocap` key gives undefined. */
export function parseConfig(file: string, text: string, kind: "file"): MemocapConfig;
export function parseConfig(file: string, text: string, kind: "package.json"): MemocapConfig | undefined;
export function parseConfig(file: string, source: string, kind: "file" | "package.json"): MemocapConfig | undefined {
  const text = source.replace(/^\uFEFF/, "");
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const [error] = errors;
  if (error || !tree) {
    const at = error ? ` at ${lineAndColumn(text, error.offset)}` : "";
    throw new ConfigError(file, `not valid JSON (${error ? printParseErrorCode(error.error) : "empty"}${at})`);
  }
  const document: unknown = getNodeValue(tree);
  if (kind === "package.json") {
    if (!isObject(document) || !(PACKAGE_KEY in document)) return undefined;
    return checkConfig(file, document[PACKAGE_KEY], `"${PACKAGE_KEY}"`);
  }
  return checkConfig(file, document, "the configuration");
}

function parsesAsJson(source: string): boolean {
  const errors: ParseError[] = [];
  const tree = parseTree(source.replace(/^\uFEFF/, ""), errors, { allowTrailingComma: false, disallowComments: true });
  return errors.length === 0 && tree !== undefined;
}

const KNOWN_KEYS = ["$schema", "max", "include", "exclude", "overrides", "transforms", "libraries"];

function checkConfig(file: string, value: unknown, what: string): MemocapConfig {
  const fail = (reason: string): never => {
    throw new ConfigError(file, reason);
  };
  if (!isObject(value)) return fail(`${what} must be an object`);
  const unknown = Object.keys(value).find((key) => !KNOWN_KEYS.includes(key));
  if (unknown !== undefined) fail(`unknown key "${unknown}" (known: ${KNOWN_KEYS.slice(1).join(", ")})`);
  const overrides = value.overrides === undefined ? [] : checkOverrides(value.overrides, fail);
  return {
    file,
    dir: dirname(file),
    max: value.max === undefined ? undefined : checkMax(value.max, "max", fail),
    include: value.include === undefined ? undefined : checkGlobs(value.include, "include", fail),
    exclude: value.exclude === undefined ? undefined : checkGlobs(value.exclude, "exclude", fail),
    overrides,
    ...(value.transforms !== undefined && { transforms: checkTransforms(value.transforms, fail) }),
    ...(value.libraries !== undefined && { libraries: checkLibraries(value.libraries, fail) }),
  };
}

function checkTransforms(value: unknown, fail: (reason: string) => never): string[] {
  if (!Array.isArray(value) || !value.every((name) => typeof name === "string")) return fail(`"transforms" must be a list of transform names (memocap transforms lists them)`);
  const problem = transformSelectionProblem(value);
  return problem === undefined ? value : fail(`"transforms": ${problem}`);
}

function checkLibraries(value: unknown, fail: (reason: string) => never): Record<string, LibraryOptions> {
  if (!isObject(value)) return fail(`"libraries" must be an object: { "<library>": { "max": N, "rewrite": false } }`);
  const libraries: Record<string, LibraryOptions> = {};
  for (const [library, options] of Object.entries(value)) {
    const where = `libraries.${library}`;
    if (!CONFIGURABLE_LIBRARIES.includes(library)) fail(`unknown library "${library}" in "libraries" (known: ${CONFIGURABLE_LIBRARIES.join(", ")})`);
    if (!isObject(options)) return fail(`"${where}" must be an object with "max" and/or "rewrite"`);
    const unknown = Object.keys(options).find((key) => key !== "max" && key !== "rewrite");
    if (unknown !== undefined) fail(`unknown key "${unknown}" in "${where}" (known: max, rewrite)`);
    if (options.rewrite !== undefined && typeof options.rewrite !== "boolean") fail(`"${where}.rewrite" must be true or false (got ${JSON.stringify(options.rewrite)})`);
    libraries[library] = {
      ...(options.max !== undefined && { max: checkMax(options.max, `${where}.max`, fail) }),
      ...(options.rewrite !== undefined && { rewrite: options.rewrite as boolean }),
    };
  }
  return libraries;
}

function checkOverrides(value: unknown, fail: (reason: string) => never): MaxOverride[] {
  if (!Array.isArray(value)) return fail(`"overrides" must be a list of { "files": [...], "max": N }`);
  return value.map((entry: unknown, index) => {
    const where = `overrides[${index}]`;
    if (!isObject(entry)) return fail(`"${where}" must be an object with "files" and "max"`);
    const unknown = Object.keys(entry).find((key) => key !== "files" && key !== "max");
    if (unknown !== undefined) fail(`unknown key "${unknown}" in "${where}" (known: files, max)`);
    if (entry.files === undefined || entry.max === undefined) fail(`"${where}" needs both "files" and "max"`);
    return { files: checkGlobs(entry.files, `${where}.files`, fail), max: checkMax(entry.max, `${where}.max`, fail) };
  });
}

function checkMax(value: unknown, name: string, fail: (reason: string) => never): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) return fail(`"${name}" must be a whole number of at least 1 (got ${JSON.stringify(value)})`);
  return value;
}

function checkGlobs(value: unknown, name: string, fail: (reason: string) => never): string[] {
  const globs = typeof value === "string" ? [value] : value;
  if (!Array.isArray(globs) || globs.length === 0 || !globs.every((glob) => typeof glob === "string" && glob.trim() !== "")) {
    return fail(`"${name}" must be a glob or a non-empty list of globs`);
  }
  return globs as string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return `${line}:${offset - before.lastIndexOf("\n")}`;
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw new ConfigError(file, `cannot be read: ${describeFsError(error)}`);
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
