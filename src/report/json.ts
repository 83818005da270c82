import type { RewritePlan, Site } from "../analysis/site.ts";
import type { FixResult } from "../fix/fix.ts";
import type { ProblemDiagnostic } from "../files/problem.ts";
import type { ScanResult } from "../scan.ts";
import { findingLevel, siteLevel, type Level } from "./explanations.ts";
import { fixPackageRecords, packageLabeller, scanPackageRecords, type FixPackageRecord, type PackageRecord } from "./packages-json.ts";
import { displayPath } from "./paths.ts";
import { toolInfo, type ToolInfo } from "./tool-info.ts";

/**
 * Version of the JSON output's shape, described by schema/memocap-output.schema.json. Bumped when
 * a field is removed or changes meaning; adding a field does not bump it.
 */
export const JSON_SCHEMA_VERSION = 1;

export interface FindingRecord {
  code: string;
  message: string;
  level: Level;
}

/** A site as the JSON output shows it: an explicit, documented subset of `Site`. */
export interface SiteRecord {
  /** Relative to the folder memocap ran in, with `/`. */
  file: string;
  line: number;
  column: number;
  /** Offsets of the memoizer call in the file's text (UTF-16 code units, BOM not counted), end exclusive. */
  start: number;
  end: number;
  kind: string;
  library: string;
  module: string;
  callee: string;
  name?: string;
  arity?: number;
  async: boolean;
  bounded: boolean;
  max?: number;
  code: string;
  message: string;
  level: Level;
  verdict: Site["verdict"];
  transform?: string;
  findings: FindingRecord[];
  /** Methods and class members: does the memoized function read `this`? */
  usesThis?: boolean;
  /** Memoized async functions: split, fallback or left, and why. */
  asyncVerdict?: { verdict: string; reason: string };
  /** The `dir` of the site's package in `packages`. */
  package?: string;
  /** With a baseline: the site's fingerprint, as memocap-baseline.json records it. */
  fingerprint?: string;
  /** The site is in the baseline, accepted as unbounded for this reason (`scan --check` passes it, `fix` leaves it). */
  baseline?: { reason: string };
  /** With --since / --staged: whether a changed line touches the site's code (only those fail `scan --check`). */
  inChange?: boolean;
}

export interface ProblemRecord {
  file: string;
  reason: string;
  /** The `dir` of the file's package in `packages` (warnings have none). */
  package?: string;
  /** fix: the type errors a rewrite would have added (the file was left as it was), positioned in the rewritten text. */
  diagnostics?: ProblemDiagnostic[];
}

export interface ScanSummary {
  filesScanned: number;
  filesParsed: number;
  sites: number;
  unbounded: number;
  bounded: number;
  /** Sites per reason code. */
  byCode: Record<string, number>;
  problems: number;
}

export interface ScanJson {
  schemaVersion: number;
  tool: ToolInfo;
  command: "scan";
  summary: ScanSummary;
  sites: SiteRecord[];
  problems: ProblemRecord[];
  /** Not problems with a file's analysis, but worth knowing (e.g. a tsconfig.json that could not be used). */
  warnings: ProblemRecord[];
  /** The packages of the run (nearest package.json of each file), each with its own summary. */
  packages: PackageRecord[];
  /** The baseline the run used: its file, how many sites it accepted, and its entries that match no site. */
  baseline?: BaselineReport;
}

/** Of `scan` with a baseline (src/baseline/). */
export interface BaselineReport {
  /** Relative to the folder memocap ran in. */
  file: string;
  entries: number;
  /** Sites the baseline accepted in this run. */
  baselined: number;
  /** Entries about files the run looked at that match no site (their file path relative to the baseline's folder). */
  stale: Array<{ file: string; library: string; code: string; name?: string; fingerprint: string; reason: string }>;
}

/** What `fix` did with a site. With `dry`, "rewritten" means "would be rewritten". */
export type SiteChange =
  | { status: "rewritten"; transform: string; plan: RewritePlan[] }
  | { status: "left"; reason: string }
  | { status: "failed"; reason: string }
  | { status: "none" };

export interface FixSiteRecord extends SiteRecord {
  change: SiteChange;
}

export interface FileChangeRecord {
  file: string;
  /** The `dir` of the file's package in `packages`. */
  package?: string;
  sites: Array<{ line: number; column: number; code: string; transform?: string }>;
  /** Unified diff of the file (plain, 3 lines of context). */
  diff: string;
}

export interface FixJson extends Omit<ScanJson, "command" | "summary" | "sites" | "baseline" | "packages"> {
  command: "fix";
  dry: boolean;
  /** The run was stopped (Ctrl-C) before every file was rewritten. */
  interrupted: boolean;
  summary: ScanSummary & { rewritten: number; filesChanged: number; left: number; failed: number };
  sites: FixSiteRecord[];
  changes: FileChangeRecord[];
  dependencyChanges: Array<{ packageJson: string; dependency: string; range: string; package?: string }>;
  /** The packages of the run, each with its own summary and the lru-cache dependency it got. */
  packages: FixPackageRecord[];
}

