import type { Argv } from "yargs";
import { describeEntry } from "./baseline/baseline-file.ts";
import type { ChangeRequest, ChangeSet } from "./git/changed-files.ts";
import { siteLevel } from "./report/explanations.ts";
import type { BaselineReport } from "./report/json.ts";
import type { ScopeRequest } from "./run-scope.ts";
import type { ScanResult } from "./scan.ts";

/** The command-line options that limit a `scan` or `fix` run to a change and apply a baseline. */
export interface ScopeArgs {
  /** A file name; false with --no-baseline. */
  baseline?: string | false;
  since?: string;
  staged?: boolean;
}

export function withScopeOptions<T>(argv: Argv<T>) {
  return argv
    .option("baseline", {
      type: "string",
      requiresArg: true,
      describe: "the baseline of accepted unbounded caches [default: memocap-baseline.json in this folder or above, up to the git top, if any] (--no-baseline: none)",
    })
    .option("since", { type: "string", requiresArg: true, describe: "only the files changed since this git ref (from its merge base with HEAD), untracked ones included" })
    .option("staged", { type: "boolean", describe: "only the files with staged changes in git" })
    .conflicts("since", "staged");
}

export function scopeRequest(args: ScopeArgs & { paths: string[] }, cwd: string): ScopeRequest {
  const changes: ChangeRequest | undefined = args.since !== undefined ? { since: args.since } : args.staged ? { staged: true } : undefined;
  return {
    cwd,
    paths: args.paths,
    ...(typeof args.baseline === "string" && { baseline: args.baseline }),
    useBaseline: args.baseline !== false,
    ...(changes && { changes }),
  };
}

/** One warning line per stale entry, with the way to remove them. */
export function staleEntryLines(report: BaselineReport | undefined): string[] {
  return (report?.stale ?? []).map((entry) => `${report!.file}: stale entry ${describeEntry(entry)} matches no site (memocap baseline --prune removes it)`);
}

/**
 * After `scan --check` with a baseline or a change: what the baseline accepted and what the change
 * left out, so that a pass is not misread. Undefined when neither applies.
 */
export function checkScopeNote(result: ScanResult, baseline: BaselineReport | undefined, changes: ChangeSet | undefined): string | undefined {
  const parts: string[] = [];
  if (baseline && baseline.baselined > 0) parts.push(`${baseline.baselined} accepted by the baseline`);
  if (changes) {
    const outside = result.sites.filter((site) => site.inChange === false && siteLevel(site) === "error" && site.baseline === undefined).length;
    const files = `${result.filesScanned} changed ${result.filesScanned === 1 ? "file" : "files"}`;
    parts.push(`${files} (${changes.description}) checked${outside > 0 ? `, ${outside} unbounded outside the changed lines not counted` : ""}`);
  }
  return parts.length > 0 ? `memocap: check: ${parts.join("; ")}` : undefined;
}
