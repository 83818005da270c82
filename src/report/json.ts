import type { RewritePlan, Site } from "../analysis/site.ts";
import type { FixResult } from "../fix/fix.ts";
import type { ScanResult } from "../scan.ts";
import { findingLevel, siteLevel, type Level } from "./explanations.ts";
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
}

export interface ProblemRecord {
  file: string;
  reason: string;
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
  sites: Array<{ line: number; column: number; code: string; transform?: string }>;
  /** Unified diff of the file (plain, 3 lines of context). */
  diff: string;
}

export interface FixJson extends Omit<ScanJson, "command" | "summary" | "sites"> {
  command: "fix";
  dry: boolean;
  /** The run was stopped (Ctrl-C) before every file was rewritten. */
  interrupted: boolean;
  summary: ScanSummary & { rewritten: number; filesChanged: number; left: number; failed: number };
  sites: FixSiteRecord[];
  changes: FileChangeRecord[];
  dependencyChanges: Array<{ packageJson: string; dependency: string; range: string }>;
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
  };
}

function problemRecord(problem: ProblemRecord, cwd: string): ProblemRecord {
  return { file: displayPath(cwd, problem.file), reason: problem.reason };
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

export function scanJson(result: ScanResult, cwd: string): ScanJson {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: toolInfo(),
    command: "scan",
    summary: summaryOf(result),
    sites: result.sites.map((site) => siteRecord(site, cwd)),
    problems: result.problems.map((problem) => problemRecord(problem, cwd)),
    warnings: (result.warnings ?? []).map((warning) => problemRecord(warning, cwd)),
  };
}

export function fixJson(result: FixResult, cwd: string, dry: boolean): FixJson {
  const changedFiles = new Set(result.changes.map((change) => change.file));
  const problemOf = new Map(result.problems.map((problem) => [problem.file, problem.reason]));
  const sites = result.sites.map((site): FixSiteRecord => ({ ...siteRecord(site, cwd), change: siteChange(site, changedFiles, problemOf) }));
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
    problems: result.problems.map((problem) => problemRecord(problem, cwd)),
    warnings: (result.warnings ?? []).map((warning) => problemRecord(warning, cwd)),
    changes: result.changes.map((change) => {
      const file = displayPath(cwd, change.file);
      return {
        file,
        sites: change.rewritten.map((site) => ({ line: site.line, column: site.column, code: site.code, ...(site.transform !== undefined && { transform: site.transform }) })),
        diff: change.diff,
      };
    }),
    dependencyChanges: result.dependencyChanges.map((change) => ({
      packageJson: displayPath(cwd, change.packageJson),
      dependency: change.dependency,
      range: change.range,
    })),
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
