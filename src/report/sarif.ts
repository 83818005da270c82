import { isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { CODES, type Code } from "../analysis/codes.ts";
import type { Site } from "../analysis/site.ts";
import type { FileProblem } from "../files/problem.ts";
import type { ScanResult } from "../scan.ts";
import { explanationOf, findingLevel, siteLevel, type Level } from "./explanations.ts";
import { describeEntry } from "../baseline/baseline-file.ts";
import type { BaselineReport } from "./json.ts";
import { displayPath } from "./paths.ts";
import { toolInfo } from "./tool-info.ts";

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one rule per reason code (from
 * CODES, with the explanation as help), one result per site or finding worth a look. Bounded
 * sites (level "none") are not results. Sites left by `memocap-ignore` are results suppressed
 * in source, so that viewers show them as dismissed rather than drop them.
 */

const SRCROOT = "%SRCROOT%";

interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId?: string };
    region?: { startLine: number; startColumn: number };
  };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Exclude<Level, "none">;
  message: { text: string };
  locations: SarifLocation[];
  suppressions?: Array<{ kind: "inSource" | "external"; status?: "accepted"; justification: string }>;
  /** With --since / --staged: "new" for a site a changed line touches, "unchanged" for the others. */
  baselineState?: "new" | "unchanged";
}

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  defaultConfiguration: { level: Level };
  properties: { tags: string[] };
}

export interface SarifLog {
  $schema: string;
  version: "2.1.0";
  runs: Array<{
    tool: { driver: { name: string; version: string; semanticVersion: string; rules: SarifRule[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: "utf16CodeUnits";
    invocations: Array<{
      executionSuccessful: boolean;
      toolExecutionNotifications: SarifNotification[];
      toolConfigurationNotifications: SarifNotification[];
    }>;
    results: SarifResult[];
  }>;
}

interface SarifNotification {
  level: "error" | "warning";
  message: { text: string };
  locations: SarifLocation[];
}

export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

export function scanSarif(result: ScanResult, cwd: string, baseline?: BaselineReport): SarifLog {
  const codes = Object.keys(CODES) as Code[];
  const ruleIndex = new Map<string, number>(codes.map((code, index) => [code, index]));
  const tool = toolInfo();
  return {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: tool.name, version: tool.version, semanticVersion: tool.version, rules: codes.map(sarifRule) } },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(cwd) } },
        columnKind: "utf16CodeUnits",
        invocations: [
          {
            // The run itself completes; files it could not read or parse are reported one by one.
            executionSuccessful: true,
            toolExecutionNotifications: result.problems.map((problem) => fileNotification("error", problem, cwd)),
            // A tsconfig.json that could not be used: the run's configuration, not a file's analysis.
            toolConfigurationNotifications: [
              ...(result.warnings ?? []).map((warning) => fileNotification("warning", warning, cwd)),
              // Baseline entries that match no site: the baseline file is configuration.
              ...(baseline?.stale ?? []).map((entry) =>
                fileNotification("warning", { file: resolve(cwd, baseline!.file), reason: `stale baseline entry (matches no site): ${describeEntry(entry)}` }, cwd),
              ),
            ],
          },
        ],
        results: result.sites.flatMap((site) => siteResults(site, cwd, ruleIndex)),
      },
    ],
  };
}

function sarifRule(code: Code): SarifRule {
  const title = CODES[code];
  const explanation = explanationOf(code);
  const details = explanation?.details ?? title;
  const example = explanation?.example;
  const text = example ? `${details}\n\nBefore:\n${example.before}\n\nAfter:\n${example.after}` : details;
  const markdown = example ? `${details}\n\nBefore:\n\n\`\`\`ts\n${example.before}\n\`\`\`\n\nAfter:\n\n\`\`\`ts\n${example.after}\n\`\`\`` : details;
  return {
    id: code,
    shortDescription: { text: title },
    fullDescription: { text: details },
    help: { text, markdown },
    defaultConfiguration: { level: explanation?.level ?? "warning" },
    properties: { tags: ["memory", "memoization"] },
  };
}

function siteResults(site: Site, cwd: string, ruleIndex: ReadonlyMap<string, number>): SarifResult[] {
  const location = siteLocation(site, cwd);
  const ignored = site.code === "MC901";
  const results: SarifResult[] = [];
  const add = (code: string, level: Level, message: string) => {
    const index = ruleIndex.get(code);
    // A code missing from CODES cannot name a rule; the JSON output still carries it.
    if (level === "none" || index === undefined) return;
    results.push({
      ruleId: code,
      ruleIndex: index,
      level,
      message: { text: site.name ? `${message} (${site.name})` : message },
      locations: [location],
      ...(ignored && { suppressions: [{ kind: "inSource" as const, justification: "memocap-ignore comment" }] }),
      // Accepted in memocap-baseline.json: suppressed outside the source, with the entry's reason.
      ...(site.baseline && { suppressions: [{ kind: "external" as const, status: "accepted" as const, justification: site.baseline.reason }] }),
      ...(site.inChange !== undefined && { baselineState: site.inChange ? ("new" as const) : ("unchanged" as const) }),
    });
  };
  add(site.code, siteLevel(site), `${site.library}: ${site.message}`);
  for (const finding of site.findings) add(finding.code, findingLevel(finding.code), `${site.library}: ${finding.message}`);
  return results;
}

function siteLocation(site: Site, cwd: string): SarifLocation {
  return {
    physicalLocation: {
      artifactLocation: artifactLocation(site.file, cwd),
      region: { startLine: site.line, startColumn: site.column },
    },
  };
}

function fileNotification(level: SarifNotification["level"], problem: FileProblem, cwd: string): SarifNotification {
  return {
    level,
    message: { text: problem.reason },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(problem.file, cwd) } }],
  };
}

/** Relative to %SRCROOT% (the folder memocap ran in) when the file is inside it, else absolute. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const shown = displayPath(cwd, file);
  if (isAbsolute(shown) || shown === ".." || shown.startsWith("../")) return { uri: pathToFileURL(file).href };
  return { uri: shown.split("/").map(encodeURIComponent).join("/"), uriBaseId: SRCROOT };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith("/") ? href : `${href}/`;
}
