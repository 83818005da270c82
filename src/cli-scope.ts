import { describeEntry } from "./baseline/baseline-file.ts";
import type { ChangeRequest, ChangeSet } from "./git/changed-files.ts";
import { siteLevel } from "./report/explanations.ts";
import type { BaselineReport } from "./report/json.ts";
import type { ScopeRequest } from "./run-scope.ts";
import type { ScanResult } from "./scan.ts";

/** The command-line options that limit a `scan` or `fix` run to a change and apply a baseline (src/cli.ts defines them). */
export interface ScopeArgs {
  /** A file name; false with --no-baseline. */
  baseline?: string | false;
  since?: string;
  staged?: boolean;
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
