import pc from "picocolors";
import { CODES } from "../analysis/codes.ts";
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
  const outsideChange = site.inChange === false ? colors.dim(" [outside the change]") : "";
  const lines = [`${colors.bold(where)}  ${site.library}  ${state}${verdict}${outsideChange}  ${colors.dim(site.code)} ${site.message}`];
  for (const finding of site.findings) lines.push(`    ${colors.yellow(finding.code)} ${finding.message}`);
  return lines.join("\n");
}

export function formatScan(result: ScanResult, cwd: string, colors: Colors): string {
  const lines = result.sites.map((site) => formatSite(site, cwd, colors));
  lines.push(...result.problems.map((problem) => colors.red(`error: ${formatProblem({ ...problem, file: displayPath(cwd, problem.file) })}`)));
  const skipped = skippedSection(result.sites, cwd, colors);
  if (skipped) lines.push(skipped);
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

const SITES_SHOWN_PER_REASON = 10;

/**
 * The sites `fix` leaves as they are, grouped by reason code (the code's title, then each site),
 * and those it could not rewrite because their file failed: what a reviewer must handle by hand.
 */
export function skippedSection(sites: Site[], cwd: string, colors: Colors, notRewritten: Site[] = []): string {
  const groups = new Map<string, Site[]>();
  for (const site of sites) if (site.verdict === "skip") groups.set(site.code, [...(groups.get(site.code) ?? []), site]);
  if (groups.size === 0 && notRewritten.length === 0) return "";
  const lines = [colors.bold("Skipped, by reason:")];
  for (const [code, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const title = (CODES as Record<string, string>)[code] ?? group[0]!.message;
    lines.push(`  ${colors.yellow(code)} ×${group.length}  ${title}`);
    lines.push(...siteLines(group, cwd, colors, (site) => detailBeyond(site.message, title)));
  }
  if (notRewritten.length > 0) {
    lines.push(`  ${colors.red("not rewritten")} ×${notRewritten.length}  the file could not be rewritten (see the errors)`);
    lines.push(...siteLines(notRewritten, cwd, colors, (site) => site.code));
  }
  return lines.join("\n");
}

function siteLines(sites: Site[], cwd: string, colors: Colors, detail: (site: Site) => string): string[] {
  const lines = sites.slice(0, SITES_SHOWN_PER_REASON).map((site) => {
    const where = `${displayPath(cwd, site.file)}:${site.line}:${site.column}`;
    const about = [site.name, detail(site)].filter(Boolean).join(": ");
    return `      ${where}${about ? `  ${colors.dim(about)}` : ""}`;
  });
  const hidden = sites.length - SITES_SHOWN_PER_REASON;
  if (hidden > 0) lines.push(`      … and ${hidden} more (--format json lists every site)`);
  return lines;
}

/** The part of a site's message that its code's title does not already say. */
function detailBeyond(message: string, title: string): string {
  if (!message.startsWith(title)) return message;
  const rest = message.slice(title.length).replace(/^[;:,]?\s*/, "");
  return rest.startsWith("(") && rest.endsWith(")") ? rest.slice(1, -1) : rest;
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
