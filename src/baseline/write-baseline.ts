import { mkdir, readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import writeFileAtomic from "write-file-atomic";
import type { Site } from "../analysis/site.ts";
import { ConfigError } from "../config/config-file.ts";
import { describeFsError } from "../files/fs-error.ts";
import { scan, type RunOptions, type ScanResult } from "../scan.ts";
import { Baseline, needsBaselineEntry } from "./baseline.ts";
import { BASELINE_FILE_NAME, findBaselineFile, readBaselineFile, serializeBaseline, type BaselineEntry } from "./baseline-file.ts";

export interface WriteBaselineOptions extends RunOptions {
  cwd: string;
  /** `--baseline FILE`; else the memocap-baseline.json found from cwd upward, else one in cwd. */
  baseline?: string;
  /** The reason every new entry gets; required when there are new entries (unless `prune`). */
  reason?: string;
  /** Only remove stale entries; add none. */
  prune?: boolean;
}

export type WriteBaselineResult =
  | { written: true; path: string; scan: ScanResult; added: BaselineEntry[]; kept: number; removed: BaselineEntry[]; unchanged: boolean }
  /** Sites need entries but no reason was given: nothing was written. */
  | { written: false; path: string; scan: ScanResult; needReason: Site[] };

/**
 * `memocap baseline`: scans the paths with the baseline as it is, adds an entry for every site that
 * would fail `scan --check` (with `reason`), keeps the entries that still match (with their own
 * reasons) and those about files this run did not look at, and removes the stale ones.
 */
export async function writeBaseline(options: WriteBaselineOptions): Promise<WriteBaselineResult> {
  const path = options.baseline !== undefined ? resolve(options.cwd, options.baseline) : ((await findBaselineFile(options.cwd)) ?? join(options.cwd, BASELINE_FILE_NAME));
  const existing = (await readBaselineFile(path)) ?? { path, entries: [] };
  const baseline = new Baseline(existing);
  const result = await scan({
    ...options,
    fileFilter: (file) => {
      baseline.noteScanned(file);
      return options.fileFilter?.(file) ?? true;
    },
    annotateSites: baseline.annotate,
  });

  const newSites = options.prune ? [] : result.sites.filter(needsBaselineEntry);
  const reason = options.reason?.trim();
  if (newSites.length > 0 && !reason) return { written: false, path, scan: result, needReason: newSites };

  const paths = (options.paths && options.paths.length > 0 ? options.paths : ["."]).map((searched) => resolve(options.cwd, searched));
  const removed = await baseline.staleEntries(paths, result.problems.map((problem) => problem.file));
  const removedFingerprints = new Set(removed.map((entry) => entry.fingerprint));
  const kept = existing.entries.filter((entry) => !removedFingerprints.has(entry.fingerprint));
  const added = newSites.map((site) => baseline.entryFor(site, reason!));
  const text = serializeBaseline([...kept, ...added]);
  const before = await readFile(path, "utf8").catch(() => undefined);
  if (before !== text) {
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFileAtomic(path, text);
    } catch (error) {
      throw new ConfigError(path, `cannot write the baseline: ${describeFsError(error)}`);
    }
  }
  return { written: true, path, scan: result, added, kept: kept.length, removed, unchanged: before === text };
}
