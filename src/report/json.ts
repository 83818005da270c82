import type { Site } from "../analysis/site.ts";
import type { FixResult } from "../fix/fix.ts";
import type { ScanResult } from "../scan.ts";
import { displayPath } from "./paths.ts";

export const JSON_SCHEMA_VERSION = 1;

/** A site as the JSON output shows it: paths relative to the run's folder, offsets kept. */
function siteRecord(site: Site, cwd: string): Record<string, unknown> {
  return { ...site, file: displayPath(cwd, site.file) };
}

export function scanJson(result: ScanResult, cwd: string): Record<string, unknown> {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    command: "scan",
    summary: {
      filesScanned: result.filesScanned,
      filesParsed: result.filesParsed,
      sites: result.sites.length,
      unbounded: result.sites.filter((site) => !site.bounded).length,
    },
    sites: result.sites.map((site) => siteRecord(site, cwd)),
    problems: result.problems.map((problem) => ({ ...problem, file: displayPath(cwd, problem.file) })),
  };
}

export function fixJson(result: FixResult, cwd: string, dry: boolean): Record<string, unknown> {
  const base = scanJson(result, cwd);
  return {
    ...base,
    command: "fix",
    dry,
    summary: { ...(base.summary as object), rewritten: result.rewritten.length, filesChanged: result.changes.length },
    changes: result.changes.map((change) => ({
      file: displayPath(cwd, change.file),
      sites: change.rewritten.map((site) => ({ line: site.line, column: site.column, code: site.code, plan: site.plan })),
    })),
    dependencyChanges: result.dependencyChanges.map((change) => ({
      packageJson: displayPath(cwd, change.packageJson),
      dependency: change.dependency,
      range: change.range,
    })),
  };
}
