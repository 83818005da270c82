import { createHash } from "node:crypto";
import type { Analyser } from "../analysis/analyser.ts";
import type { Site } from "../analysis/site.ts";
import { describeFsError } from "../files/fs-error.ts";
import type { FileProblem } from "../files/problem.ts";
import { readSourceFile, restoreSourceText } from "../files/read.ts";
import { writeFileAtomically } from "../files/write.ts";
import { unifiedDiff } from "../report/diff.ts";
import { displayPath } from "../report/paths.ts";
import { analyseFiles, type RunOptions, type ScanResult } from "../scan.ts";
import { DependencyPlanner, type DependencyChange } from "./dependencies.ts";
import { uncommittedFiles, type UncommittedFile } from "./git-status.ts";
import type { SourceFormatter } from "./prettier.ts";
import { rewriteFile } from "./rewrite-file.ts";
import { RewriteVerifier } from "./verify.ts";

export interface FixOptions extends RunOptions {
  /** Write nothing; report what would change. */
  dry?: boolean;
  /** Also rewrite files that have uncommitted changes in git (by default `fix` refuses to touch them). */
  allowDirty?: boolean;
  /**
   * Type-check each rewritten file before and after its rewrite and leave a file whose rewrite adds
   * type errors as it was, reported with them (default true).
   */
  verify?: boolean;
  /**
   * Formats each rewritten file's text before it is written (and before the `--dry` diff): `fix
   * --prettier` gives the project's prettier (src/fix/prettier.ts). A file it fails on is left as it was.
   */
  format?: SourceFormatter;
  /** Stops the run between two files: every file is then either as it was or completely rewritten. */
  signal?: AbortSignal;
  /**
   * Told of each rewritten file as soon as it is written (with `dry`, as soon as it would be), with
   * both texts: a caller that prints diffs need not wait for the end, and nothing holds every text.
   */
  onChange?: (change: FileChange & { before: string; after: string }) => void;
}

export interface FileChange {
  file: string;
  rewritten: Site[];
  /** Unified diff of the file (3 lines of context, `a/` `b/` headers relative to cwd). */
  diff: string;
}

export interface FixResult extends ScanResult {
  changes: FileChange[];
  dependencyChanges: DependencyChange[];
  /** Sites rewritten (with `dry`, that would be). */
  rewritten: Site[];
  /** `signal` stopped the run before every file was rewritten. */
  interrupted: boolean;
}

/**
 * `fix` would rewrite files whose contents git could not give back (or could not tell); nothing was
 * written. `files` lists them with git's short status; it is empty when git itself failed.
 */
export class UncommittedChangesError extends Error {
  constructor(
    message: string,
    readonly files: UncommittedFile[],
  ) {
    super(message);
  }
}

/** A file the scan found sites to rewrite in, as the write pass needs it: no text is held. */
interface PlannedFile {
  file: string;
  sites: Site[];
  /** Of the bytes the sites were found in: the write pass rewrites only those bytes. */
  digest: string;
  analyser: Analyser;
}

/**
 * Scans, then rewrites the files with unbounded sites one at a time, and adds lru-cache where a
 * rewrite needs it. Two passes, so that nothing is written before the run knows every file it will
 * touch (and can refuse a dirty git work tree), and so that no file's text is held past its turn.
 */
export async function fix(options: FixOptions = {}): Promise<FixResult> {
  const dependencies = new DependencyPlanner();
  const planned: PlannedFile[] = [];

  const scanned = await analyseFiles(options, async ({ file, source, sites }, analyser) => {
    if (!sites.some(isRewrite)) return;
    if (sites.some(needsLruCache)) {
      const packageState = await dependencies.check(file);
      if (packageState.kind === "incompatible") holdBack(sites, packageState.reason);
    }
    if (sites.some(isRewrite)) planned.push({ file, sites, digest: digestOf(source.originalBytes), analyser });
  });

  const result: FixResult = { ...scanned, changes: [], dependencyChanges: [], rewritten: [], interrupted: false };
  if (options.signal?.aborted) return { ...result, interrupted: true };
  if (!options.dry && !options.allowDirty) await refuseUncommittedChanges(planned, dependencies);

  const problems: FileProblem[] = [];
  const verifier = options.verify === false ? undefined : new RewriteVerifier();
  for (const entry of planned) {
    if (options.signal?.aborted) {
      result.interrupted = true;
      break;
    }
    const outcome = await rewritePlannedFile(entry, options, verifier);
    if ("problem" in outcome) {
      problems.push(outcome.problem);
      continue;
    }
    if (!outcome.change) continue;
    options.onChange?.(outcome.change);
    const { file, rewritten, diff } = outcome.change;
    result.changes.push({ file, rewritten, diff });
    result.rewritten.push(...rewritten);
    if (rewritten.some(needsLruCache)) dependencies.require(file);
  }

  // Also after an interruption: the files already rewritten need lru-cache to run.
  const dependencyResult = await dependencies.apply({ dry: Boolean(options.dry) });
  result.problems = [...scanned.problems, ...problems, ...dependencyResult.problems];
  result.dependencyChanges = dependencyResult.changes;
  return result;
}

