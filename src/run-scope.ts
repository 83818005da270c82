import { resolve } from "node:path";
import type { Site } from "./analysis/site.ts";
import { Baseline } from "./baseline/baseline.ts";
import { findBaselineFile, readBaselineFile } from "./baseline/baseline-file.ts";
import { findChangeSet, type ChangeRequest, type ChangeSet } from "./git/changed-files.ts";
import { OptionError } from "./option-error.ts";
import type { BaselineReport } from "./report/json.ts";
import { displayPath } from "./report/paths.ts";
import type { RunOptions, ScanResult } from "./scan.ts";

export interface ScopeRequest {
  cwd: string;
  /** `--baseline FILE`: this file, which must exist; else memocap-baseline.json found from cwd upward, if any. */
  baseline?: string;
  /** false: no baseline at all. */
  useBaseline?: boolean;
  /** `--since REF` / `--staged`. */
  changes?: ChangeRequest;
  /** The run's paths: git is asked about the work tree of the first. */
  paths?: readonly string[];
}

/** What limits and marks a `scan` or `fix` run: a baseline, a change, and the run options they give. */
export interface RunScope {
  baseline?: Baseline;
  changes?: ChangeSet;
  runOptions: Pick<RunOptions, "fileFilter" | "annotateSites">;
}

/** Reads the baseline and asks git for the change, before any file is read. Errors are OptionError or ConfigError (exit 2). */
export async function prepareRunScope(request: ScopeRequest): Promise<RunScope> {
  const baseline = request.useBaseline === false ? undefined : await loadBaseline(request.cwd, request.baseline);
  const changes = request.changes ? await findChangeSet(request.changes, request.cwd, request.paths?.[0]) : undefined;
  const annotators = [baseline?.annotate, changes?.annotate].filter((annotate) => annotate !== undefined);
  // Only the options that apply: spread over the caller's, an undefined one would replace theirs.
  const runOptions: RunScope["runOptions"] = {};
  if (baseline || changes) {
    runOptions.fileFilter = (file) => {
      if (changes && !changes.includes(file)) return false;
      baseline?.noteScanned(file);
      return true;
    };
    runOptions.annotateSites = (file: string, text: string, sites: Site[]) => annotators.forEach((annotate) => annotate(file, text, sites));
  }
  return { baseline, changes, runOptions };
}

async function loadBaseline(cwd: string, explicit: string | undefined): Promise<Baseline | undefined> {
  const path = explicit === undefined ? await findBaselineFile(cwd) : resolve(cwd, explicit);
  if (path === undefined) return undefined;
  const file = await readBaselineFile(path);
  if (!file) throw new OptionError(`--baseline: ${explicit} does not exist (memocap baseline writes it)`);
  return new Baseline(file);
}

/**
 * What the run did with its baseline: the sites it accepted and its stale entries (those about a
 * file the run looked at, or a file that no longer exists under `paths`, that match no site).
 */
export async function baselineReport(scope: RunScope, result: ScanResult, paths: readonly string[], cwd: string): Promise<BaselineReport | undefined> {
  const { baseline } = scope;
  if (!baseline) return undefined;
  // With --since, only the changed files are looked at: a deleted file is not in the change.
  const searched = scope.changes ? undefined : (paths.length > 0 ? paths : ["."]).map((path) => resolve(cwd, path));
  const stale = await baseline.staleEntries(searched, result.problems.map((problem) => problem.file));
  return {
    file: displayPath(cwd, baseline.path),
    entries: baseline.entries.length,
    baselined: result.sites.filter((site) => site.baseline !== undefined).length,
    stale: stale.map((entry) => ({ ...entry })),
  };
}
