import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { getNodeValue, parseTree, printParseErrorCode, type ParseError } from "jsonc-parser";
import { ConfigError } from "../config/config-file.ts";
import { describeFsError, hasErrorCode } from "../files/fs-error.ts";
import { findGitWorkTreeTop } from "../files/gitignore.ts";

export const BASELINE_FILE_NAME = "memocap-baseline.json";
export const BASELINE_VERSION = 1;

/** One accepted unbounded cache: `fingerprint` identifies it, the rest says what it is to a reader. */
export interface BaselineEntry {
  /** Relative to the baseline file's folder, with `/`. */
  file: string;
  library: string;
  code: string;
  name?: string;
  fingerprint: string;
  /** Why this cache may stay unbounded; required. */
  reason: string;
}

export interface BaselineFile {
  /** Absolute path of the file (which need not exist yet). */
  path: string;
  entries: BaselineEntry[];
}

const ENTRY_KEYS = new Set(["file", "library", "code", "name", "fingerprint", "reason"]);
const TOP_KEYS = new Set(["version", "entries"]);

/**
 * The baseline a run uses when `--baseline` is not given: memocap-baseline.json in `cwd`, else in
 * the nearest folder above it up to the top of the git work tree; undefined when there is none.
 */
export async function findBaselineFile(cwd: string): Promise<string | undefined> {
  const top = await findGitWorkTreeTop(cwd);
  for (let dir = cwd; ; dir = dirname(dir)) {
    const candidate = join(dir, BASELINE_FILE_NAME);
    if (await readText(candidate).then((text) => text !== undefined)) return candidate;
    if (dir === top || dirname(dir) === dir || top === undefined) return undefined;
  }
}

/** Reads and checks a baseline file; `undefined` when it does not exist. Anything wrong is a ConfigError (exit 2). */
export async function readBaselineFile(path: string): Promise<BaselineFile | undefined> {
  const text = await readText(path);
  return text === undefined ? undefined : parseBaseline(path, text);
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if (hasErrorCode(error, "ENOENT")) return undefined;
    throw new ConfigError(path, `cannot read the baseline: ${describeFsError(error)}`);
  }
}

export function parseBaseline(path: string, source: string): BaselineFile {
  const fail = (reason: string): never => {
    throw new ConfigError(path, reason);
  };
  const text = source.replace(/^\uFEFF/, "");
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const [error] = errors;
  if (error || !tree) return fail(`not valid JSON (${error ? printParseErrorCode(error.error) : "empty"})`);
  const document: unknown = getNodeValue(tree);
  if (!isObject(document)) return fail("a baseline must be an object with \"version\" and \"entries\"");
  const unknownKey = Object.keys(document).find((key) => !TOP_KEYS.has(key));
  if (unknownKey !== undefined) fail(`unknown key "${unknownKey}" (allowed: version, entries)`);
  if (document.version !== BASELINE_VERSION) fail(`"version" must be ${BASELINE_VERSION} (got ${JSON.stringify(document.version)})`);
  if (!Array.isArray(document.entries)) return fail('"entries" must be an array');

  const fingerprints = new Map<string, number>();
  const entries = document.entries.map((value: unknown, index: number): BaselineEntry => {
    const at = `entries[${index}]`;
    if (!isObject(value)) return fail(`${at} must be an object`);
    const described = `${at} (${describeRaw(value)})`;
    const unknown = Object.keys(value).find((key) => !ENTRY_KEYS.has(key));
    if (unknown !== undefined) fail(`${described}: unknown key "${unknown}"`);
    for (const key of ["file", "library", "code", "fingerprint"] as const) {
      if (typeof value[key] !== "string" || value[key] === "") fail(`${described}: "${key}" must be a non-empty string`);
    }
    if (value.name !== undefined && typeof value.name !== "string") fail(`${described}: "name" must be a string`);
    if (!/^MC\d{3}$/.test(value.code as string)) fail(`${described}: "code" must be a reason code such as MC101 (got ${JSON.stringify(value.code)})`);
    if (!/^[0-9a-f]{20}$/.test(value.fingerprint as string)) fail(`${described}: "fingerprint" must be 20 hex digits as memocap baseline writes it`);
    if (typeof value.reason !== "string" || value.reason.trim() === "") {
      fail(`${described}: "reason" must say why this cache may stay unbounded (a non-empty string)`);
    }
    const earlier = fingerprints.get(value.fingerprint as string);
    if (earlier !== undefined) fail(`${described}: the same fingerprint as entries[${earlier}]`);
    fingerprints.set(value.fingerprint as string, index);
    return {
      file: value.file as string,
      library: value.library as string,
      code: value.code as string,
      ...(value.name !== undefined && { name: value.name as string }),
      fingerprint: value.fingerprint as string,
      reason: value.reason as string,
    };
  });
  return { path, entries };
}

/** The file's text: entries sorted by file, then code, name and fingerprint, so that updates make small diffs. */
export function serializeBaseline(entries: readonly BaselineEntry[]): string {
  const sorted = [...entries].sort((a, b) => compare(a.file, b.file) || compare(a.code, b.code) || compare(a.name ?? "", b.name ?? "") || compare(a.fingerprint, b.fingerprint));
  const ordered = sorted.map((entry) => ({
    file: entry.file,
    library: entry.library,
    code: entry.code,
    ...(entry.name !== undefined && { name: entry.name }),
    fingerprint: entry.fingerprint,
    reason: entry.reason,
  }));
  return `${JSON.stringify({ version: BASELINE_VERSION, entries: ordered }, null, 2)}\n`;
}

/** `src/a.ts lodash MC101 priceFor`: how an entry is named in messages. */
export function describeEntry(entry: Pick<BaselineEntry, "file" | "library" | "code" | "name">): string {
  return [entry.file, entry.library, entry.code, entry.name].filter((part) => part !== undefined && part !== "").join(" ");
}

function describeRaw(value: Record<string, unknown>): string {
  const part = (key: string) => (typeof value[key] === "string" ? (value[key] as string) : undefined);
  return describeEntry({ file: part("file") ?? "?", library: part("library") ?? "?", code: part("code") ?? "?", name: part("name") });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
