/**
 * memocap's programmatic API: the CLI is a thin layer over these functions. `scan` and `fix` return
 * what `--format json` prints, as objects; `scanSites`/`fixSites` return the Site-level results the
 * CLI's text output, `scanJson`/`fixJson`, `scanSarif` and `fixMarkdown` are made from.
 */
import { Analyser } from "./analysis/analyser.ts";
import { DEFAULT_MAX } from "./analysis/analyse-file.ts";
import type { Site } from "./analysis/site.ts";

export { scan, fix, type ScanOptions, type FixRunOptions, type ScopeOptions } from "./api/reports.ts";
export { scan as scanSites, type RunOptions, type ScanResult } from "./scan.ts";
export { fix as fixSites, UncommittedChangesError, type FixOptions, type FixResult, type FileChange } from "./fix/fix.ts";
export { workspacePackages } from "./packages/workspaces.ts";
export type { PackageInfo } from "./packages/packages.ts";
export { effectiveConfig, type EffectiveConfig, type EffectiveConfigOptions } from "./config/effective-config.ts";
export { TRANSFORM_NAMES, type TransformName } from "./config/transform-names.ts";
export { OptionError } from "./option-error.ts";
export type { UncommittedFile } from "./fix/git-status.ts";
export type { DependencyChange } from "./fix/dependencies.ts";
export { ConfigError, type MemocapConfig, type LibraryOptions, type MaxOverride } from "./config/config-file.ts";
export { CODES, type Code } from "./analysis/codes.ts";
export { DEFAULT_MAX } from "./analysis/analyse-file.ts";
export type { Site, RewritePlan, KeyFinding } from "./analysis/site.ts";
export { scanJson, fixJson, JSON_SCHEMA_VERSION } from "./report/json.ts";
export type { ScanJson, FixJson, SiteRecord, FixSiteRecord, ProblemRecord, FileChangeRecord, SiteChange } from "./report/json.ts";
export type { PackageRecord, FixPackageRecord, PackageSummary } from "./report/packages-json.ts";
export { fixMarkdown } from "./report/markdown.ts";
export { scanSarif, type SarifLog } from "./report/sarif.ts";
export { EXPLANATIONS, type Explanation, type Level } from "./report/explanations.ts";

/** Analyses one file's text (its path picks the language). Used by transforms run on their own. */
export function analyseText(path: string, text: string, options: { max?: number } = {}): Site[] {
  return new Analyser({ max: options.max ?? DEFAULT_MAX }).analyse(path, text);
}
