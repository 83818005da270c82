import pc from "picocolors";
import type { Site } from "../analysis/site.ts";
import type { FixResult } from "../fix/fix.ts";
import { formatProblem } from "../files/problem.ts";
import type { ScanResult } from "../scan.ts";
import { displayPath } from "./paths.ts";

type Colors = ReturnType<typeof pc.createColors>;

/** `src/a.ts:3:18  lodash  unbounded  MC101 unbounded lodash memoize: …` and one line per finding. */
export function formatSite(site: Site, cwd: string, colors: Colors): string {
  const where = `${displayPath(cwd, site.file)}:${site.line}:${site.column}`;
  const state = site.bounded ? colors.green(site.max ? `bounded (max ${site.max})` : "bounded") : colors.red("unbounded");
  const verdict = site.verdict === "skip" ? colors.yellow(" [left]") : "";
  const lines = [`${colors.bold(where)}  ${site.library}  ${state}${verdict}  ${colors.dim(site.code)} ${site.message}`];
  for (const finding of site.findings) lines.push(`    ${colors.yellow(finding.code)} ${finding.message}`);
  return lines.join("\n");
}

export function formatScan(result: ScanResult, cwd: string, colors: Colors): string {
  const lines = result.sites.map((site) => formatSite(site, cwd, colors));
  lines.push(...result.problems.map((problem) => colors.red(`error: ${formatProblem({ ...problem, file: displayPath(cwd, problem.file) })}`)));
  lines.push(scanSummary(result));
  return lines.join("\n");
}

export function scanSummary(result: ScanResult): string {
  const unbounded = result.sites.filter((site) => !site.bounded).length;
  const parts = [
    `${result.filesScanned} ${plural(result.filesScanned, "file")} scanned`,
    `${result.sites.length} ${plural(result.sites.length, "site")} found (${unbounded} unbounded, ${result.sites.length - unbounded} bounded)`,
  ];
  const skipped = skippedByReason(result.sites);
  if (skipped) parts.push(`${skipped.count} left by reason: ${skipped.text}`);
  if (result.problems.length > 0) parts.push(`${result.problems.length} ${plural(result.problems.length, "file")} could not be processed`);
  return parts.join(", ");
}

export function fixSummary(result: FixResult, dry: boolean, cwd: string): string {
  const files = result.changes.length;
  const parts = [
    `${result.filesScanned} ${plural(result.filesScanned, "file")} scanned`,
    `${result.sites.length} ${plural(result.sites.length, "site")} found`,
    `${result.rewritten.length} ${dry ? "would be rewritten" : "rewritten"} in ${files} ${plural(files, "file")}`,
  ];
  const skipped = skippedByReason(result.sites);
  parts.push(skipped ? `${skipped.count} skipped (${skipped.text})` : "0 skipped");
  for (const change of result.dependencyChanges) {
    parts.push(`${change.dependency}@${change.range} ${dry ? "would be added" : "added"} to ${displayPath(cwd, change.packageJson)}`);
  }
  if (result.problems.length > 0) parts.push(`${result.problems.length} ${plural(result.problems.length, "file")} could not be processed`);
  return parts.join(", ");
}

function skippedByReason(sites: Site[]): { count: number; text: string } | undefined {
  const counts = new Map<string, number>();
  for (const site of sites) if (site.verdict === "skip") counts.set(site.code, (counts.get(site.code) ?? 0) + 1);
  if (counts.size === 0) return undefined;
  const text = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([code, count]) => `${code} ×${count}`).join(", ");
  return { count: [...counts.values()].reduce((sum, count) => sum + count, 0), text };
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