export function siteRecord(site: Site, cwd: string): SiteRecord {
  return {
    file: displayPath(cwd, site.file),
    line: site.line,
    column: site.column,
    start: site.start,
    end: site.end,
    kind: site.kind,
    library: site.library,
    module: site.module,
    callee: site.callee,
    ...(site.name !== undefined && { name: site.name }),
    ...(site.arity !== undefined && { arity: site.arity }),
    async: site.async,
    bounded: site.bounded,
    ...(site.max !== undefined && { max: site.max }),
    code: site.code,
    message: site.message,
    level: siteLevel(site),
    verdict: site.verdict,
    ...(site.transform !== undefined && { transform: site.transform }),
    findings: site.findings.map((finding) => ({ code: finding.code, message: finding.message, level: findingLevel(finding.code) })),
    ...(site.usesThis !== undefined && { usesThis: site.usesThis }),
    ...(site.asyncVerdict !== undefined && { asyncVerdict: { verdict: site.asyncVerdict.verdict, reason: site.asyncVerdict.reason } }),
    ...(site.fingerprint !== undefined && { fingerprint: site.fingerprint }),
    ...(site.baseline !== undefined && { baseline: { reason: site.baseline.reason } }),
    ...(site.inChange !== undefined && { inChange: site.inChange }),
  };
}

function problemRecord(problem: ProblemRecord, cwd: string): ProblemRecord {
  return { file: displayPath(cwd, problem.file), reason: problem.reason, ...(problem.diagnostics && { diagnostics: problem.diagnostics }) };
}

function summaryOf(result: ScanResult): ScanSummary {
  const byCode: Record<string, number> = {};
  for (const site of result.sites) byCode[site.code] = (byCode[site.code] ?? 0) + 1;
  const unbounded = result.sites.filter((site) => !site.bounded).length;
  return {
    filesScanned: result.filesScanned,
    filesParsed: result.filesParsed,
    sites: result.sites.length,
    unbounded,
    bounded: result.sites.length - unbounded,
    byCode,
    problems: result.problems.length,
  };
}

export function scanJson(result: ScanResult, cwd: string, baseline?: BaselineReport): ScanJson {
  const packageOf = packageLabeller(result.packages, cwd);
  const sites = result.sites.map((site) => ({ ...siteRecord(site, cwd), ...packageOf(site.file) }));
  const problems = result.problems.map((problem) => ({ ...problemRecord(problem, cwd), ...packageOf(problem.file) }));
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: toolInfo(),
    command: "scan",
    summary: summaryOf(result),
    sites,
    problems,
    warnings: (result.warnings ?? []).map((warning) => problemRecord(warning, cwd)),
    packages: scanPackageRecords(result.packages, cwd, sites, problems),
    ...(baseline && { baseline }),
  };
}

export function fixJson(result: FixResult, cwd: string, dry: boolean): FixJson {
  const changedFiles = new Set(result.changes.map((change) => change.file));
  const problemOf = new Map(result.problems.map((problem) => [problem.file, problem.reason]));
  const packageOf = packageLabeller(result.packages, cwd);
  const sites = result.sites.map((site): FixSiteRecord => ({ ...siteRecord(site, cwd), ...packageOf(site.file), change: siteChange(site, changedFiles, problemOf) }));
  const problems = result.problems.map((problem) => ({ ...problemRecord(problem, cwd), ...packageOf(problem.file) }));
  const changes = result.changes.map((change) => ({
    file: displayPath(cwd, change.file),
    ...packageOf(change.file),
    sites: change.rewritten.map((site) => ({ line: site.line, column: site.column, code: site.code, ...(site.transform !== undefined && { transform: site.transform }) })),
    diff: change.diff,
  }));
  const dependencyChanges = result.dependencyChanges.map((change) => ({
    packageJson: displayPath(cwd, change.packageJson),
    dependency: change.dependency,
    range: change.range,
    ...packageOf(change.packageJson),
  }));
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: toolInfo(),
    command: "fix",
    dry,
    interrupted: result.interrupted,
    summary: {
      ...summaryOf(result),
      rewritten: sites.filter((site) => site.change.status === "rewritten").length,
      filesChanged: result.changes.length,
      left: sites.filter((site) => site.change.status === "left").length,
      failed: sites.filter((site) => site.change.status === "failed").length,
    },
    sites,
    problems,
    warnings: (result.warnings ?? []).map((warning) => problemRecord(warning, cwd)),
    changes,
    dependencyChanges,
    packages: fixPackageRecords(result.packages, cwd, sites, problems, changes, dependencyChanges),
  };
}

/**
 * Decided per file: `fix` only keeps a file's output when every site to rewrite in it was rewritten
 * (the fixed-point check), so a rewrite site in a changed file was rewritten, and one in an
 * unchanged file was not.
 */
function siteChange(site: Site, changedFiles: ReadonlySet<string>, problemOf: ReadonlyMap<string, string>): SiteChange {
  switch (site.verdict) {
    case "none":
      return { status: "none" };
    case "skip":
      return { status: "left", reason: site.message };
    case "rewrite":
      if (changedFiles.has(site.file)) return { status: "rewritten", transform: site.transform ?? "", plan: site.plan ?? [] };
      return { status: "failed", reason: problemOf.get(site.file) ?? "the file was not rewritten" };
  }
}