type Outcome = { problem: FileProblem } | { change?: FileChange & { before: string; after: string } };

async function rewritePlannedFile({ file, sites, digest, analyser }: PlannedFile, options: FixOptions, verifier: RewriteVerifier | undefined): Promise<Outcome> {
  const read = await readSourceFile(file, { maxBytes: options.maxFileSize });
  if (!read.ok) {
    const deleted = read.problem.reason === describeFsError({ code: "ENOENT" });
    return { problem: deleted ? { file, reason: "deleted since it was read" } : read.problem };
  }
  const { source } = read;
  if (digestOf(source.originalBytes) !== digest) return { problem: { file, reason: "changed since it was read" } };

  let rewrite;
  try {
    rewrite = await rewriteFile(file, source.text, sites, analyser);
  } catch (error) {
    return { problem: { file, reason: (error as Error).message.split("\n")[0] ?? "rewrite failed" } };
  }
  if (rewrite.rewritten.length === 0) return {};
  let added;
  try {
    added = verifier?.addedDiagnostics(file, source.text, rewrite.output) ?? [];
  } catch (error) {
    return { problem: { file, reason: `rewrite not verified, file left unchanged: the type checker failed (${firstLine(error)}); --no-verify rewrites it` } };
  }
  if (added.length > 0) {
    const errors = added.length === 1 ? "a type error" : `${added.length} type errors`;
    return { problem: { file, reason: `rewrite rolled back: it would add ${errors} (line:column in the rewritten text)`, diagnostics: added } };
  }
  let output = rewrite.output;
  try {
    if (options.format) output = await options.format(file, output);
  } catch (error) {
    return { problem: { file, reason: `formatting failed, file left unchanged: ${firstLine(error)}` } };
  }
  if (!options.dry) {
    const problem = await writeFileAtomically(file, restoreSourceText(output, source), source.originalBytes);
    if (problem) return { problem };
  }
  const diff = unifiedDiff(displayPath(options.cwd ?? process.cwd(), file), source.text, output);
  return { change: { file, rewritten: rewrite.rewritten, diff, before: source.text, after: output } };
}

/** Refuses, before anything is written, when a file the run would write holds work git could not restore. */
async function refuseUncommittedChanges(planned: PlannedFile[], dependencies: DependencyPlanner): Promise<void> {
  const sourceFiles = planned.map((entry) => entry.file);
  const needingLruCache = planned.filter((entry) => entry.sites.some(needsLruCache)).map((entry) => entry.file);
  const touched = [...sourceFiles, ...(await dependencies.packageJsonsToChange(needingLruCache))];
  let uncommitted: UncommittedFile[];
  try {
    uncommitted = await uncommittedFiles(touched);
  } catch (error) {
    throw new UncommittedChangesError(`${(error as Error).message}; cannot tell whether rewriting would lose uncommitted work`, []);
  }
  if (uncommitted.length > 0) {
    const count = uncommitted.length === 1 ? "1 file" : `${uncommitted.length} files`;
    throw new UncommittedChangesError(`${count} that fix would rewrite ${uncommitted.length === 1 ? "has" : "have"} uncommitted changes or ${uncommitted.length === 1 ? "is" : "are"} not tracked by git`, uncommitted);
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

function digestOf(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("base64");
}

function isRewrite(site: Site): boolean {
  return site.verdict === "rewrite";
}

function needsLruCache(site: Site): boolean {
  return site.verdict === "rewrite" && Boolean(site.needsLruCache);
}

/** The package cannot take lru-cache's named export: leave its LRUCache rewrites for a person. */
function holdBack(sites: Site[], reason: string): void {
  for (const site of sites) {
    if (site.verdict !== "rewrite" || !site.needsLruCache) continue;
    site.verdict = "skip";
    site.code = "MC903";
    site.message = `${site.message}; left: ${reason}`;
    delete site.plan;
  }
}
