/**
 * memocap's programmatic API: the CLI is a thin layer over these functions.
 */
import { Analyser } from "./analysis/analyser.ts";
import { DEFAULT_MAX } from "./analysis/analyse-file.ts";
import type { Site } from "./analysis/site.ts";

export { scan, type RunOptions, type ScanResult } from "./scan.ts";
export { fix, UncommittedChangesError, type FixOptions, type FixResult, type FileChange } from "./fix/fix.ts";
export type { UncommittedFile } from "./fix/git-status.ts";
export type { DependencyChange } from "./fix/dependencies.ts";
export { ConfigError, type MemocapConfig } from "./config/config-file.ts";
export { CODES, type Code } from "./analysis/codes.ts";
export { DEFAULT_MAX } from "./analysis/analyse-file.ts";
export type { Site, RewritePlan, KeyFinding } from "./analysis/site.ts";
export { scanJson, fixJson, JSON_SCHEMA_VERSION } from "./report/json.ts";
export type { ScanJson, FixJson, SiteRecord } from "./report/json.ts";
export { scanSarif, type SarifLog } from "./report/sarif.ts";
export { EXPLANATIONS, type Explanation, type Level } from "./report/explanations.ts";

/** Analyses one file's text (its path picks the language). Used by transforms run on their own. */
export function analyseText(path: string, text: string, options: { max?: number } = {}): Site[] {
  return new Analyser({ max: options.max ?? DEFAULT_MAX }).analyse(path, text);
}
