import type { FixJson, FixSiteRecord } from "./json.ts";
import type { FixPackageRecord } from "./packages-json.ts";

/**
 * A Markdown summary of a `fix` run, fit for a pull request body: per package, the sites rewritten,
 * the sites left (with the reason) and the dependency added. Made from the JSON report, so a script
 * gets the same text from `fix()` as `memocap fix --report FILE.md` writes.
 */
export function fixMarkdown(report: FixJson): string {
  const would = report.dry ? "would be " : "";
  const lines = [`## memocap: bounded caches${report.dry ? " (dry run: nothing written)" : ""}`, ""];
  const { summary } = report;
  const added = report.dependencyChanges.length;
  lines.push(
    [
      `${count(report.packages.length, "package")}: ${count(summary.rewritten, "site")} ${would}rewritten in ${count(summary.filesChanged, "file")}`,
      `${summary.left} left as ${summary.left === 1 ? "it is" : "they are"}`,
      ...(summary.failed > 0 ? [`${summary.failed} in files that could not be rewritten`] : []),
      `lru-cache ${would}added to ${count(added, "package")}`,
    ].join(", ") + ".",
  );
  if (report.interrupted) lines.push("", "**The run was stopped before every file was rewritten**: the files listed as rewritten were, the others were not touched.");
  for (const record of report.packages) lines.push("", ...packageSection(record, report, would));
  const outside = report.problems.filter((problem) => problem.package === undefined);
  if (outside.length > 0) lines.push("", "### Files that could not be processed", "", ...outside.map((problem) => `- ${code(problem.file)}: ${inline(problem.reason)}`));
  return `${lines.join("\n")}\n`;
}

function packageSection(record: FixPackageRecord, report: FixJson, would: string): string[] {
  const title = record.name !== undefined ? `${code(record.name)} (${record.dir})` : code(record.dir);
  const lines = [`### ${title}`, ""];
  const sites = report.sites.filter((site) => site.package === record.dir);
  const rewritten = sites.filter((site) => site.change.status === "rewritten");
  const left = sites.filter((site) => site.change.status === "left" || site.change.status === "failed");
  const problems = report.problems.filter((problem) => problem.package === record.dir);
  if (sites.length === 0 && problems.length === 0) {
    lines.push("No memoization site found.");
    return lines;
  }
  const { summary } = record;
  lines.push(`${count(summary.sites, "site")} found: ${summary.rewritten} ${would}rewritten in ${count(summary.filesChanged, "file")}, ${left.length} left, ${summary.bounded} already bounded.`);
  if (rewritten.length > 0) {
    lines.push("", `**${would === "" ? "Rewritten" : "Would be rewritten"}**`, "", "| site | library | code | transform |", "| --- | --- | --- | --- |");
    for (const site of rewritten) lines.push(`| ${where(site)} | ${cell(site.library)} | ${site.code} | ${cell(site.transform ?? "")} |`);
  }
  if (left.length > 0) {
    lines.push("", "**Left for a person**", "", "| site | library | code | reason |", "| --- | --- | --- | --- |");
    for (const site of left) {
      const reason = site.change.status === "failed" ? `not rewritten: ${site.change.reason}` : "reason" in site.change ? site.change.reason : "";
      lines.push(`| ${where(site)} | ${cell(site.library)} | ${site.code} | ${cell(reason)} |`);
    }
  }
  if (problems.length > 0) {
    lines.push("", "**Could not be processed**", "", ...problems.map((problem) => `- ${code(problem.file)}: ${inline(problem.reason)}`));
  }
  for (const change of record.dependencyChanges) lines.push("", `Dependency: ${code(`${change.dependency}@${change.range}`)} ${would}added to ${code(change.packageJson)}.`);
  return lines;
}

function where(site: FixSiteRecord): string {
  const location = code(`${site.file}:${site.line}:${site.column}`);
  return site.name ? `${location} ${cell(code(site.name))}` : location;
}

function count(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}

/** Inline code that holds any text: a backtick run longer than any inside it. */
function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** One line of text. */
function inline(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}

/** A table cell: one line, pipes escaped (also inside code spans, as GitHub's tables want). */
function cell(text: string): string {
  return inline(text).replace(/\|/g, "\\|");
}
